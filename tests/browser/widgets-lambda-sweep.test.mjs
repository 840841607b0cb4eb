// LambdaSweep in a real browser: a short live sweep (7 runs stacked off WebGPU, in the Worker) runs to the
// end with 7 points plotted while the page keeps painting frames; Cancel stops a running sweep.
import { assert, test } from './harness.mjs';
import { openWidget, parseSweepStatus, screenshotBothThemes, text, waitForText } from './widgets-support.mjs';

const LAMBDAS = [0.1, 0.25, 0.5, 0.6, 0.75, 0.9, 1.0];

test('LambdaSweep: a 100-step sweep finishes with 7 points while the page stays responsive', async ({ baseUrl, browser, screenshotDir }) => {
  const { page, context, watcher, figure, testId, where } = await openWidget(await browser(), baseUrl, 'LambdaSweep', { state: { steps: 100, seed: 0 } });
  try {
    const status = testId('sweep-status');
    const progress = testId('sweep-progress');
    const dots = figure.locator('[data-testid="sweep-live-rmse"] circle');
    assert.equal(await text(status), 'not started');
    assert.equal(await dots.count(), 0, 'no live points before the sweep');
    // The published ablation: 5 λ values × 2 subsets.
    assert.equal(await figure.locator('[data-testid="sweep-published"] circle').count(), 10);
    assert.equal(await progress.getAttribute('max'), '100');

    // While the Worker trains, the main thread keeps painting: an in-page recorder timestamps every
    // animation frame and every change of the status line, from the click to the end of the run.
    await page.evaluate((selector) => {
      const element = document.querySelector(selector);
      const log = { frames: [], statuses: [] };
      window.__sweepLog = log;
      const tick = (now) => { log.frames.push(now); if (!log.stop) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      new MutationObserver(() => log.statuses.push([performance.now(), element.textContent])).observe(element, { childList: true, characterData: true, subtree: true });
    }, `figure[data-widget-id="${where.id}"] [data-testid="sweep-status"]`);
    await testId('sweep-start').click();
    const final = await waitForText(status, (content) => parseSweepStatus(content)?.status === 'done', { timeout: 90_000, label: 'the sweep to finish' });
    // Keep recording for a moment so a very short run still gives a 2-second window.
    await page.waitForTimeout(500);
    const log = await page.evaluate(() => { window.__sweepLog.stop = true; return window.__sweepLog; });
    const runningAt = log.statuses.find(([, content]) => / · running/.test(content))?.[0];
    const doneAt = log.statuses.find(([, content]) => / · done/.test(content))?.[0];
    assert.ok(runningAt !== undefined && doneAt !== undefined, `status went running → done: ${log.statuses.map(([, c]) => c).join(' | ')}`);
    const parsed = parseSweepStatus(final);
    assert.equal(parsed.step, 100);
    assert.equal(parsed.total, 100);
    assert.equal(parsed.trainedAs, 'stacked', `off WebGPU the seven runs train as one stacked program: "${final}"`);
    assert.equal(await progress.evaluate((element) => [element.value, element.max].join('/')), '100/100', 'progress bar full');
    // Frames during training, scaled to a 2-second window, and the longest gap between two frames.
    const inRun = log.frames.filter((time) => time >= runningAt && time <= doneAt);
    const seconds = (doneAt - runningAt) / 1000;
    const perTwoSeconds = (inRun.length / seconds) * 2;
    const gaps = inRun.slice(1).map((time, k) => time - inRun[k]);
    const longestGap = Math.max(0, ...gaps);
    // A check that the page is not frozen, not a speed figure (bench:ui measures frame times): the
    // bounds are loose enough for a loaded CI machine, and a main-thread training loop breaks both.
    assert.ok(perTwoSeconds > 20, `page kept painting while training: ${inRun.length} frames in ${seconds.toFixed(2)} s (${perTwoSeconds.toFixed(0)} per 2 s)`);
    assert.ok(longestGap < 2000, `no freeze while training: longest frame gap ${longestGap.toFixed(0)} ms`);
    const during = { frames: inRun.length, seconds, perTwoSeconds, longestGap };

    // Seven points in the RMSE chart (and in the accuracy chart), one per λ, at x = λ.
    assert.equal(await dots.count(), 7, '7 points in the live RMSE chart');
    assert.equal(await figure.locator('[data-testid="sweep-live-accuracy"] circle').count(), 7);
    const xs = await dots.evaluateAll((circles) => circles.map((circle) => Number(circle.getAttribute('cx'))));
    // x scale: [0, 1.02] onto [58, 420 − 16] in the chart's viewBox.
    xs.forEach((cx, k) => assert.ok(Math.abs(cx - (58 + (LAMBDAS[k] / 1.02) * (420 - 16 - 58))) < 0.5, `point ${k} at λ = ${LAMBDAS[k]}: cx ${cx}`));
    const ys = await dots.evaluateAll((circles) => circles.map((circle) => Number(circle.getAttribute('cy'))));
    ys.forEach((cy) => assert.ok(Number.isFinite(cy) && cy >= 12 && cy <= 240 - 44, `RMSE point inside the plot: cy ${cy}`));
    assert.equal(await testId('sweep-start').innerText(), 'Run again');
    console.log(`     LambdaSweep: ${final}; ${during.frames} frames in ${during.seconds.toFixed(2)} s of training (${during.perTwoSeconds.toFixed(0)} per 2 s, longest gap ${during.longestGap.toFixed(0)} ms); RMSE y px ${ys.map((y) => y.toFixed(0)).join(', ')}`);

    await screenshotBothThemes(page, figure, screenshotDir, 'lambda-sweep');
    watcher.assertClean('LambdaSweep page');
  } finally {
    await context.close();
  }
});

test('LambdaSweep: typed steps, Pause and Resume, Cancel keeps the points, Run again applies new settings', async ({ baseUrl, browser }) => {
  const { page, context, watcher, figure, testId } = await openWidget(await browser(), baseUrl, 'LambdaSweep', { state: { steps: 300 } });
  try {
    const status = testId('sweep-status');
    const steps = testId('sweep-steps');
    // Typed as a reader types: the field is read on Enter, not clamped keystroke by keystroke.
    await steps.fill('2000');
    await steps.press('Enter');
    assert.equal(await steps.inputValue(), '2000');
    assert.equal(await testId('sweep-progress').getAttribute('max'), '2000');
    await steps.fill('20000');
    await steps.press('Tab');
    assert.equal(await text(testId('sweep-steps-message')), '20,000 is out of range; enter a whole number from 100 to 3,000.');
    assert.equal(await steps.getAttribute('aria-invalid'), 'true');
    assert.equal(await testId('sweep-progress').getAttribute('max'), '2000', 'a refused value changes nothing');
    await steps.fill('3000');
    await steps.press('Enter');
    assert.equal(await testId('sweep-steps-message').count(), 0);

    await testId('sweep-start').click();
    await waitForText(status, (content) => parseSweepStatus(content)?.status === 'running', { label: 'the sweep to run' });
    assert.equal(await steps.isDisabled(), true, 'settings are locked while the sweep runs');
    // The status line shows the measured speed.
    await waitForText(status, (content) => /\d[\d,.]* steps\/s$/.test(content), { label: 'a measured steps/s in the status line' });

    await testId('sweep-pause').click();
    const paused = parseSweepStatus(await waitForText(status, (content) => parseSweepStatus(content)?.status === 'paused', { label: 'the sweep to pause' }));
    await page.waitForTimeout(600);
    assert.equal(parseSweepStatus(await text(status)).step, paused.step, 'a paused sweep takes no steps');
    assert.equal(await testId('sweep-pause').innerText(), 'Resume');
    await testId('sweep-pause').click();
    // Wait for at least one evaluation (every 500 steps of 3000) so there are points to keep.
    const dots = figure.locator('[data-testid="sweep-live-rmse"] circle');
    await waitForText(status, (content) => (parseSweepStatus(content)?.step ?? 0) > 500 && parseSweepStatus(content)?.status === 'running', { timeout: 90_000, label: 'the sweep to pass its first evaluation' });
    await page.waitForFunction((element) => element.querySelectorAll('circle').length === 7, await figure.locator('[data-testid="sweep-live-rmse"]').elementHandle());

    await testId('sweep-cancel').click();
    const cancelled = parseSweepStatus(await waitForText(status, (content) => parseSweepStatus(content)?.status === 'cancelled', { timeout: 10_000, label: 'the sweep to be cancelled' }));
    assert.ok(cancelled.step < 3000);
    assert.equal(await dots.count(), 7, 'Cancel keeps the points measured so far');
    assert.match(await text(testId('sweep-cancelled-note')), /the 7 points measured so far stay on the charts/);
    const before = await testId('sweep-progress').evaluate((element) => element.value);
    await page.waitForTimeout(700);
    assert.equal(await testId('sweep-progress').evaluate((element) => element.value), before, 'nothing keeps running');
    assert.equal(await testId('sweep-start').innerText(), 'Run again');

    // Settings changed after a cancel wait for Run again, which starts a new sweep with them.
    await steps.fill('100');
    await steps.press('Enter');
    assert.equal(await dots.count(), 7, 'a settings change does not throw the points away');
    await testId('sweep-start').click();
    const final = await waitForText(status, (content) => parseSweepStatus(content)?.status === 'done', { timeout: 90_000, label: 'the new 100-step sweep to finish' });
    assert.equal(parseSweepStatus(final).total, 100);
    assert.equal(await dots.count(), 7);
    watcher.assertClean('LambdaSweep page (pause, cancel)');
  } finally {
    await context.close();
  }
});
