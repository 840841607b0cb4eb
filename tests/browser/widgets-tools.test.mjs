// "Reset to defaults" and "Copy link" under every widget, used as a reader uses them: change a
// setting, copy the link, open it in a new tab and find the same setting; Reset to defaults puts the
// setting back and takes it out of the address. Also checks every widget in the book has both.
import { assert, mountAllWidgets, openChapter, test } from './harness.mjs';
import { openWidget, press, screenshotBothThemes, text } from './widgets-support.mjs';

test('every widget in the book has Reset to defaults and Copy link', async ({ baseUrl, browser, chapters }) => {
  const instance = await browser();
  let widgets = 0;
  for (const chapter of chapters) {
    const { page, context } = await openChapter(instance, baseUrl, chapter.slug);
    try {
      await mountAllWidgets(page);
      const figures = page.locator('figure.widget');
      for (let index = 0; index < await figures.count(); index += 1) {
        const figure = figures.nth(index);
        const name = await figure.getAttribute('data-widget-id');
        assert.equal(await figure.locator('[data-testid="widget-defaults"]').count(), 1, `${chapter.slug}/${name}: Reset to defaults`);
        assert.equal(await figure.locator('[data-testid="widget-copy-link"]').count(), 1, `${chapter.slug}/${name}: Copy link`);
        widgets += 1;
      }
    } finally {
      await context.close();
    }
  }
  assert.ok(widgets >= 6, `found ${widgets} widgets`);
});

test('ParetoFrontier: Copy link reproduces λ in a new tab; Reset to defaults puts it back', async ({ baseUrl, browser }) => {
  const { page, context, watcher, testId, where, figure } = await openWidget(await browser(), baseUrl, 'ParetoFrontier');
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    const lambda = testId('pareto-lambda');
    await press(lambda, 'End', 'ArrowLeft', 'ArrowLeft');
    assert.equal(await lambda.getAttribute('aria-valuetext'), '0.990');
    await testId('widget-copy-link').click();
    await page.waitForFunction((element) => element.textContent !== '', await testId('widget-tools-status').elementHandle());
    const said = await text(testId('widget-tools-status'));
    const link = said === 'Link copied.' ? await page.evaluate(() => navigator.clipboard.readText()) : await testId('widget-link').inputValue();
    assert.match(link, new RegExp(`\\?${where.id.replace('.', '\\.')}\\.lambda=0\\.99#/${where.slug}$`), `the link: ${link}`);

    const other = await context.newPage();
    await other.goto(link);
    const copied = other.locator(`figure.widget[data-widget-id="${where.id}"]`);
    await copied.scrollIntoViewIfNeeded();
    await copied.locator('[data-testid="pareto-lambda"]').waitFor();
    assert.equal(await copied.locator('[data-testid="pareto-lambda"]').getAttribute('aria-valuetext'), '0.990', 'the link reproduces the setting');
    await other.close();

    await testId('widget-defaults').click();
    assert.equal(await lambda.getAttribute('aria-valuetext'), '0.500');
    assert.equal(await text(testId('widget-tools-status')), 'Settings back to their defaults.');
    await page.waitForFunction((id) => !new URLSearchParams(location.search).has(`${id}.lambda`), where.id);
    assert.equal(await figure.locator('[data-testid="pareto-exchange"]').innerText(), '1.00 health per unit of RUL');
    watcher.assertClean('ParetoFrontier tools');
  } finally {
    await context.close();
  }
});

test('GabaExplorer: Reset to defaults in Live mode returns every setting, the mode included, to its default', async ({ baseUrl, browser }) => {
  const { page, context, watcher, testId, where } = await openWidget(await browser(), baseUrl, 'GabaExplorer', { state: { beta: 0.5 } });
  try {
    assert.equal(await testId('gaba-beta').getAttribute('aria-valuetext'), '0.500');
    await testId('gaba-live').click();
    await testId('live-step-count').waitFor();
    await testId('widget-defaults').click();
    // The default mode is Sliders: the live controls go, β is back at 0.990 and out of the address.
    await testId('live-step-count').waitFor({ state: 'detached' });
    assert.equal(await testId('gaba-beta').getAttribute('aria-valuetext'), '0.990');
    await page.waitForFunction((id) => ![...new URLSearchParams(location.search).keys()].some((key) => key.startsWith(`${id}.`)), where.id);
    watcher.assertClean('GabaExplorer tools');
  } finally {
    await context.close();
  }
});

test('on a phone the new controls fit: number fields with their message, Pause/Cancel, the tools', async ({ baseUrl, browser, screenshotDir }) => {
  for (const [name, state] of [['LambdaSweep', {}], ['GabaExplorer', { mode: 'live' }], ['StrategyLab', {}]]) {
    const { page, context, figure, testId } = await openWidget(await browser(), baseUrl, name, { state, viewport: 'phone' });
    try {
      const field = name === 'LambdaSweep' ? testId('sweep-steps') : testId('live-seed');
      await field.fill('-1');
      await field.press('Enter');
      await testId(name === 'LambdaSweep' ? 'sweep-steps-message' : 'live-seed-message').waitFor();
      const overflow = await figure.evaluate((element) => element.scrollWidth - element.clientWidth);
      assert.ok(overflow <= 1, `${name} is ${overflow}px wider than its box on a phone`);
      await screenshotBothThemes(page, figure, screenshotDir, `${name}-phone-controls`);
    } finally {
      await context.close();
    }
  }
});
