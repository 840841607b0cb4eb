// GabaExplorer in a real browser: the two norm sliders driven by mouse and keyboard, the readouts
// checked against GABA's formulas (eq. 4 and the EMA + floor controller, re-derived here), and Live
// mode training in the Worker with a fixed seed.
import { assert, test } from './harness.mjs';
import { dragSlider, openWidget, parseStepCount, playWhenReady, press, screenshotBothThemes, text, waitForText } from './widgets-support.mjs';

// The widget's log sliders: 600 positions over 1e-3 … 1e2.
const MIN = 1e-3;
const MAX = 1e2;
const valueAt = (position) => MIN * (MAX / MIN) ** (position / 600);
const positionOf = (value) => Math.round((Math.log(value / MIN) / Math.log(MAX / MIN)) * 600);

/** GABA's controller at constant norms (defaults β 0.99, warm-up 100, floor 0.05) after `steps` steps. */
function gabaAfter(norms, { steps = 400, beta = 0.99, warmup = 100, floor = 0.05 } = {}) {
  const total = norms[0] + norms[1] + 1e-12;
  const raw = [(total - norms[0]) / total, (total - norms[1]) / total];
  let ema = [0.5, 0.5];
  let weights = [0.5, 0.5];
  for (let step = 1; step <= steps; step += 1) {
    if (step <= warmup) continue;
    ema = ema.map((e, k) => beta * e + (1 - beta) * raw[k]);
    const floored = ema.map((e) => Math.max(e, floor));
    const sum = floored[0] + floored[1];
    weights = floored.map((w) => w / sum);
  }
  return { raw, weights };
}

/** Three significant digits with thousands grouped, as the widgets write numbers (widgets/shared/format.ts): 100,000 not 1.00e+5. */
const asWritten = (value) => Number(value.toPrecision(3)).toLocaleString('en-US', { minimumSignificantDigits: 3, maximumSignificantDigits: 3 });

