// Recorded speeds in a real browser: chapter 3's step rates and chapter 2's sweep ratio print the
// values of content/bench-figures.json (npm run bench:record), and each run is marked with its bench,
// the machine's cores, its load and whether a GPU took part; the tooltip holds the rest.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assert, openChapter, ROOT, test } from './harness.mjs';

const bench = JSON.parse(readFileSync(path.join(ROOT, 'content/bench-figures.json'), 'utf8'));
const grouped = (value, decimals) => value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
const MARKER = /^measured speed: bench:[\w-]+, \d+ cores, load \d+\.\d–\d+\.\d, (Node|Chromium), .+, (GPU present|no GPU.*)$/;

test('chapters 2 and 3 print recorded speeds from content/bench-figures.json with their machine and load', async ({ baseUrl, browser, screenshotDir }) => {
  const { page, context, watcher } = await openChapter(await browser(), baseUrl, 'tug-of-war');
  try {
    for (const key of ['bench.step.wasm.page.fused', 'bench.step.wasm.worker.fused', 'bench.step.torch.fused']) {
      // A figure may be quoted more than once (chapter 3 sets WASM's rate beside the resident step's too): every copy reads the same.
      const copies = await page.locator(`[data-figure="${key}"] .figure-measured`).all();
      assert.ok(copies.length >= 1, key);
      for (const copy of copies) assert.equal((await copy.innerText()).trim(), grouped(Math.round(bench.figures[key].value), 0), key);
    }
    const ratio = (await page.locator('[data-figure="bench.step.wasm.worker.fusedVsTorch"]').innerText()).trim();
    assert.match(ratio, /^\d[\d.,]*×$/);
    const note = page.locator('[data-run="bench.step"]');
    await note.scrollIntoViewIfNeeded();
    assert.match((await note.innerText()).trim(), MARKER);
    const title = await note.getAttribute('title');
    assert.match(title, new RegExp(`commit ${bench.runs.step.commit.replace('+', '\\+')}`));
    assert.match(title, /load \(1\/5\/15 min\)/);
    await note.locator('xpath=ancestor::p').screenshot({ path: path.join(screenshotDir, 'figures-speed-chapter3.png') });
    watcher.assertClean('chapter 3');
  } finally {
    await context.close();
  }
  const second = await openChapter(await browser(), baseUrl, 'fixed-weights');
  try {
    const sweep = second.page.locator('[data-figure="bench.sweep.wasm.ratio"]');
    await sweep.scrollIntoViewIfNeeded();
    assert.match((await sweep.locator('.figure-measured').innerText()).trim(), /^\d[\d.]*×$/);
    assert.match((await sweep.locator('.figure-marker').innerText()).trim(), /^\(measured speed: bench:sweep, .+\)$/);
    second.watcher.assertClean('chapter 2');
  } finally {
    await second.context.close();
  }
});

test("chapter 6's FD001 preset table prints the recorded bench:fd001 scores, one marked run per strategy", async ({ baseUrl, browser, screenshotDir }) => {
  const { page, context, watcher } = await openChapter(await browser(), baseUrl, 'the-data');
  try {
    for (const strategy of ['fixed', 'dwa', 'gaba']) {
      const key = `bench.fd001-${strategy}.meanRmse`;
      const cell = page.locator(`table [data-figure="${key}"] .figure-measured`);
      assert.equal((await cell.innerText()).trim(), grouped(bench.figures[key].value, 2), key);
      assert.match((await page.locator(`[data-run="bench.fd001-${strategy}"]`).innerText()).trim(), /^measured here: bench:fd001, \d+ cores, load /);
    }
    const table = page.locator('table:has([data-figure="bench.fd001-fixed.meanRmse"])');
    await table.scrollIntoViewIfNeeded();
    await table.screenshot({ path: path.join(screenshotDir, 'figures-speed-chapter6-fd001.png') });
    watcher.assertClean('chapter 6');
  } finally {
    await context.close();
  }
});
