// GradientCombiner in a real browser: shares, the update's angle and the length kept, checked against
// the two-vector formulas (g_rul = (r, 0), g_health = (cos θ, sin θ), update = λ·g_rul + (1−λ)·g_health);
// Live mode trains the toy network in the Worker with a fixed seed.
import { assert, test } from './harness.mjs';
import { number, openWidget, parseStepCount, playWhenReady, press, screenshotBothThemes, text, waitForText } from './widgets-support.mjs';

/** What the static picture shows for ratio r, angle θ (degrees) and λ. */
function combine(ratio, angleDegrees, lambda) {
  const radians = (angleDegrees * Math.PI) / 180;
  const rul = [ratio, 0];
  const health = [Math.cos(radians), Math.sin(radians)];
  const update = [lambda * rul[0] + (1 - lambda) * health[0], lambda * rul[1] + (1 - lambda) * health[1]];
  const terms = [lambda * ratio, (1 - lambda) * 1];
  const length = Math.hypot(...update);
  return {
    shares: [terms[0] / (terms[0] + terms[1]), terms[1] / (terms[0] + terms[1])],
    deviation: (Math.atan2(update[1], update[0]) * 180) / Math.PI,
    lengthKept: length / (terms[0] + terms[1]),
  };
}
const percent = (value) => `${(value * 100).toPrecision(3)}%`;

test('GradientCombiner: health share at 500×, angle of the update at 20×, cancellation at 180°', async ({ baseUrl, browser, screenshotDir }) => {
  const { context, watcher, testId } = await openWidget(await browser(), baseUrl, 'GradientCombiner', { state: { ratio: 500, lambda: 0.5 } });
  try {
    // 500 : 1 at λ = 0.5 (angle 60°, the default): health share = 0.5·1 / (0.5·500 + 0.5·1) = 1/501 = 0.1996 %.
    const healthShare = await text(testId('combiner-share-health'));
    assert.equal(healthShare, '0.200%');
    assert.ok(Math.abs((await number(testId('combiner-share-health'))) - 100 / 501) < 0.001);
    assert.equal(await text(testId('combiner-share-rul')), '99.8%');
    assert.equal(await text(testId('combiner-measured-ratio')), '500×');
    assert.equal(await text(testId('combiner-deviation')), `${combine(500, 60, 0.5).deviation.toFixed(1)}°`); // 0.1°

    // Keyboard on the log ratio slider: End → 1000×, health share 1/1001 = 0.0999 %.
    const ratio = testId('combiner-ratio');
    assert.equal(await ratio.getAttribute('aria-valuetext'), '500×');
    await press(ratio, 'End');
    assert.equal(await ratio.getAttribute('aria-valuetext'), '1,000×');
    assert.equal(await text(testId('combiner-share-health')), percent(1 / 1001)); // 0.0999%

    watcher.assertClean('GradientCombiner page (500×)');
  } finally {
    await context.close();
  }

  // 20× exactly from the URL (the log slider's nearest position would give 1000^(261/600) = 20.2×).

  const twenty = await openWidget(await browser(), baseUrl, 'GradientCombiner', { state: { ratio: 20, lambda: 0.2 } });
  try {
    const lambdaSlider = twenty.testId('combiner-lambda');
    const deviations = [];
    // λ from 0.2 to 0.8 by PageUp (a tenth of the 0…1 range per press): the update stays within
    // ~9° of g_rul because g_rul is 20× longer.
    for (let index = 0; index <= 6; index += 1) {
      if (index > 0) await press(lambdaSlider, 'PageUp');
      const lambda = 0.2 + index * 0.1;
      assert.equal(await lambdaSlider.getAttribute('aria-valuetext'), lambda.toFixed(2));
      const expected = combine(20, 60, lambda);
      const shown = await text(twenty.testId('combiner-deviation'));
      assert.equal(shown, `${expected.deviation.toFixed(1)}°`, `deviation at λ = ${lambda.toFixed(2)}`);
      assert.equal(await text(twenty.testId('combiner-share-rul')), percent(expected.shares[0]), `RUL share at λ = ${lambda.toFixed(2)}`);
      deviations.push(Number(shown.replace('°', '')));
    }
    assert.ok(deviations.every((d) => d > 0 && d < 10), `angles from g_rul at 20×: ${deviations.join(', ')}`);
    assert.ok(deviations.every((d, k) => k === 0 || d < deviations[k - 1]), 'the angle shrinks as λ_rul grows');
    // Arrow keys move λ by 0.01.
    await press(lambdaSlider, 'ArrowLeft');
    assert.equal(await lambdaSlider.getAttribute('aria-valuetext'), '0.79');

    // 1× and 180°: the two terms cancel at λ = 0.5 and the update keeps ≈ 0 % of its length.
    await press(lambdaSlider, 'Home', ...Array(5).fill('PageUp'));
    await press(twenty.testId('combiner-ratio'), 'Home');
    await press(twenty.testId('combiner-angle'), 'End');
    assert.equal(await twenty.testId('combiner-angle').getAttribute('aria-valuetext'), '180°');
    assert.equal(await twenty.testId('combiner-ratio').getAttribute('aria-valuetext'), '1.00×');
    const kept = await number(twenty.testId('combiner-length'));
    assert.ok(Math.abs(kept) < 1e-6, `length kept at 1×, 180°, λ 0.5 should be ≈ 0 %, read ${await text(twenty.testId('combiner-length'))}`);
    assert.equal(await text(twenty.testId('combiner-share-rul')), '50.0%');

    // Back to the default picture for the screenshots.
    await press(lambdaSlider, 'Home', ...Array(5).fill('PageUp'));
    await twenty.testId('combiner-angle').fill('60');
    await twenty.testId('combiner-ratio').fill(String(Math.round((Math.log(20) / Math.log(1000)) * 600)));
    await screenshotBothThemes(twenty.page, twenty.figure, screenshotDir, 'gradient-combiner');
    twenty.watcher.assertClean('GradientCombiner page');
  } finally {
    await twenty.context.close();
  }
});

