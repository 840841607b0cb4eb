// LambdaSweep in a real browser: a short live sweep (7 runs stacked, in the Worker) runs to the
// end with 7 points plotted while the page keeps painting frames; Cancel stops a running sweep.
import { assert, test } from './harness.mjs';
import { openWidget, screenshotBothThemes, text, waitForText } from './widgets-support.mjs';

const LAMBDAS = [0.1, 0.25, 0.5, 0.6, 0.75, 0.9, 1.0];

/** "step N / M of 7 runs, stacked · status · backend" */
function parseSweepStatus(content) {
  const match = /step (\d+) \/ (\d+) of 7 runs, stacked · (\w+)/.exec(content);
  return match ? { step: Number(match[1]), total: Number(match[2]), status: match[3] } : null;
}

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

test('LambdaSweep: Cancel stops a running sweep', async ({ baseUrl, browser }) => {
  const { context, watcher, testId } = await openWidget(await browser(), baseUrl, 'LambdaSweep', { state: { steps: 3000 } });
  try {
    const status = testId('sweep-status');
    await testId('sweep-start').click();
    await waitForText(status, (content) => (parseSweepStatus(content)?.step ?? 0) > 0, { label: 'the sweep to make progress' });
    await testId('sweep-cancel').click();
    await waitForText(status, (content) => content.startsWith('not started'), { timeout: 10_000, label: 'the sweep to be cancelled' });
    assert.equal(await testId('sweep-start').innerText(), 'Start the sweep');
    assert.equal(await testId('sweep-cancel').count(), 0);
    // Nothing keeps running: the progress bar stays put.
    const before = await testId('sweep-progress').evaluate((element) => element.value);
    await new Promise((resolve) => setTimeout(resolve, 700));
    assert.equal(await testId('sweep-progress').evaluate((element) => element.value), before);
    assert.ok(before < 3000);
    watcher.assertClean('LambdaSweep page (cancel)');
  } finally {
    await context.close();
  }
});
