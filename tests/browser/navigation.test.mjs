// Moving around the book: sidebar, previous/next, section anchors and deep links, the phone menu,
// the theme toggle and the on-page contents.
import { assert, openChapter, test } from './harness.mjs';

test('the sidebar and previous/next links move between chapters', async ({ baseUrl, browser, chapters }) => {
  const [first, second] = chapters;
  const { page, context, watcher } = await openChapter(await browser(), baseUrl, first.slug);
  try {
    assert.equal(await page.locator('.sidebar a[aria-current="page"]').innerText().then((text) => text.includes(first.title)), true);
    if (second) {
      await page.locator('.pager__next').click();
      await page.waitForSelector(`article[data-chapter="${second.slug}"]`);
      assert.equal(await page.locator('article h1').innerText(), second.title);
      await page.locator('.pager__previous').click();
      await page.waitForSelector(`article[data-chapter="${first.slug}"]`);
      await page.locator('.sidebar a', { hasText: second.title }).click();
      await page.waitForSelector(`article[data-chapter="${second.slug}"]`);
      assert.match(page.url(), new RegExp(`#/${second.slug}$`));
    }
    watcher.assertClean('navigation');
  } finally {
    await context.close();
  }
});

test('heading anchors give deep links that open at the section', async ({ baseUrl, browser, chapters }) => {
  const chapter = chapters[0];
  const { page, context, watcher } = await openChapter(await browser(), baseUrl, chapter.slug);
  try {
    const heading = page.locator('article h2[id]').first();
    const id = await heading.getAttribute('id');
    await heading.hover();
    const anchor = heading.locator('.heading-anchor');
    assert.equal(await anchor.isVisible(), true);
    await anchor.click();
    assert.match(page.url(), new RegExp(`#/${chapter.slug}/${id}$`));
    // Let widgets that the scroll brought near finish loading first: a reload would abort their chunks
    // mid-flight. (waitForLoadState('networkidle') does not wait here: the page reached it long ago.)
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.waitForFunction(() => !document.querySelector('figure.widget[data-widget-state="loading"]'));
    await page.reload();
    await page.waitForSelector(`article[data-chapter="${chapter.slug}"][data-body="rendered"] .pager`);
    await page.waitForFunction((target) => {
      const top = document.getElementById(target)?.getBoundingClientRect().top ?? 9999;
      return top >= 0 && top < 200;
    }, id);
    watcher.assertClean('anchors');
  } finally {
    await context.close();
  }
});

test('the on-page contents lists h2/h3 and highlights the section being read', async ({ baseUrl, browser, chapters }) => {
  const chapter = chapters[0];
  const { page, context } = await openChapter(await browser(), baseUrl, chapter.slug);
  try {
    const headings = await page.locator('article h2[id], article h3[id]').count();
    assert.equal(await page.locator('.toc li').count(), headings);
    const lastId = await page.locator('article h2[id], article h3[id]').last().getAttribute('id');
    await page.locator(`[id="${lastId}"]`).evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.waitForFunction((id) => document.querySelector('.toc a[aria-current="location"]')?.getAttribute('href')?.endsWith(`/${id}`), lastId);
  } finally {
    await context.close();
  }
});

test('on a phone the sidebar is a menu that opens, navigates and closes', async ({ baseUrl, browser, chapters }) => {
  const { page, context } = await openChapter(await browser(), baseUrl, chapters[0].slug, { viewport: 'phone' });
  try {
    assert.equal(await page.locator('#chapter-nav').isVisible(), false);
    await page.locator('.site-header__menu').click();
    assert.equal(await page.locator('#chapter-nav').isVisible(), true);
    const target = chapters[chapters.length - 1];
    await page.locator('#chapter-nav a', { hasText: target.title }).click();
    await page.waitForSelector(`article[data-chapter="${target.slug}"]`);
    assert.equal(await page.locator('#chapter-nav').isVisible(), false);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than a 390px phone`);
  } finally {
    await context.close();
  }
});

test('the theme toggle switches data-theme and is remembered', async ({ baseUrl, browser, chapters }) => {
  const { page, context } = await openChapter(await browser(), baseUrl, chapters[0].slug, { colorScheme: 'light' });
  try {
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
    await page.locator('.site-header__theme').click();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await page.reload();
    await page.waitForSelector('article .pager');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  } finally {
    await context.close();
  }
});

test('a skip link leads keyboard users past the navigation', async ({ baseUrl, browser, chapters }) => {
  const { page, context } = await openChapter(await browser(), baseUrl, chapters[0].slug);
  try {
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  } finally {
    await context.close();
  }
});
