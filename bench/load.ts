/**
 * `npm run bench:load`: what a reader downloads before chapter 1 shows any training widget. Builds
 * the book (dist-bench/book/, or dist/ with --dist), opens chapter 1 in a fresh Chromium context
 * (cold cache) without scrolling, records every JavaScript response until the network is idle,
 * gzips each body (level 9, as a static host would) and sums them; then times first render from a
 * cold cache (navigation start → chapter article in the DOM, and first contentful paint), median of
 * --runs fresh contexts. Finally scrolls to the first widget and lists what loads then.
 *
 *   npm run bench:load [-- --runs 5 --dist]
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { bookFolder, chapterSlugs } from './book-build';
import { launch, serve } from './browser';
import { describeMachine, formatMachine } from './machine';
import { loadAverage, numberOption, renderTable } from './report';
import { median } from './timing';

const BUDGET_GZIP = 250 * 1024;

interface Script {
  readonly name: string;
  readonly raw: number;
  readonly gzip: number;
  readonly tfjs: boolean;
}

function recordScripts(page: Page): Promise<Script>[] {
  const pending: Promise<Script>[] = [];
  page.on('response', (response) => {
    const url = response.url();
    const type = response.request().resourceType();
    if (type !== 'script' && !url.endsWith('.js')) return;
    pending.push(
      response.body().then(async (body) => {
        const name = new URL(url).pathname.split('/').pop() ?? url;
        // A tfjs chunk: its text holds tfjs-core's kernel registry or a backend's registration.
        const tfjs = /registerKernel|registerBackend/.test(body.toString('utf8'));
        return { name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, tfjs };
      }),
    );
  });
  return pending;
}

async function coldLoad(browser: Browser, url: string, slug: string): Promise<{ scripts: Script[]; article: number; fcp: number; page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __articleAt?: number };
    new MutationObserver((_, observer) => {
      if (document.querySelector('article[data-chapter]') !== null) {
        w.__articleAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const pending = recordScripts(page);
  await page.goto(`${url}#/${slug}`, { waitUntil: 'networkidle' });
  await page.waitForSelector(`article[data-chapter="${slug}"]`);
  const timing = await page.evaluate(() => ({
    article: (window as unknown as { __articleAt?: number }).__articleAt ?? Number.NaN,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  }));
  const scripts = await Promise.all(pending.splice(0));
  return { scripts, ...timing, page, close: () => context.close() };
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
const argv = process.argv.slice(2);
const runs = numberOption(argv, '--runs', 5);
console.log(`machine: ${formatMachine(describeMachine())}; ${loadAverage()}`);
const folder = await bookFolder(argv);
const [slug] = await chapterSlugs();
const server = await serve(folder);
const browser = await launch(false);
try {
  const first = await coldLoad(browser, server.url, slug);
  const widgetsInView = await first.page.evaluate(() =>
    [...document.querySelectorAll('figure.widget')].filter((element) => element.getBoundingClientRect().top < window.innerHeight).map((element) => element.getAttribute('data-widget')),
  );
  const scripts = [...first.scripts].sort((a, b) => b.gzip - a.gzip);
  console.log(`chapter 1 (#/${slug}), 1280×900, cold cache, no scrolling; widgets in the first viewport: ${widgetsInView.join(', ') || 'none'}`);
  console.log(renderTable(['script', 'bytes', 'gzip KiB', 'tfjs?'], scripts.map((s) => [s.name, String(s.raw), kb(s.gzip), s.tfjs ? 'yes' : ''])));
  const total = scripts.reduce((sum, s) => sum + s.gzip, 0);
  const tfjsBefore = scripts.filter((s) => s.tfjs);
  console.log(`total before any widget is near: ${scripts.length} scripts, ${kb(scripts.reduce((s, x) => s + x.raw, 0))} KiB raw, ${kb(total)} KiB gzip (budget ${kb(BUDGET_GZIP)} KiB: ${total <= BUDGET_GZIP ? 'within' : 'OVER'}); tfjs chunks: ${tfjsBefore.map((s) => s.name).join(', ') || 'none'}`);

  // What the first widget costs once the reader reaches it.
  const later = recordScripts(first.page);
  const widget = first.page.locator('figure.widget').first();
  if ((await widget.count()) > 0) {
    await widget.scrollIntoViewIfNeeded();
    await first.page.waitForFunction((el) => ['mounted', 'error'].includes((el as HTMLElement).dataset.widgetState ?? ''), await widget.elementHandle(), { timeout: 60_000 });
    await first.page.waitForLoadState('networkidle');
    const loaded = await Promise.all(later);
    console.log(`scrolling to the first widget (${await widget.getAttribute('data-widget')}) loads ${loaded.length} more scripts, ${kb(loaded.reduce((s, x) => s + x.gzip, 0))} KiB gzip: ${loaded.map((s) => `${s.name} ${kb(s.gzip)}`).join(', ') || '—'}`);
  }
  await first.close();

  const articles: number[] = [first.article];
  const paints: number[] = [first.fcp];
  for (let run = 1; run < runs; run += 1) {
    const again = await coldLoad(browser, server.url, slug);
    articles.push(again.article);
    paints.push(again.fcp);
    await again.close();
  }
  console.log(renderTable(
    ['cold first render of chapter 1', 'median ms', 'runs ms'],
    [
      ['navigation start → chapter <article> in the DOM', median(articles).toFixed(0), articles.map((v) => v.toFixed(0)).join(', ')],
      ['first contentful paint', median(paints).toFixed(0), paints.map((v) => v.toFixed(0)).join(', ')],
    ],
  ));
} finally {
  await browser.close();
  await server.close();
}
console.log(`load after: ${loadAverage()}`);
