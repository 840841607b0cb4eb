// The header badge and ?backend=: TensorFlow.js loads only with a widget, the badge names the
// backend the core chose, and requests that cannot be honoured produce a notice, never a blank page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assert, mountAllWidgets, openChapter, readBadge, ROOT, test } from './harness.mjs';

// Widgets that can train start the training host (and TensorFlow.js) when they mount; the others
// (e.g. the Pareto frontier) are pure numbers and load nothing.
const TRAINING_WIDGETS = /<Widget\s+name="(GabaExplorer|GradientCombiner|LambdaSweep|StrategyLab|AggregatorArena)"/;

function firstChapterWithWidget(chapters) {
  const chapter = chapters.find((entry) => TRAINING_WIDGETS.test(readFileSync(path.join(ROOT, 'content', entry.file), 'utf8')));
  if (!chapter) throw new Error('no chapter embeds a widget that trains');
  return chapter.slug;
}

test('the landing page does not load TensorFlow.js and says so', async ({ baseUrl, browser }) => {
  const { page, context, watcher } = await openChapter(await browser(), baseUrl, '');
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  try {
    await page.waitForTimeout(500);
    const badge = await readBadge(page, { waitForReady: false });
    assert.equal(badge.status, 'idle');
    assert.match(badge.text, /not loaded yet/);
    assert.deepEqual(requests.filter((url) => /widget-|\.wasm$|backend/.test(url)), []);
    watcher.assertClean('landing');
  } finally {
    await context.close();
  }
});

test('without WebGPU the badge says WASM and why', async ({ baseUrl, browser, chapters }) => {
  const { page, context, watcher } = await openChapter(await browser(), baseUrl, firstChapterWithWidget(chapters));
  try {
    await mountAllWidgets(page);
    const badge = await readBadge(page);
    assert.equal(badge.backend, 'wasm', badge.text);
    assert.match(badge.text, /Backend: WASM/);
    assert.match(badge.text, /WebGPU.*: using WASM/);
    watcher.assertClean('wasm badge');
  } finally {
    await context.close();
  }
});

test('with --enable-unsafe-webgpu the badge says WebGPU', async ({ baseUrl, webgpuBrowser, chapters }) => {
  const { page, context, watcher } = await openChapter(await webgpuBrowser(), baseUrl, firstChapterWithWidget(chapters));
  try {
    await mountAllWidgets(page);
    const badge = await readBadge(page);
    assert.equal(badge.backend, 'webgpu', badge.text);
    assert.match(badge.text, /Backend: WebGPU/);
    watcher.assertClean('webgpu badge');
  } finally {
    await context.close();
  }
});

test('?backend=cpu forces the CPU backend', async ({ baseUrl, browser, chapters }) => {
  const { page, context, watcher } = await openChapter(await browser(), baseUrl, firstChapterWithWidget(chapters), { query: '?backend=cpu' });
  try {
    await mountAllWidgets(page);
    assert.equal((await readBadge(page)).backend, 'cpu');
    assert.equal(await page.locator('.backend-notice').count(), 0);
    watcher.assertClean('forced cpu');
  } finally {
    await context.close();
  }
});

test('an unavailable forced backend falls back with a visible notice', async ({ baseUrl, browser, chapters }) => {
  const { page, context, watcher } = await openChapter(await browser(), baseUrl, firstChapterWithWidget(chapters), { query: '?backend=webgpu' });
  try {
    await mountAllWidgets(page);
    const badge = await readBadge(page);
    assert.notEqual(badge.backend, 'webgpu');
    assert.match(await page.locator('.backend-notice').innerText(), /webgpu/i);
    watcher.assertClean('forced webgpu');
  } finally {
    await context.close();
  }
});

test('an invalid ?backend= value gets a notice and the page still works', async ({ baseUrl, browser, chapters }) => {
  const { page, context, watcher } = await openChapter(await browser(), baseUrl, firstChapterWithWidget(chapters), { query: '?backend=tpu' });
  try {
    assert.match(await page.locator('.backend-notice').innerText(), /tpu/);
    await mountAllWidgets(page);
    assert.equal((await readBadge(page)).status, 'ready');
    watcher.assertClean('invalid backend');
  } finally {
    await context.close();
  }
});
