// StrategyLab and the reader's files, as a reader would break it: "your files" with nothing loaded,
// train files too small to train on (one row, one engine), a large valid file, and one over the size
// limit. The lab refuses what it cannot train on with the numbers it needs, keeps the data it had,
// and parses in the training Worker with a progress bar, so the page stays responsive.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { assert, ROOT, test } from './harness.mjs';
import { measureLoad, writeRepeatedTrainFile } from './large-file.mjs';
import { openWidget, parseStepCount, playWhenReady, text, waitForText } from './widgets-support.mjs';

const TRAIN = path.resolve(ROOT, '../shared/cmapss/train_FD001.txt');
const HAVE_DATA = existsSync(TRAIN);
const FIXED_ONLY = 1;
const row = (unit, cycle) => [unit, cycle, '0.001', '0.0002', '100', ...Array.from({ length: 21 }, (_, s) => (500 + s + cycle / 50).toFixed(2))].join(' ');
const engines = (count, cycles) => Array.from({ length: count }, (_, u) => Array.from({ length: cycles }, (_, c) => row(u + 1, c + 1)).join('\n')).join('\n');
const asTrainFile = (content) => ({ name: 'train_FD001.txt', mimeType: 'text/plain', buffer: Buffer.from(content) });

test('StrategyLab: "your files" with nothing loaded disables Play and Step with a hint instead of training on other data', async ({ baseUrl, browser }) => {
  const { context, watcher, testId } = await openWidget(await browser(), baseUrl, 'StrategyLab', { state: { data: 'loaded', selection: FIXED_ONLY } });
  try {
    assert.equal(await testId('live-play').isDisabled(), true, 'Play is disabled before any file');
    assert.equal(await testId('live-step').isDisabled(), true, 'Step is disabled before any file');
    assert.match(await text(testId('lab-needs-files')), /Play and Step wait for your files/);
    assert.match(await text(testId('live-step-count')), /^step 0 \//);
    watcher.assertClean('StrategyLab waiting for files');
  } finally {
    await context.close();
  }
});

test('StrategyLab: one-row and one-engine train files are refused with the engines needed; the loaded data stays in use and trains', async ({ baseUrl, browser }) => {
  const { context, watcher, testId } = await openWidget(await browser(), baseUrl, 'StrategyLab', { state: { data: 'loaded', selection: FIXED_ONLY, steps: 100 } });
  try {
    const input = testId('lab-file-input');
    await input.setInputFiles([asTrainFile(engines(5, 40))]);
    const first = await waitForText(testId('lab-loaded'), (content) => content.startsWith('Loaded FD001: 5 training engines'), { label: 'five engines to load' });
    for (const [what, content] of [['one row', row(1, 1)], ['one engine', engines(1, 60)]]) {
      await input.setInputFiles([asTrainFile(content)]);
      const errors = await waitForText(testId('lab-load-errors'), (message) => message.length > 0, { label: `the ${what} refusal` });
      assert.match(errors, /^train_FD001\.txt holds 1 engine: the lab needs at least 3 engines, so that one in five \(at least one\) is held out for validation, and at least one 30-cycle window/, what);
      // The note about the data in use stays, and says it is still in use.
      assert.equal(await text(testId('lab-loaded')), first.replace(/^Loaded/, 'Still training on'), what);
    }
    // The kept data still trains: no internal error, and Reset leaves a lab ready to train again.
    const counter = await playWhenReady(testId, 10);
    const done = await waitForText(counter, (content) => ['done', 'error'].includes(parseStepCount(content)?.status), { timeout: 60_000, label: '100 steps' });
    assert.equal(parseStepCount(done).status, 'done', done);
    assert.equal(await figureError(testId), null);
    await testId('live-reset').click();
    await waitForText(counter, (content) => /^step 0 \/ 100 · idle/.test(content), { label: 'the reset lab' });
    watcher.assertClean('StrategyLab refusing small files');
  } finally {
    await context.close();
  }
});

async function figureError(testId) {
  const alert = testId('live-step-count').locator('xpath=following-sibling::p[@role="alert"]');
  return (await alert.count()) > 0 ? text(alert) : null;
}

test('StrategyLab: a ~60 MB train file parses in the Worker with a progress bar; one over the limit is refused by its size', async ({ baseUrl, browser }) => {
  if (!HAVE_DATA) {
    console.log(`     skipped: ${TRAIN} not found`);
    return;
  }
  const large = writeRepeatedTrainFile(TRAIN, 59);
  const huge = writeRepeatedTrainFile(TRAIN, 66);
  const { page, context, watcher, testId } = await openWidget(await browser(), baseUrl, 'StrategyLab', { state: { data: 'loaded', selection: FIXED_ONLY } });
  try {
    const fractions = [];
    const figures = await measureLoad(page, async () => {
      await testId('lab-file-input').setInputFiles(large.file);
      // Read the bar while it moves (a poll of the page, which stays free to answer).
      while ((await testId('lab-loaded').count()) === 0 && (await testId('lab-load-errors').count()) === 0) {
        const bar = testId('lab-load-progress');
        if (await bar.count()) fractions.push(await bar.evaluate((element) => element.position));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    assert.equal(await testId('lab-load-errors').count(), 0);
    assert.match(await text(testId('lab-loaded')), new RegExp(`^Loaded FD001: ${large.engines} training engines`));
    const partial = fractions.filter((f) => f > 0 && f < 1);
    assert.ok(partial.length >= 2, `the progress bar moved through the parse: ${JSON.stringify(fractions)}`);
    console.log(`     ${large.engines} engines (~59 MB): main thread longest task ${figures.longestTaskMs} ms, long tasks ${figures.blockedMs} ms in all; `
      + `page heap ${figures.heapBeforeMB} MB before, ${figures.heapPeakMB} MB peak, ${figures.heapAfterMB} MB after`);

    await testId('lab-file-input').setInputFiles(huge.file);
    const refused = await waitForText(testId('lab-load-errors'), (message) => message.length > 0, { label: 'the size refusal' });
    assert.match(refused, /^train_FD001\.txt is 6\d\.\d MB; the lab reads files up to 64\.0 MB/);
    assert.match(await text(testId('lab-loaded')), /^Still training on FD001/);
    assert.equal(await testId('live-play').isDisabled(), false);
    watcher.assertClean('StrategyLab with a large file');
  } finally {
    await context.close();
    large.cleanup();
    huge.cleanup();
  }
});
