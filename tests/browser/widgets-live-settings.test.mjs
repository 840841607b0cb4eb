// Settings changed during a live run, as a reader changes them: sliders the strategy reads at every
// step (GABA's β and floor, a fixed λ) take effect at the next step with the run and its history kept
// and the change marked; settings that need a new run (seed, strategy, steps) are locked while it
// runs and, changed while paused, wait for Reset with a note. Number fields take typed values on
// Enter or blur, with a message for what they refuse; seeds round-trip through the URL exactly.
import { assert, test } from './harness.mjs';
import { openWidget, parseStepCount, playWhenReady, press, screenshotBothThemes, text, waitForText } from './widgets-support.mjs';

const stepOf = async (counter) => parseStepCount(await text(counter));

test('GabaExplorer live: β and the floor change mid-run without losing it; warm-up locks; a typed seed waits for Reset and survives a reload', async ({ baseUrl, browser, screenshotDir }) => {
  const { page, context, watcher, figure, testId, where } = await openWidget(await browser(), baseUrl, 'GabaExplorer', { state: { mode: 'live', seed: 3, warmupSteps: 20, steps: 2000 } });
  try {
    const counter = await playWhenReady(testId, 1);
    // Play is a message to the Worker: the locks follow its 'running' status, not the click.
    await waitForText(counter, (content) => parseStepCount(content)?.status === 'running', { label: 'running' });
    assert.equal(await testId('gaba-warmup').isDisabled(), false, 'the warm-up can change while it lasts');
    assert.equal(await testId('live-seed').isDisabled(), true, 'the seed is locked while the run runs');
    await waitForText(counter, (content) => (parseStepCount(content)?.step ?? 0) >= 40, { label: 'step ≥ 40' });
    assert.equal(await testId('gaba-warmup').isDisabled(), true, 'past the warm-up, its slider is locked');
    assert.match(await figure.locator('label', { hasText: 'warm-up steps' }).innerText(), /applies on Reset/);

    // β to 0 while running: the run goes on from where it was, and the chart marks the step.
    const before = (await stepOf(counter)).step;
    await press(testId('gaba-beta'), 'Home');
    await waitForText(counter, (content) => (parseStepCount(content)?.step ?? 0) >= before + 30, { label: 'the run to go on after β changed' });
    const marks = figure.locator('[data-testid="gaba-trace"] .ba-mark');
    await marks.first().waitFor();
    const betaMark = Number(await marks.first().getAttribute('data-mark-x'));
    assert.ok(betaMark > before && betaMark <= before + 30, `β mark at step ${betaMark}, changed at about step ${before}`);
    assert.match(await marks.first().textContent(), /β 0\.000/);
    // With β = 0 the EMA is this step's raw weight: used λ_rul is the floored raw weight of the latest norms.
    // The trace still starts at step 1: the history before the change is kept.
    const firstX = await figure.locator('[data-testid="gaba-trace"] path.ba-rul').getAttribute('d');
    assert.ok(firstX && firstX.startsWith('M'), 'the weight trace is drawn');
    await press(testId('gaba-floor'), 'End');
    // Marks closer than a fortieth of the run are drawn as one, with the latest values.
    await page.waitForFunction((element) => [...element.querySelectorAll('.ba-mark')].some((mark) => mark.textContent.includes('floor 0.500')), await figure.locator('[data-testid="gaba-trace"]').elementHandle(), { timeout: 20_000 });
    assert.equal((await stepOf(counter)).status, 'running');
    assert.match(await text(counter), /\d[\d,.]* steps\/s$/, 'the status line shows the measured speed');

    // Pause, type a seed: the run on screen stays, a note says the seed applies on Reset.
    await testId('live-play').click();
    const paused = await waitForText(counter, (content) => parseStepCount(content)?.status === 'paused', { label: 'paused' });
    // β 0 makes the EMA this step's raw weights; the floor 0.5 then lifts λ_rul: max(raw, 0.5) renormalised.
    const raw = [Number(await text(testId('gaba-raw-rul'))), Number(await text(testId('gaba-raw-health')))];
    const floored = raw.map((w) => Math.max(w, 0.5));
    const usedRul = Number(await text(testId('gaba-weight-rul')));
    assert.ok(Math.abs(usedRul - floored[0] / (floored[0] + floored[1])) < 0.002, `used λ_rul ${usedRul} from raw ${raw} with β 0 and floor 0.5`);
    const seed = testId('live-seed');
    await seed.fill('-3');
    await seed.press('Enter');
    assert.equal(await text(testId('live-seed-message')), '-3 is out of range; enter a whole number from 0 to 2,147,483,647.');
    await seed.fill('');
    await seed.press('Tab');
    assert.equal(await text(testId('live-seed-message')), 'Enter a whole number from 0 to 2,147,483,647.');
    await seed.fill('99999999');
    await seed.press('Enter');
    assert.equal(await testId('live-seed-message').count(), 0);
    assert.equal(await seed.inputValue(), '99999999');
    assert.match(await text(testId('live-pending')), /apply on Reset/);
    assert.equal((await stepOf(counter)).step, parseStepCount(paused).step, 'a new seed does not replace the paused run');
    await page.waitForFunction((id) => new URLSearchParams(location.search).get(`${id}.seed`) === '99999999', where.id);
    await screenshotBothThemes(page, figure, screenshotDir, 'gaba-explorer-live-changes');
    await testId('live-reset').click();
    await waitForText(counter, (content) => parseStepCount(content)?.step === 0 && parseStepCount(content)?.status === 'idle', { label: 'a new run after Reset' });
    assert.equal(await testId('live-pending').count(), 0);
    assert.equal(await marks.count(), 0, 'a new run has no change marks');

    await page.reload();
    await figure.scrollIntoViewIfNeeded();
    await figure.locator('[data-testid="live-seed"]').waitFor();
    assert.equal(await figure.locator('[data-testid="live-seed"]').inputValue(), '99999999', 'the seed round-trips through the URL exactly');
    watcher.assertClean('GabaExplorer live settings');
  } finally {
    await context.close();
  }
});

