// StrategyLab in a real browser: the reader's own FD001 files go in through the file picker, the core
// parses and prepares them in the page, two strategies train side by side in the Worker for a fixed
// number of steps, and the results table reads back finite validation metrics for both and the
// test engines' scores (one last window per engine). A malformed
// file gets its exact message, with file and line, next to the drop zone.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { assert, ROOT, test } from './harness.mjs';
import { openWidget, parseStepCount, playWhenReady, screenshotBothThemes, text, waitForText } from './widgets-support.mjs';

/** The NASA files live outside the repository (never committed): ../shared/cmapss from the repo root. */
const DATA_DIR = path.resolve(ROOT, '../shared/cmapss');
const FD001 = ['train_FD001.txt', 'test_FD001.txt', 'RUL_FD001.txt'];
const HAVE_DATA = FD001.every((name) => existsSync(path.join(DATA_DIR, name)));

// An old link: the selection as a bitmask over the lab's first ten strategies (fixed = bit 0,
// gaba = bit 7). Links now name the strategies; old ones must still open the same lab.
const FIXED_AND_GABA = (1 << 0) | (1 << 7);
// GABA's first 100 steps are its equal-weight warm-up (identical to Fixed 0.5/0.5), so train past it.
const STEPS = 200;

test('StrategyLab: FD001 through the file picker, Fixed and GABA trained 200 steps side by side, the table read back', async ({ baseUrl, browser, screenshotDir }) => {
  if (!HAVE_DATA) {
    console.log(`     skipped: ${FD001.join(', ')} not found in ${DATA_DIR}`);
    return;
  }
  const { page, context, watcher, figure, testId } = await openWidget(await browser(), baseUrl, 'StrategyLab', {
    state: { data: 'loaded', steps: STEPS, selection: FIXED_AND_GABA, seed: 0 },
  });
  try {
    const checked = async (name) => figure.locator(`input[data-strategy="${name}"]`).isChecked();
    assert.deepEqual([await checked('fixed'), await checked('gaba'), await checked('amnl'), await checked('mgda')], [true, true, false, false]);
    // Before any file: the lab has nothing to train on and says how to give it data.
    await testId('lab-file-input').setInputFiles(FD001.map((name) => path.join(DATA_DIR, name)));
    const loaded = await waitForText(testId('lab-loaded'), (content) => /FD001/.test(content), { timeout: 60_000, label: 'the files to load' });
    assert.match(loaded, /FD001/);
    assert.equal(await testId('lab-load-errors').count(), 0);

    const counter = await playWhenReady(testId, 50, { label: 'the lab to be ready' });
    const final = await waitForText(counter, (content) => parseStepCount(content)?.status === 'done', { timeout: 90_000, label: `${STEPS} steps` });
    const parsed = parseStepCount(final);
    assert.equal(parsed.step, STEPS);
    assert.equal(parsed.total, STEPS);
    assert.match(parsed.backend, /in a Worker/);

    // One row per chosen strategy, at the last step, with finite metrics in sensible ranges.
    const table = testId('lab-results');
    const rows = table.locator('tbody tr');
    assert.equal(await rows.count(), 2);
    const read = async (strategy) => {
      const row = table.locator(`tbody tr[data-strategy="${strategy}"]`);
      const cell = async (metric) => Number(await text(row.locator(`[data-metric="${metric}"]`)));
      return {
        step: Number(await text(row.locator('td').first())), rmse: await cell('rmse'), nasa: await cell('nasa'), accuracy: await cell('accuracy'),
        testRmse: await cell('test-rmse'), testNasa: await cell('test-nasa'),
      };
    };
    const results = { fixed: await read('fixed'), gaba: await read('gaba') };
    for (const [strategy, result] of Object.entries(results)) {
      assert.equal(result.step, STEPS, `${strategy}: evaluated at the last step`);
      // Capped RUL is 0…125 cycles: a constant-mean predictor scores about 40 on these engines.
      assert.ok(result.rmse > 0 && result.rmse < 60, `${strategy}: validation RMSE ${result.rmse}`);
      assert.ok(result.nasa > 0 && Number.isFinite(result.nasa), `${strategy}: NASA score ${result.nasa}`);
      assert.ok(result.accuracy > 0.3 && result.accuracy <= 1, `${strategy}: health accuracy ${result.accuracy}`);
      // The test files are scored as chapter 6 scores them: one last window per engine, truth capped at 125.
      assert.ok(result.testRmse > 0 && result.testRmse < 45, `${strategy}: test RMSE ${result.testRmse}`);
      assert.ok(result.testNasa > 0 && result.testNasa < result.nasa, `${strategy}: test NASA ${result.testNasa} over 100 engines, validation ${result.nasa} over thousands of windows`);
    }
    const caption = await text(table.locator('caption'));
    assert.match(caption, /each of the 100 test engines scored on its last window/);
    assert.match(caption, /capped at 125/);
    // Same initialisation and batches, different weights: the two runs must not be the same run.
    assert.notDeepEqual(results.fixed, results.gaba, 'Fixed and GABA gave identical results after the warm-up');
    console.log(`     StrategyLab FD001, ${STEPS} steps, seed 0: ${JSON.stringify(results)}`);

    await screenshotBothThemes(page, figure, screenshotDir, 'strategy-lab-fd001');
    watcher.assertClean('StrategyLab page');
  } finally {
    await context.close();
  }
});

