// StrategyLab's scorecard in a real browser: Fixed 0.5 / 0.5 and Uncertainty weighting trained over 3
// seeds for 100 steps each on the synthetic fleet, in the training host's Worker. The test reads the
// progress while it runs (and that the page keeps drawing frames), then the table: one row per
// strategy, every cell a finite mean ± a finite interval, the baseline unmarked, the caption naming the
// seeds and the 100 test engines.
import { assert, test } from './harness.mjs';
import { countFrames, openWidget, screenshotBothThemes, text, waitForText } from './widgets-support.mjs';

// Bits of the lab's `selection` state, in the core's STRATEGY_NAMES order: fixed = 0, uncertainty = 3.
const FIXED_AND_UNCERTAINTY = (1 << 0) | (1 << 3);

test('StrategyLab: a scorecard of 2 strategies × 3 seeds on the synthetic fleet, read back from the table', async ({ baseUrl, browser, screenshotDir }) => {
  const { page, context, watcher, figure, testId } = await openWidget(await browser(), baseUrl, 'StrategyLab', {
    state: { data: 'fleet', steps: 100, selection: FIXED_AND_UNCERTAINTY, seed: 0, seeds: 3 },
  });
  try {
    assert.equal(await testId('scorecard-seeds').inputValue(), '3', 'the seed count comes from the URL');
    assert.match(await text(testId('scorecard-status')), /2 strategies × 3 seeds × 100 steps/);
    await testId('scorecard-run').click();
    const during = await waitForText(testId('scorecard-status'), (content) => /seed \d of 3/.test(content), { timeout: 90_000, label: 'scorecard progress' });
    // Training runs in the Worker: the page still draws frames while the scorecard trains.
    const { frames } = await countFrames(page, 1000);
    const table = testId('scorecard-table');
    await table.waitFor({ timeout: 120_000 });

    const rows = table.locator('tbody tr');
    assert.equal(await rows.count(), 2);
    const read = async (strategy) => {
      const cells = table.locator(`tbody tr[data-strategy="${strategy}"] td`);
      const values = [];
      for (let i = 0; i < 3; i += 1) {
        const cell = cells.nth(i);
        const match = /^(-?[\d.]+) ± ([\d.]+)/.exec(await text(cell));
        assert.ok(match, `${strategy}: cell ${i} reads "${await text(cell)}"`);
        values.push({ mean: Number(match[1]), halfWidth: Number(match[2]), mark: await cell.getAttribute('data-mark') });
      }
      return { rmse: values[0], nasa: values[1], accuracy: values[2] };
    };
    const fixed = await read('fixed');
    const uncertainty = await read('uncertainty');
    for (const [name, result] of Object.entries({ fixed, uncertainty })) {
      assert.ok(result.rmse.mean > 0 && result.rmse.mean < 125, `${name}: RMSE ${result.rmse.mean}`);
      assert.ok(result.rmse.halfWidth > 0, `${name}: three seeds give a spread`);
      assert.ok(result.nasa.mean > 0, `${name}: NASA ${result.nasa.mean}`);
      assert.ok(result.accuracy.mean > 0 && result.accuracy.mean <= 1, `${name}: accuracy ${result.accuracy.mean}`);
    }
    assert.equal(fixed.rmse.mark, 'baseline');
    assert.ok(['better', 'worse', 'within'].includes(uncertainty.rmse.mark), `uncertainty's mark: ${uncertainty.rmse.mark}`);
    const caption = await text(table.locator('caption'));
    assert.match(caption, /seeds 0, 1, 2, after 100 steps/);
    assert.match(caption, /100 test engines/);
    console.log(`     scorecard while running: "${during}", ${frames} frames in 1 s; fixed ${JSON.stringify(fixed)}; uncertainty ${JSON.stringify(uncertainty)}`);
    assert.ok(frames >= 5, `the page kept drawing while the scorecard trained (${frames} frames in 1 s)`);

    await screenshotBothThemes(page, figure, screenshotDir, 'strategy-lab-scorecard');
    watcher.assertClean('StrategyLab page');
  } finally {
    await context.close();
  }
});