test('GradientCombiner live: λ dragged while paused keeps the step, and the next step uses it', async ({ baseUrl, browser }) => {
  const { context, watcher, figure, testId } = await openWidget(await browser(), baseUrl, 'GradientCombiner', { state: { mode: 'live', seed: 5, lambda: 0.5 } });
  try {
    const counter = await playWhenReady(testId, 2);
    await waitForText(counter, (content) => parseStepCount(content)?.status === 'running', { label: 'running' });
    assert.equal(await testId('combiner-strategy').isDisabled(), true, 'where the weights come from is locked while running');
    await waitForText(counter, (content) => (parseStepCount(content)?.step ?? 0) >= 20, { label: 'step ≥ 20' });
    await testId('live-play').click();
    const paused = parseStepCount(await waitForText(counter, (content) => parseStepCount(content)?.status === 'paused', { label: 'paused' }));
    const weights = figure.locator('dt', { hasText: 'weights used' }).locator('xpath=following-sibling::dd');
    assert.equal(await text(weights), '0.500 / 0.500');
    await press(testId('combiner-lambda'), 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight');
    assert.equal(await testId('combiner-lambda').getAttribute('aria-valuetext'), '0.60');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal((await stepOf(counter)).step, paused.step, 'dragging λ did not send the run back to step 0');
    await testId('live-step').click();
    await waitForText(counter, (content) => parseStepCount(content)?.step === paused.step + 1, { label: 'one more step' });
    await waitForText(weights, (value) => value === '0.600 / 0.400', { label: 'the next step used the new λ' });
    assert.equal(await text(testId('combiner-changes')), `Changed mid-run: λ_rul 0.60 from step ${paused.step + 1}.`);
    watcher.assertClean('GradientCombiner live λ');
  } finally {
    await context.close();
  }
});

test('StrategyLab: typed steps and seed, locked while running, pending while paused; TensorFlow.js "loading" only while it loads', async ({ baseUrl, browser, screenshotDir }) => {
  const { page, context, watcher, figure, testId } = await openWidget(await browser(), baseUrl, 'StrategyLab', { state: { selection: 1 | (1 << 7) } });
  try {
    const steps = testId('lab-steps');
    await steps.fill('2000');
    await steps.press('Enter');
    assert.equal(await steps.inputValue(), '2000', 'typing 2000 gives 2000');
    assert.equal(await figure.locator('progress.ba-progress').getAttribute('max'), '2000');
    await steps.fill('50');
    await steps.press('Enter');
    assert.equal(await text(testId('lab-steps-message')), '50 is out of range; enter a whole number from 100 to 5,000.');
    await steps.fill('200');
    await steps.press('Tab');

    const counter = await playWhenReady(testId, 5);
    // Once TensorFlow.js has loaded, a new lab never claims to be loading it again.
    await page.evaluate((selector) => {
      const element = document.querySelector(selector);
      window.__labStatuses = [];
      new MutationObserver(() => window.__labStatuses.push(element.textContent)).observe(element, { childList: true, characterData: true, subtree: true });
    }, '[data-widget="strategy-lab"] [data-testid="live-step-count"]');
    await waitForText(counter, (content) => parseStepCount(content)?.status === 'running', { label: 'running' });
    assert.equal(await steps.isDisabled(), true);
    assert.equal(await testId('live-seed').isDisabled(), true);
    assert.equal(await figure.locator('input[data-strategy="dwa"]').isDisabled(), true, 'the strategies are locked while running');
    await waitForText(counter, (content) => (parseStepCount(content)?.step ?? 0) >= 30, { label: 'step ≥ 30' });
    await testId('live-play').click();
    const paused = parseStepCount(await waitForText(counter, (content) => parseStepCount(content)?.status === 'paused', { label: 'paused' }));
    // Adding a strategy while paused: the charts keep the two that trained; it applies on Reset.
    await figure.locator('input[data-strategy="dwa"]').check();
    assert.match(await text(testId('live-pending')), /apply on Reset/);
    assert.equal(await testId('lab-results').locator('tbody tr').count(), 2, 'the table shows the runs on screen');
    assert.equal((await stepOf(counter)).step, paused.step);
    await testId('live-reset').click();
    await waitForText(counter, (content) => parseStepCount(content)?.status === 'idle' && parseStepCount(content)?.step === 0, { label: 'a new lab after Reset' });
    assert.equal(await testId('lab-results').locator('tbody tr').count(), 3, 'Reset applied the new selection');
    const statuses = await page.evaluate(() => window.__labStatuses);
    assert.ok(statuses.length > 0 && !statuses.some((content) => content.includes('loading TensorFlow.js')), `no "loading TensorFlow.js" after it loaded: ${[...new Set(statuses.map((s) => s.replace(/\d+/g, 'N')))].join(' | ')}`);
    await screenshotBothThemes(page, figure, screenshotDir, 'strategy-lab-settings');
    watcher.assertClean('StrategyLab settings');
  } finally {
    await context.close();
  }
});

test('StrategyLab: a step count typed and then Play pressed (no Enter) trains that many steps, without a stale mix', async ({ baseUrl, browser }) => {
  const { context, watcher, testId } = await openWidget(await browser(), baseUrl, 'StrategyLab', { state: { steps: 800, selection: 1, seed: 0 } });
  try {
    const counter = testId('live-step-count');
    await waitForText(counter, (content) => parseStepCount(content)?.status === 'idle', { label: 'the lab to be ready (idle)' });
    await testId('live-speed').selectOption('50');
    // Pressing Play blurs the field, which commits 200 and replaces the not-yet-started lab: the Play
    // must reach the new lab, and nothing of the old one may show.
    await testId('lab-steps').fill('200');
    await testId('live-play').click();
    const done = parseStepCount(await waitForText(counter, (content) => parseStepCount(content)?.status === 'done', { timeout: 60_000, label: 'the 200 typed steps to finish' }));
    assert.equal(done.step, 200);
    assert.equal(done.total, 200);
    watcher.assertClean('StrategyLab typed steps then Play');
  } finally {
    await context.close();
  }
});