test('StrategyLab: a malformed train file is refused with its file, line and column next to the drop zone', async ({ baseUrl, browser }) => {
  const { context, watcher, testId } = await openWidget(await browser(), baseUrl, 'StrategyLab', { state: { data: 'loaded', steps: STEPS } });
  try {
    const row = (unit, cycle) => [unit, cycle, ...Array(24).fill('0.5')].join(' ');
    const broken = [row(1, 1), row(1, 2), row(1, 3).replace(/0\.5$/, 'abc')].join('\n');
    await testId('lab-file-input').setInputFiles([{ name: 'train_FD001.txt', mimeType: 'text/plain', buffer: Buffer.from(broken) }]);
    const errors = testId('lab-load-errors');
    await errors.waitFor();
    assert.equal(await text(errors), 'train_FD001.txt line 3: column 26 is "abc", not a number');
    assert.equal(await testId('lab-loaded').count(), 0);

    // A file that is not C-MAPSS at all, by name, is refused before it is read.
    await testId('lab-file-input').setInputFiles([{ name: 'engines.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n') }]);
    await waitForText(errors, (content) => content.startsWith('engines.csv:'), { label: 'the file-name message' });
    assert.match(await text(errors), /expected a C-MAPSS file name such as train_FD001\.txt/);
    watcher.assertClean('StrategyLab with bad files');
  } finally {
    await context.close();
  }
});

test('StrategyLab: the temporal backbone trains live on the synthetic fleet to a validation RMSE well under 45 cycles', async ({ baseUrl, browser, screenshotDir }) => {
  // Fixed only, by name: one run of 1-D convolutions over 30-cycle windows, 200 steps, evaluated every 50.
  const { page, context, watcher, figure, testId } = await openWidget(await browser(), baseUrl, 'StrategyLab', {
    state: { data: 'fleet', backbone: 'temporal', steps: 200, selection: 'fixed', seed: 0 },
  });
  try {
    // Ticking MGDA writes the selection into the URL by name; unticking it goes back to fixed alone.
    const mgda = figure.locator('input[data-strategy="mgda"]');
    await mgda.check();
    await page.waitForFunction(() => [...new URLSearchParams(location.search).entries()].some(([k, v]) => k.endsWith('.selection') && v === 'fixed.mgda'));
    await mgda.uncheck();
    await page.waitForFunction(() => [...new URLSearchParams(location.search).entries()].some(([k, v]) => k.endsWith('.selection') && v === 'fixed'));
    assert.equal(await testId('lab-backbone').inputValue(), 'temporal');
    assert.equal(await testId('lab-backbone').isDisabled(), false, 'the backbone menu is live on windowed data');
    const counter = await playWhenReady(testId, 50, { label: 'the fleet lab to be ready' });
    const final = await waitForText(counter, (content) => parseStepCount(content)?.status === 'done', { timeout: 110_000, label: '200 temporal steps' });
    assert.equal(parseStepCount(final).step, 200);
    const rmse = Number(await text(testId('lab-results').locator('tbody tr[data-strategy="fixed"] [data-metric="rmse"]')));
    // The capped RUL spans 0…125 cycles: an untrained network is far off; 200 steps must get well inside that.
    assert.ok(rmse > 0 && rmse < 45, `temporal backbone validation RMSE after 200 steps: ${rmse}`);
    console.log(`     StrategyLab temporal backbone, synthetic fleet, 200 steps, seed 0: ${final}; validation RMSE ${rmse}`);
    await screenshotBothThemes(page, figure, screenshotDir, 'strategy-lab-temporal');
    watcher.assertClean('StrategyLab temporal');
  } finally {
    await context.close();
  }
});