test('GabaExplorer: norm sliders by mouse and keyboard, equal norms, the floor, aria-valuetext', async ({ baseUrl, browser, screenshotDir }) => {
  const { page, context, watcher, figure, testId } = await openWidget(await browser(), baseUrl, 'GabaExplorer');
  try {
    const rul = testId('gaba-norm-rul');
    const health = testId('gaba-norm-health');
    const readAll = async () => ({
      rulText: await rul.getAttribute('aria-valuetext'),
      healthText: await health.getAttribute('aria-valuetext'),
      ratio: await text(testId('gaba-ratio')),
      rawRul: await text(testId('gaba-raw-rul')),
      rawHealth: await text(testId('gaba-raw-health')),
      usedRul: await text(testId('gaba-weight-rul')),
      usedHealth: await text(testId('gaba-weight-health')),
    });
    /** The readouts agree with eq. 4 and the controller for the norms the sliders announce. */
    const assertConsistent = async (label) => {
      const shown = await readAll();
      const norms = [Number(shown.rulText), Number(shown.healthText)];
      // aria-valuetext has 3 significant digits; recompute from the exact slider positions instead.
      const exact = [valueAt(Number(await rul.inputValue())), valueAt(Number(await health.inputValue()))];
      norms.forEach((n, k) => assert.ok(Math.abs(n - exact[k]) <= exact[k] * 0.006, `${label}: valuetext ${n} vs position value ${exact[k]}`));
      const expected = gabaAfter(exact);
      assert.equal(shown.rawRul, expected.raw[0].toFixed(4), `${label}: raw λ_rul`);
      assert.equal(shown.rawHealth, expected.raw[1].toFixed(4), `${label}: raw λ_health`);
      assert.equal(shown.usedRul, expected.weights[0].toFixed(3), `${label}: used λ_rul`);
      assert.equal(shown.usedHealth, expected.weights[1].toFixed(3), `${label}: used λ_health`);
      assert.equal(shown.ratio, `${asWritten(exact[0] / exact[1])}×`, `${label}: ratio`);
      return shown;
    };

    // Defaults: ‖g_rul‖ 5, ‖g_health‖ 0.01; aria-valuetext present on both sliders.
    let shown = await readAll();
    assert.equal(shown.rulText, '5.00');
    assert.equal(shown.healthText, '0.0100');
    assert.equal(shown.ratio, '500×');
    assert.equal(shown.rawRul, (0.01 / 5.01).toFixed(4)); // 0.0020
    assert.equal(await rul.inputValue(), String(positionOf(5))); // 444

    // Keyboard: one position per arrow, 60 per PageUp/PageDown (a tenth of the range), Home/End.
    await press(rul, 'ArrowRight');
    assert.equal(await rul.inputValue(), '445');
    assert.equal(await rul.getAttribute('aria-valuetext'), valueAt(445).toPrecision(3)); // 5.11
    await press(rul, 'ArrowLeft', 'ArrowLeft');
    assert.equal(await rul.inputValue(), '443');
    await press(rul, 'PageUp');
    assert.equal(await rul.inputValue(), '503');
    assert.equal(await rul.getAttribute('aria-valuetext'), valueAt(503).toPrecision(3)); // 15.5
    await press(rul, 'PageDown', 'PageDown');
    assert.equal(await rul.inputValue(), '383');
    await assertConsistent('after PageDown');

    // Equal norms: Home on both → 0.001 : 0.001 → raw 0.5000 / 0.5000, used 0.500 / 0.500.
    await press(rul, 'Home');
    await press(health, 'Home');
    shown = await assertConsistent('Home on both');
    assert.deepEqual(
      [shown.rulText, shown.healthText, shown.ratio, shown.rawRul, shown.rawHealth, shown.usedRul, shown.usedHealth],
      ['0.00100', '0.00100', '1.00×', '0.5000', '0.5000', '0.500', '0.500'],
    );

    // 100 : 0.001: End on g_rul. Raw λ_rul = 0.001/100.001 ≈ 1e-5; the EMA after 300 post-warm-up
    // steps is 0.5·0.99³⁰⁰ ≈ 0.0245, under the 0.05 floor, so used λ_rul = 0.05/1.0255 ≈ 0.0488.
    await press(rul, 'End');
    shown = await assertConsistent('End / Home');
    assert.equal(shown.ratio, '100,000×');
    assert.equal(shown.rawRul, '0.0000');
    assert.equal(shown.rawHealth, '1.0000');
    assert.equal(shown.usedRul, '0.049');
    assert.ok(Number(shown.usedRul) < 0.05, 'used λ_rul pinned at the floor (renormalised, so just under 0.05)');
    assert.equal(shown.usedHealth, '0.951');

    // Mouse: drag g_health's thumb to the right end, then g_rul's to the left end: the ratio flips.
    await dragSlider(page, health, 1);
    assert.equal(await health.inputValue(), '600', 'mouse drag to the right end reaches the maximum');
    await dragSlider(page, rul, 0);
    assert.equal(await rul.inputValue(), '0', 'mouse drag to the left end reaches the minimum');
    shown = await assertConsistent('mouse: 0.001 / 100');
    assert.equal(shown.ratio, '0.0000100×'); // (1e-5).toPrecision(3)
    assert.equal(shown.usedRul, '0.951');
    // … and to the middle of the track: about position 300 (‖g‖ ≈ 0.316), within a few positions.
    await dragSlider(page, rul, 0.5);
    const middle = Number(await rul.inputValue());
    assert.ok(Math.abs(middle - 300) <= 12, `mouse drag to the middle gave position ${middle}`);
    await dragSlider(page, health, 0.25);
    const quarter = Number(await health.inputValue());
    assert.ok(Math.abs(quarter - 150) <= 12, `mouse drag to a quarter gave position ${quarter}`);
    await assertConsistent('mouse: middle / quarter');

    // The state reaches the URL (debounced), keyed by the widget's id.
    await page.waitForFunction(() => /\.normRul=/.test(location.search));

    await screenshotBothThemes(page, figure, screenshotDir, 'gaba-explorer');
    watcher.assertClean('GabaExplorer page');
  } finally {
    await context.close();
  }
});