test('GradientCombiner: Live mode with a fixed seed shows a measured ratio > 1 and an angle in (0°, 180°)', async ({ baseUrl, browser }) => {
  const { context, watcher, testId } = await openWidget(await browser(), baseUrl, 'GradientCombiner', { state: { mode: 'live', seed: 3 } });
  try {
    const counter = await playWhenReady(testId, 10);
    await waitForText(counter, (value) => (parseStepCount(value)?.step ?? 0) >= 200, { timeout: 90_000, label: 'step ≥ 200' });
    await testId('live-play').click(); // pause
    const content = await waitForText(counter, (value) => parseStepCount(value)?.status === 'paused', { label: 'paused' });
    const progress = parseStepCount(content);
    assert.equal(progress.total, 1000);
    assert.match(progress.backend, /in a Worker/, `training should run in a Worker: "${content}"`);
    const ratio = await number(testId('combiner-measured-ratio'));
    const angle = await number(testId('combiner-live-angle'));
    assert.ok(Number.isFinite(ratio) && ratio > 1, `measured ratio should exceed 1, read ${ratio}`);
    assert.ok(angle > 0 && angle < 180, `angle between the gradients should lie in (0°, 180°), read ${angle}`);
    // Fixed λ = 0.5 (the slider's default): the shares follow from the measured ratio, λ·r/(λ·r + (1−λ)).
    const rulShare = await number(testId('combiner-share-rul'));
    assert.ok(Math.abs(rulShare / 100 - ratio / (ratio + 1)) < 0.01, `RUL share ${rulShare}% vs ratio ${ratio}`);
    // Paused: the step counter does not move.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(parseStepCount(await text(counter)).step, progress.step);
    console.log(`     GradientCombiner live: ${content}; ratio ${ratio}×, angle ${angle}°, RUL share ${rulShare}%`);
    watcher.assertClean('GradientCombiner live page');
  } finally {
    await context.close();
  }
});
