// ParetoFrontier in a real browser: dragging λ moves the optimum of the weighted sum along the
// frontier (checked against the exact optimum of the book's quadratic pair, solved here), the
// exchange rate λ/(1−λ), and the GABA path mode's step slider moving the marked point.
import { assert, test } from './harness.mjs';
import { dragSlider, openWidget, press, readout, screenshotBothThemes, text } from './widgets-support.mjs';

// The core's default quadratic pair at RUL scale 1 (the widget's default scale).
const TASKS = [
  { centre: [1, 0.2], a: 1, b: 0.3, c: 0.4, scale: 1 },
  { centre: [-0.6, 1], a: 0.5, b: -0.1, c: 1, scale: 1 },
];
const lossAt = (task, theta) => {
  const dx = theta[0] - task.centre[0];
  const dy = theta[1] - task.centre[1];
  return 0.5 * task.scale * (task.a * dx * dx + 2 * task.b * dx * dy + task.c * dy * dy);
};
/** Exact minimiser of λ·L_rul + (1−λ)·L_health and both losses there. */
function optimum(lambda) {
  const weights = [lambda, 1 - lambda];
  let a = 0, b = 0, c = 0, r0 = 0, r1 = 0;
  TASKS.forEach((task, k) => {
    const w = weights[k] * task.scale;
    a += w * task.a; b += w * task.b; c += w * task.c;
    r0 += w * (task.a * task.centre[0] + task.b * task.centre[1]);
    r1 += w * (task.b * task.centre[0] + task.c * task.centre[1]);
  });
  const det = a * c - b * b;
  const theta = [(c * r0 - b * r1) / det, (a * r1 - b * r0) / det];
  return TASKS.map((task) => lossAt(task, theta));
}
const short = (value) => value.toPrecision(3);