test('GabaExplorer: Live mode trains in the Worker and moves λ_rul down from 0.5', async ({ baseUrl, browser }) => {
  const { context, watcher, testId } = await openWidget(await browser(), baseUrl, 'GabaExplorer', { state: { mode: 'live', seed: 7 } });
  try {
    const counter = await playWhenReady(testId, 10);
    const started = Date.now();
    const content = await waitForText(counter, (value) => (parseStepCount(value)?.step ?? 0) >= 300, { timeout: 90_000, label: 'step ≥ 300' });
    const seconds = (Date.now() - started) / 1000;
    // Pause, to read the readouts of one step; on a loaded machine the last 100 steps may finish first
    // (Play is then disabled and the readouts are frozen anyway).
    await testId('live-play').click({ timeout: 3_000 }).catch(() => undefined);
    const progress = parseStepCount(content);
    assert.equal(progress.total, 400);
    assert.match(progress.backend, /in a Worker/, `training should run in a Worker: "${content}"`);
    const usedRul = Number(await text(testId('gaba-weight-rul')));
    const usedHealth = Number(await text(testId('gaba-weight-health')));
    const ratio = Number((await text(testId('gaba-ratio'))).replace(/[×,]/g, ''));
    const rawRul = Number(await text(testId('gaba-raw-rul')));
    assert.ok(ratio > 1, `measured ‖g_rul‖/‖g_health‖ should exceed 1, read ${ratio}`);
    assert.ok(usedRul < 0.45, `λ_rul should have left 0.5 downwards after the warm-up, read ${usedRul}`);
    assert.ok(Math.abs(usedRul + usedHealth - 1) <= 0.0011, 'used weights sum to 1');
    assert.ok(rawRul < 0.5, `raw λ_rul below 0.5 when the RUL gradient is larger, read ${rawRul}`);
    console.log(`     GabaExplorer live: ${content}; ratio ${ratio}×, raw λ_rul ${rawRul}, used λ_rul ${usedRul} (${seconds.toFixed(1)} s to step 300)`);
    watcher.assertClean('GabaExplorer live page');
  } finally {
    await context.close();
  }
});

test('GabaExplorer: a finger drag on a phone moves a norm slider and the weights follow', async ({ baseUrl, browser }) => {
  // A touch-screen phone: Chromium delivers real touch events to the range input.
  const { page, context, testId } = await openWidget(await browser(), baseUrl, 'GabaExplorer', { viewport: 'phone', touch: true });
  try {
    const slider = testId('gaba-norm-rul');
    await slider.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const before = Number(await slider.inputValue());
    const box = await slider.boundingBox();
    const y = box.y + box.height / 2;
    const startX = box.x + 8 + (before / 600) * (box.width - 16);
    // A finger on the thumb, dragged to the left end of the track, through CDP touch events.
    const cdp = await context.newCDPSession(page);
    const touch = (type, x) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    await touch('touchStart', startX);
    for (let i = 1; i <= 10; i += 1) await touch('touchMove', startX + ((box.x - 10 - startX) * i) / 10);
    await touch('touchEnd', box.x - 10);
    await page.waitForFunction((element) => Number(element.value) < 30, await slider.elementHandle(), { timeout: 5_000 });
    const after = Number(await slider.inputValue());
    assert.ok(after < before, `touch drag moved the slider from ${before} to ${after}`);
    // ‖g_rul‖ is now about 1e-3, below ‖g_health‖ = 0.01: GABA turns RUL up, so its raw weight exceeds one half.
    assert.ok(Number(await text(testId('gaba-raw-rul'))) > 0.5);
  } finally {
    await context.close();
  }
});
