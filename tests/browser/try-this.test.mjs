// The "Try this" exercises and the predict-then-check that need the real widget: GabaExplorer's floor
// readouts (chapter 4) and the Pareto widget's GABA floor (chapters 1 and 4). Each drives the widget as
// the reader is told to and reads back the number the chapter prints (content/figures.json).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assert, ROOT, test } from './harness.mjs';
import { openWidget, press, readout, screenshotBothThemes, text } from './widgets-support.mjs';

const figures = JSON.parse(readFileSync(path.join(ROOT, 'content/figures.json'), 'utf8')).figures;
const value = (key) => {
  assert.ok(figures[key], `figure ${key} in content/figures.json`);
  return figures[key].value;
};

test('Try this, chapter 4: predict the health share, check it, and the floor of 0.5 (GabaExplorer)', async ({ baseUrl, browser, screenshotDir }) => {
  const { page, context, watcher, figure, testId } = await openWidget(await browser(), baseUrl, 'GabaExplorer');
  try {
    // Predict, then check: the default norms (500×) leave health a few percent, not half.
    assert.equal(await text(testId('gaba-health-share')), `${(value('floor.healthShareDefault') * 100).toFixed(1)}%`);
    assert.equal(await text(testId('gaba-weight-rul')), value('floor.rulWeightDefault').toFixed(3));
    assert.equal(await text(testId('gaba-balanced-ratio')), '20.0×');
    await screenshotBothThemes(page, figure, screenshotDir, 'gaba-explorer-floor');

    // The floor at 0.5 (End on its slider): not 0.5/0.5, but 0.5/(0.5 + λ̄_health) renormalised.
    const floor = testId('gaba-floor');
    await press(floor, 'End');
    assert.equal(await floor.getAttribute('aria-valuetext'), '0.500');
    assert.equal(await text(testId('gaba-weight-rul')), value('floor.halfFloorRul').toFixed(3));
    assert.equal(await text(testId('gaba-weight-health')), value('floor.halfFloorHealth').toFixed(3));
    assert.equal(await text(testId('gaba-balanced-ratio')), '2.00×');
    watcher.assertClean('GabaExplorer floor exercises');
  } finally {
    await context.close();
  }
});

test('Try this, chapter 4: with β 0.9, under the cap or with no floor, health gets half (GabaExplorer)', async ({ baseUrl, browser }) => {
  for (const state of [{ normRul: 0.15, beta: 0.9 }, { minWeight: 0, beta: 0.9 }]) {
    const { context, watcher, testId } = await openWidget(await browser(), baseUrl, 'GabaExplorer', { state });
    try {
      assert.equal(await text(testId('gaba-health-share')), '50.0%', JSON.stringify(state));
      watcher.assertClean(`GabaExplorer ${JSON.stringify(state)}`);
    } finally {
      await context.close();
    }
  }
});

test('Try this, chapters 1 and 4: at 1000× GABA ends beside fixed λ; the floor control at 0.01 moves it off (ParetoFrontier)', async ({ baseUrl, browser, screenshotDir }) => {
  const { page, context, watcher, figure, testId } = await openWidget(await browser(), baseUrl, 'ParetoFrontier', { state: { mode: 'gaba', scale: 1000 } });
  try {
    const losses = async (term) => (await text(readout(figure, term))).split(' / ').map(Number);
    const near = (shown, key) => Math.abs(shown - value(key)) <= Math.abs(value(key)) * 0.006 + 1e-9;
    let gaba = await losses('GABA losses');
    const fixed = await losses('fixed-λ losses');
    assert.ok(near(gaba[1], 'pareto.gaba.1000x.floor05.healthLoss'), `GABA health loss ${gaba[1]}`);
    assert.ok(near(fixed[1], 'pareto.fixed.1000x.healthLoss'), `fixed health loss ${fixed[1]}`);

    const floor = testId('pareto-floor');
    assert.equal(await floor.getAttribute('aria-valuetext'), '0.050, balances ratios up to 20.0×');
    await press(floor, 'Home', 'ArrowRight', 'ArrowRight');
    assert.equal(await floor.getAttribute('aria-valuetext'), '0.010, balances ratios up to 100×');
    gaba = await losses('GABA losses');
    assert.ok(near(gaba[0], 'pareto.gaba.1000x.floor01.rulLoss'), `GABA RUL loss ${gaba[0]} with the floor at 0.01`);
    assert.ok(near(gaba[1], 'pareto.gaba.1000x.floor01.healthLoss'), `GABA health loss ${gaba[1]} with the floor at 0.01`);
    await page.waitForFunction(() => /\.minWeight=0\.01/.test(location.search));
    await screenshotBothThemes(page, figure, screenshotDir, 'pareto-gaba-floor');
    watcher.assertClean('ParetoFrontier floor');
  } finally {
    await context.close();
  }
});
