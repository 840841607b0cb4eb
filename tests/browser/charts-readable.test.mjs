// Charts a reader can read: hover or keyboard focus reads every series at one step; the lab's legend
// hides or highlights a strategy and smooths the lines; axes follow the data (and keep their ticks
// after one step); GradientCombiner says "not measured yet" before the first step and reads a
// cancelled update as 0 with no angle; numbers are written as people write them; chart text is at
// least 11 px on a phone.
import { assert, test } from './harness.mjs';
import { openWidget, parseStepCount, screenshotBothThemes, text, waitForText } from './widgets-support.mjs';

const LAB_CHARTS = ['lab-rul-loss', 'lab-health-loss', 'lab-weights', 'lab-ratio'];
/** Tick labels of a chart's left (y) axis: the second axis drawn. */
const yTicks = (chart) => chart.locator('g.ba-axis').nth(1).locator('g text').allTextContents();
/** Smallest on-screen size (px) of any text in the figure's charts. */
const smallestChartText = (figure) => figure.evaluate((root) => Math.min(...[...root.querySelectorAll('svg text')]
  .filter((element) => element.getBoundingClientRect().width > 0)
  .map((element) => {
    const { a, b } = element.getScreenCTM(); // rotated labels too: the scale is the length of the x basis vector
    return parseFloat(getComputedStyle(element).fontSize) * Math.hypot(a, b);
  })));

test('charts: the lab keeps its axis ticks after one step, reads every strategy on hover and by keyboard, and its legend hides, highlights and smooths', async ({ baseUrl, browser, screenshotDir }) => {
  const { page, context, watcher, figure, testId } = await openWidget(await browser(), baseUrl, 'StrategyLab', { state: { data: 'toy', steps: 100, seed: 0 } });
  try {
    const counter = testId('live-step-count');
    await waitForText(counter, (content) => parseStepCount(content)?.status === 'idle', { label: 'the lab to be ready' });
    await testId('live-step').click();
    await waitForText(counter, (content) => parseStepCount(content)?.step === 1, { label: 'one step' });
    for (const chart of LAB_CHARTS) {
      const ticks = await yTicks(testId(chart));
      assert.ok(ticks.length >= 2, `${chart} after one step has y ticks ${JSON.stringify(ticks)}`);
      assert.ok(ticks.every((tick) => !/e[+-]/.test(tick)), `${chart} ticks are written plainly: ${ticks}`);
    }
    await testId('live-speed').selectOption('50');
    await testId('live-play').click();
    await waitForText(counter, (content) => parseStepCount(content)?.status === 'done', { timeout: 90_000, label: '100 steps' });

    // Hover the middle of the RUL-loss chart: the readout names the step and all four strategies.
    const chart = testId('lab-rul-loss');
    const box = await chart.boundingBox();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4);
    const hovered = await waitForText(testId('lab-rul-loss-readout'), (content) => content.startsWith('step'), { label: 'the hover readout' });
    const series = testId('lab-rul-loss-readout').locator('[data-series]');
    assert.equal(await series.count(), 4, hovered);
    for (const reading of await series.allInnerTexts()) assert.match(reading, /\d/, `every strategy has a value: ${hovered}`);
    assert.equal(await chart.locator('.ba-chart-cursor circle').count(), 4, 'a dot on each line at that step');

    // Keyboard: focus the weights chart, End is the last step, ArrowLeft the one before.
    const weights = testId('lab-weights');
    await weights.focus();
    await page.keyboard.press('End');
    assert.match(await text(testId('lab-weights-readout')), /^step 100\b/);
    await page.keyboard.press('ArrowLeft');
    const before = await text(testId('lab-weights-readout'));
    assert.match(before, /^step 99\b.*Fixed.*GABA/s);
    console.log(`     keyboard readout: ${before.replace(/\s+/g, " ")}`);

    // Legend: hide Fixed from every chart, highlight GABA, smooth the per-step lines.
    const legend = testId('lab-legend');
    await legend.locator('button[data-series="fixed"]').click();
    assert.equal(await legend.locator('button[data-series="fixed"]').getAttribute('aria-pressed'), 'false');
    for (const id of LAB_CHARTS) assert.equal(await testId(id).locator('path.ba-line').count(), 3, `${id} without Fixed`);
    await legend.locator('button[data-series="gaba"]').hover();
    assert.equal(await chart.locator('path.ba-line.ba-strong').count(), 1);
    assert.equal(await chart.locator('path.ba-line.ba-dim').count(), 2);
    const raw = await chart.locator('path.ba-line').first().getAttribute('d');
    await testId('lab-smoothed').check();
    assert.notEqual(await chart.locator('path.ba-line').first().getAttribute('d'), raw, 'the smoothed view redraws the lines');
    assert.ok(!/e[+-]\d/.test(await text(testId('lab-results'))), 'the results table writes numbers plainly');
    await page.mouse.move(0, 0);
    await screenshotBothThemes(page, figure, screenshotDir, 'charts-strategy-lab');
    watcher.assertClean('StrategyLab charts');
  } finally {
    await context.close();
  }
});

