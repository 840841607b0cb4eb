// Widgets load lazily and fail alone: a placeholder until scrolled near, and a widget whose code
// throws shows an error in its own box while the rest of the page keeps working.
import { assert, openChapter, test } from './harness.mjs';

test('widgets stay placeholders until they near the viewport', async ({ baseUrl, browser, chapters }) => {
  const { page, context } = await openChapter(await browser(), baseUrl, chapters[0].slug, { viewport: 'phone' });
  try {
    const widgets = page.locator('figure.widget');
    if ((await widgets.count()) === 0) return;
    const box = await widgets.first().boundingBox();
    // Only meaningful when the first widget starts well below the fold (beyond the 600px margin).
    if (box && box.y > 844 + 700) assert.equal(await widgets.first().getAttribute('data-widget-state'), 'placeholder');
    await widgets.first().scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('figure.widget')?.dataset.widgetState === 'mounted');
  } finally {
    await context.close();
  }
});

test('a widget that throws shows its error in its box and the page keeps working', async ({ baseUrl, browser, chapters }) => {
  const browserInstance = await browser();
  const context = await browserInstance.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Replace every widget chunk with one that fails while evaluating, as a broken widget would.
  await page.route(/\/assets\/widget-[^/]+\.js$/, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', headers: { 'Cross-Origin-Resource-Policy': 'same-origin' }, body: 'throw new Error("simulated widget failure");' }),
  );
  try {
    const chapter = chapters[0];
    await page.goto(`${baseUrl}#/${chapter.slug}`);
    await page.waitForSelector('article .pager');
    const widget = page.locator('figure.widget').first();
    await widget.scrollIntoViewIfNeeded();
    await page.waitForSelector('figure.widget[data-widget-state="error"] .widget-error');
    assert.match(await widget.locator('.widget-error').innerText(), /stopped working[\s\S]*simulated widget failure/);
    if (chapters[1]) {
      await page.locator('.sidebar a', { hasText: chapters[1].title }).click();
      await page.waitForSelector(`article[data-chapter="${chapters[1].slug}"] .pager`);
    }
  } finally {
    await context.close();
  }
});