test('ParetoFrontier: dragging λ moves the optimum; exchange rate 19.0 at λ = 0.95; GABA path and step slider', async ({ baseUrl, browser, screenshotDir }) => {
  const { page, context, watcher, figure, testId } = await openWidget(await browser(), baseUrl, 'ParetoFrontier');
  try {
    const lambda = testId('pareto-lambda');
    const optimumDot = figure.locator('[data-testid="pareto-chart"] g.ba-rul circle');

    // Mouse: drag λ to five places along the track; λ rises, the RUL loss at the optimum falls, the
    // health loss rises, and both match the exact optimum for the λ the slider announces.
    const seen = [];
    for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      await dragSlider(page, lambda, fraction);
      const value = Number(await lambda.getAttribute('aria-valuetext'));
      const [rul, health] = optimum(Number(await lambda.inputValue()));
      const shownRul = await text(testId('pareto-loss-rul'));
      const shownHealth = await text(testId('pareto-loss-health'));
      assert.equal(shownRul, short(rul), `RUL loss at λ = ${value}`);
      assert.equal(shownHealth, short(health), `health loss at λ = ${value}`);
      assert.ok(Math.abs(value - fraction) < 0.03, `mouse drag to ${fraction} of the track gave λ = ${value}`);
      seen.push({ value, rul: Number(shownRul), health: Number(shownHealth), cx: Number(await optimumDot.getAttribute('cx')) });
    }
    for (let k = 1; k < seen.length; k += 1) {
      assert.ok(seen[k].value > seen[k - 1].value, 'λ rises along the drag');
      assert.ok(seen[k].rul < seen[k - 1].rul, `RUL loss falls as λ rises: ${seen.map((s) => s.rul).join(' → ')}`);
      assert.ok(seen[k].health > seen[k - 1].health, 'health loss rises as λ rises');
      assert.ok(seen[k].cx < seen[k - 1].cx, 'the optimum dot moves left (lower RUL loss)');
    }

    // Keyboard: End → λ = 1 (exchange ∞), ten ArrowLeft presses of 0.005 → λ = 0.95 → 0.95/0.05 = 19.0.
    await press(lambda, 'End');
    assert.equal(await text(testId('pareto-exchange')), '∞');
    await press(lambda, ...Array(10).fill('ArrowLeft'));
    assert.equal(await lambda.getAttribute('aria-valuetext'), '0.950');
    assert.equal(await text(testId('pareto-exchange')), '19.0 health per unit of RUL');
    assert.equal(await text(testId('pareto-loss-rul')), short(optimum(0.95)[0]));
    await press(lambda, 'Home', ...Array(10).fill('PageUp'));
    assert.equal(await text(testId('pareto-exchange')), '∞', 'PageUp ×10 from 0 reaches λ = 1');
    await press(lambda, 'Home');
    assert.equal(await text(testId('pareto-exchange')), '0 health per unit of RUL');
    await press(lambda, ...Array(5).fill('PageUp'));
    assert.equal(await lambda.getAttribute('aria-valuetext'), '0.500');
    assert.equal(await text(testId('pareto-exchange')), '1.00 health per unit of RUL');

    await screenshotBothThemes(page, figure, screenshotDir, 'pareto-frontier');

    // GABA path mode: both paths drawn; the step slider moves the marked GABA point along its path.
    await testId('pareto-gaba').click();
    const step = testId('pareto-step');
    await step.waitFor();
    const gabaPath = figure.locator('[data-testid="pareto-chart"] path.ba-line.ba-health');
    const fixedPath = figure.locator('[data-testid="pareto-chart"] path.ba-line.ba-rul.ba-dashed');
    const marker = figure.locator('[data-testid="pareto-chart"] g.ba-health circle');
    const vertices = async (locator) => ((await locator.getAttribute('d')).match(/[ML]/g) ?? []).length;
    assert.equal(await step.getAttribute('aria-valuetext'), '600');
    assert.equal(await vertices(gabaPath), 600, 'the GABA path has one vertex per step');
    assert.equal(await vertices(fixedPath), 600, 'the fixed-λ path has one vertex per step');
    const markAt = async () => ({ cx: Number(await marker.getAttribute('cx')), cy: Number(await marker.getAttribute('cy')) });
    const end = await markAt();
    // The last vertex of the GABA path is the marked point.
    const last = (await gabaPath.getAttribute('d')).split(/[ML]/).filter(Boolean).pop().split(',').map(Number);
    assert.ok(Math.abs(last[0] - end.cx) < 0.01 && Math.abs(last[1] - end.cy) < 0.01, 'marker sits at the path end');

    await press(step, 'Home');
    assert.equal(await step.getAttribute('aria-valuetext'), '1');
    assert.equal(await vertices(gabaPath), 1);
    const start = await markAt();
    assert.ok(Math.hypot(start.cx - end.cx, start.cy - end.cy) > 20, 'the marked point moved with the step slider');
    // Step 1 is the common start θ = (−1.2, −1.4), still in GABA's warm-up (1/K each).
    const losses = TASKS.map((task) => lossAt(task, [-1.2, -1.4]));
    assert.equal(await text(readout(figure, 'GABA losses')), `${short(losses[0])} / ${short(losses[1])}`); // 3.99 / 2.83
    assert.equal(await text(readout(figure, 'fixed-λ losses')), `${short(losses[0])} / ${short(losses[1])}`);
    assert.equal(await text(testId('pareto-gaba-weights')), '0.500 / 0.500');

    // Keyboard steps the marked point along: PageUp = 60 steps of the 1…600 slider.
    await press(step, 'PageUp');
    const after = Number(await step.getAttribute('aria-valuetext'));
    assert.ok(after > 1 && after <= 61, `PageUp moved the step to ${after}`);
    const moved = await markAt();
    assert.ok(moved.cx !== start.cx || moved.cy !== start.cy, 'the marked point moved on PageUp');
    const weights = (await text(testId('pareto-gaba-weights'))).split(' / ').map(Number);
    assert.ok(weights[0] !== 0.5, `past the warm-up (20 steps) GABA's weights have moved: ${weights.join(' / ')}`);

    await press(step, 'End');
    await screenshotBothThemes(page, figure, screenshotDir, 'pareto-frontier-gaba');
    watcher.assertClean('ParetoFrontier page');
  } finally {
    await context.close();
  }
});