test('charts: on a phone every chart text is at least 11 px (lab, GABA explorer bars, combiner arrows)', async ({ baseUrl, browser, screenshotDir }) => {
  for (const [widget, state] of [['StrategyLab', { data: 'toy', steps: 100 }], ['GabaExplorer', {}], ['GradientCombiner', {}], ['ParetoFrontier', { mode: 'gaba' }]]) {
    const { page, context, watcher, figure } = await openWidget(await browser(), baseUrl, widget, { state, viewport: 'phone' });
    try {
      await page.waitForTimeout(300);
      const smallest = await smallestChartText(figure);
      assert.ok(smallest >= 10.95, `${widget} on a 390 px phone: smallest chart text ${smallest.toFixed(1)} px`);
      console.log(`     ${widget} on a phone: smallest chart text ${smallest.toFixed(1)} px`);
      if (widget !== 'StrategyLab') await screenshotBothThemes(page, figure, screenshotDir, `charts-${widget.toLowerCase()}-phone`);
      watcher.assertClean(`${widget} on a phone`);
    } finally {
      await context.close();
    }
  }
});

test('charts: the Pareto GABA path starts on the plot, and GabaExplorer\'s norm bars hold the measured norms', async ({ baseUrl, browser }) => {
  {
    const { context, watcher, testId } = await openWidget(await browser(), baseUrl, 'ParetoFrontier', { state: { mode: 'gaba', step: 1 } });
    try {
      const path = await testId('pareto-chart').locator('path.ba-line.ba-health').getAttribute('d');
      const [x, y] = /^M([\d.]+),([\d.]+)/.exec(path).slice(1).map(Number);
      // The plot spans x 58…544 and y 12…196 in viewBox units: a point clamped to an edge lies on it.
      assert.ok(x < 543 && y > 13, `the GABA path's first point (${x}, ${y}) lies inside the plot, not clamped to its edge`);
      watcher.assertClean('Pareto GABA path');
    } finally {
      await context.close();
    }
  }
  const { context, watcher, testId } = await openWidget(await browser(), baseUrl, 'GabaExplorer', { state: { mode: 'live', steps: 400 } });
  try {
    const counter = testId('live-step-count');
    await waitForText(counter, (content) => parseStepCount(content)?.status === 'idle', { label: 'the live lab' });
    for (let i = 0; i < 3; i += 1) await testId('live-step').click();
    await waitForText(counter, (content) => parseStepCount(content)?.step >= 1, { label: 'a step' });
    const bars = testId('gaba-norm-bars');
    await bars.locator('rect.ba-rul').waitFor();
    const measured = Number((await bars.locator('text').nth(1).textContent()).replace(/,/g, ''));
    const ticks = (await bars.locator('g.ba-axis g text').allTextContents()).map((tick) => Number(tick.replace(/,/g, '')));
    assert.ok(Math.max(...ticks) >= measured, `the axis (ticks ${ticks}) reaches the measured ‖g_rul‖ ${measured}`);
    const width = Number(await bars.locator('rect.ba-rul').getAttribute('width'));
    assert.ok(90 + width < 543, `the ‖g_rul‖ bar ends inside the axis, not clamped at its end (width ${width})`);
    console.log(`     GabaExplorer live: ‖g_rul‖ ${measured} on an axis to ${Math.max(...ticks)}`);
    watcher.assertClean('GabaExplorer norm bars');
  } finally {
    await context.close();
  }
});

test('charts: GradientCombiner says "not measured yet" before step 1, reads a cancelled update as 0 with no angle, and writes 1,000×', async ({ baseUrl, browser }) => {
  {
    const { context, watcher, testId } = await openWidget(await browser(), baseUrl, 'GradientCombiner', { state: { mode: 'live', ratio: 31.6 } });
    try {
      const counter = testId('live-step-count');
      await waitForText(counter, (content) => parseStepCount(content)?.status === 'idle', { label: 'the live lab' });
      assert.equal(await text(testId('combiner-measured-ratio')), 'not measured yet');
      assert.equal(await text(testId('combiner-share-rul')), 'not measured yet');
      assert.equal(await testId('combiner-arrows').count(), 0, 'no arrows before a measurement');
      await testId('live-step').click();
      const measured = await waitForText(testId('combiner-measured-ratio'), (content) => /×$/.test(content), { label: 'the first measurement' });
      assert.notEqual(measured, '31.6×');
      watcher.assertClean('GradientCombiner before step 1');
    } finally {
      await context.close();
    }
  }
  const { context, watcher, testId } = await openWidget(await browser(), baseUrl, 'GradientCombiner', { state: { angle: 180, ratio: 1, lambda: 0.5 } });
  try {
    assert.equal(await text(testId('combiner-length')), '0%');
    assert.match(await text(testId('combiner-deviation')), /^angle undefined/);
    watcher.assertClean('GradientCombiner cancelled update');
  } finally {
    await context.close();
  }
  const big = await openWidget(await browser(), baseUrl, 'GradientCombiner', { state: { ratio: 1000 } });
  try {
    assert.equal(await text(big.testId('combiner-measured-ratio')), '1,000×');
  } finally {
    await big.context.close();
  }
});
