// Shared helpers for the browser tests. A test file (tests/browser/*.test.mjs) calls `test(name,
// fn)`; run.mjs serves dist/, then calls every fn with a context { baseUrl, chapters, browser(),
// webgpuBrowser(), screenshotDir }. Helpers here open pages and check what every page must satisfy.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { serveDirectory } from './static-server.mjs';

export { assert };

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const registered = [];

/** Registers a browser test; `fn(context)` may throw (or reject) to fail. */
export function test(name, fn) {
  registered.push({ name, fn });
}

export function registeredTests() {
  return registered.splice(0);
}

/** Serves the built book (dist/) on 127.0.0.1. */
export function startServer(root = path.join(ROOT, 'dist')) {
  return serveDirectory(root);
}

/** Headless Chromium; `webgpu: true` adds --enable-unsafe-webgpu (SwiftShader WebGPU). */
export function launchBrowser({ webgpu = false } = {}) {
  const args = ['--headless=new', '--no-sandbox', '--disable-gpu-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];
  if (webgpu) args.push('--enable-unsafe-webgpu');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args });
}

/** Every chapter in content/, in reading order: { file, slug, number, title, summary }. */
export function discoverChapters() {
  const directory = path.join(ROOT, 'content');
  return readdirSync(directory)
    .filter((name) => /^\d+-[a-z0-9-]+\.mdx$/.test(name))
    .map((name) => {
      const text = readFileSync(path.join(directory, name), 'utf8');
      const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
      return { file: name, slug: name.replace(/^\d+-/, '').replace(/\.mdx$/, ''), ...parseYaml(yaml) };
    })
    .sort((a, b) => a.number - b.number);
}

/**
 * Records what must not happen on a page: console errors, uncaught exceptions, failed or 4xx/5xx
 * requests, and any request that leaves the book's own origin (the book must work offline).
 */
export function watchProblems(page, baseUrl) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`foreign request: ${url}`);
  });
  return {
    problems,
    assertClean(label = 'page') {
      assert.deepEqual(problems, [], `${label} had problems:\n${problems.join('\n')}`);
    },
  };
}

/**
 * Opens a new page at `#/<slug>` (or the landing page when slug is empty) and waits for the
 * chapter body. Options: viewport ('desktop' | 'phone'), colorScheme ('light' | 'dark'), query
 * (e.g. '?backend=wasm'), touch (a touch screen).
 */
export async function openChapter(browser, baseUrl, slug, { viewport = 'desktop', colorScheme = 'light', query = '', touch = false } = {}) {
  // touch: a touch-screen phone, so Chromium delivers real touch events to the page.
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], colorScheme, reducedMotion: 'reduce', ...(touch ? { hasTouch: true, isMobile: true } : {}) });
  const page = await context.newPage();
  const watcher = watchProblems(page, baseUrl);
  await page.goto(`${baseUrl}${query}#/${slug}`);
  // The body is a lazy chunk: wait until it has rendered, not just the frame around it.
  if (slug) await page.waitForSelector(`article[data-chapter="${slug}"][data-body="rendered"] .pager`);
  else await page.waitForSelector('.chapter-list');
  return { page, context, watcher };
}

/** Scrolls each widget into view in turn and waits until all are mounted (or one errors). */
export async function mountAllWidgets(page, timeout = 30_000) {
  const count = await page.locator('figure.widget').count();
  for (let index = 0; index < count; index += 1) {
    const widget = page.locator('figure.widget').nth(index);
    await widget.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (element) => ['mounted', 'error'].includes(element.dataset.widgetState),
      await widget.elementHandle(),
      { timeout },
    );
    const state = await widget.getAttribute('data-widget-state');
    const name = await widget.getAttribute('data-widget');
    const message = state === 'error' ? await widget.locator('.widget-error').innerText() : '';
    assert.equal(state, 'mounted', `widget ${name} did not mount: ${message}`);
  }
  return count;
}

/** KaTeX ran: .katex elements exist and no `$` is left in the prose outside code. */
export async function assertMathRendered(page) {
  const result = await page.evaluate(() => {
    const article = document.querySelector('article');
    const clone = article.cloneNode(true);
    clone.querySelectorAll('.katex, pre, code, .listing, .widget').forEach((element) => element.remove());
    // Equation numbers sit at the right edge only when KaTeX's CSS matches the markup's version.
    const tags = [...article.querySelectorAll('.katex-display .tag, .katex-display .katex-tag')];
    const looseTags = tags.filter((tag) => getComputedStyle(tag).position !== 'absolute').length;
    return { katex: article.querySelectorAll('.katex').length, errors: article.querySelectorAll('.katex-error').length, leftover: clone.textContent.includes('$'), looseTags };
  });
  assert.ok(result.katex > 0, 'no .katex elements: math was not rendered');
  assert.equal(result.errors, 0, 'KaTeX reported errors');
  assert.equal(result.leftover, false, 'raw $ math left in the text');
  assert.equal(result.looseTags, 0, 'equation numbers are not placed at the right edge (KaTeX CSS and markup versions differ?)');
}

/** Markdown ran: no raw table rows or bold markers left in the prose (tables need remark-gfm). */
export async function assertMarkdownRendered(page) {
  const leftovers = await page.evaluate(() => [...document.querySelectorAll('article p, article li')]
    .map((element) => element.textContent)
    .filter((content) => /\|\s*---/.test(content) || /^\s*\|.*\|\s*$/m.test(content) || content.includes('**')));
  assert.deepEqual(leftovers, [], 'raw markdown left in the text');
}

/** Waits until the header badge shows a chosen backend and returns { status, backend, text }. */
export async function readBadge(page, { waitForReady = true, timeout = 60_000 } = {}) {
  if (waitForReady) await page.waitForSelector('.backend-badge[data-status="ready"], .backend-badge[data-status="error"]', { timeout });
  return page.evaluate(() => {
    const badge = document.querySelector('.backend-badge');
    return { status: badge.dataset.status, backend: badge.dataset.backend, text: badge.textContent };
  });
}
