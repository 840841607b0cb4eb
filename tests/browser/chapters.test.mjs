// Every chapter, as a reader meets it: clean console and network, rendered math, mounted widgets,
// and a screenshot in each theme at desktop and phone width.
import path from 'node:path';
import { assert, assertMarkdownRendered, assertMathRendered, discoverChapters, mountAllWidgets, openChapter, test } from './harness.mjs';

for (const chapter of discoverChapters()) {
  for (const viewport of ['desktop', 'phone']) {
    for (const colorScheme of ['light', 'dark']) {
      test(`chapter "${chapter.slug}" renders cleanly (${viewport}, ${colorScheme})`, async ({ baseUrl, browser, screenshotDir }) => {
        const { page, context, watcher } = await openChapter(await browser(), baseUrl, chapter.slug, { viewport, colorScheme });
        try {
          assert.equal(await page.locator('article h1').innerText(), chapter.title);
          assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), colorScheme);
          await assertMathRendered(page);
          await assertMarkdownRendered(page);
          await mountAllWidgets(page);
          // The one symbol table and the chapter's references, both rendered from their single sources.
          const notation = page.locator('details.notation');
          assert.equal(await notation.count(), 1, `${chapter.slug} shows the notation table once`);
          await notation.locator('summary').click();
          assert.ok(await notation.locator('tbody tr').count() >= 25, 'the notation table lists the book’s symbols');
          assert.ok(await notation.locator('tbody .katex').count() >= 25, 'the notation table’s symbols are typeset');
          const references = page.locator('[data-testid="references"] li');
          assert.ok(await references.count() >= 1, `${chapter.slug} lists its references`);
          for (const entry of await references.allInnerTexts()) assert.ok(!entry.includes('missing from the bibliography'), entry);
          await notation.locator('summary').click();
          if (viewport === 'phone') {
            // Nothing may push the page sideways: long inline math, tables and listings scroll in their own boxes.
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert.ok(overflow <= 0, `${chapter.slug} is ${overflow}px wider than a 390px phone`);
          }
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.waitForTimeout(150);
          await page.screenshot({ path: path.join(screenshotDir, `${chapter.slug}-${colorScheme}-${viewport}.png`), fullPage: true });
          watcher.assertClean(chapter.slug);
        } finally {
          await context.close();
        }
      });
    }
  }
}

test('the landing page lists every chapter with its summary', async ({ baseUrl, browser, chapters, screenshotDir }) => {
  const { page, context, watcher } = await openChapter(await browser(), baseUrl, '');
  try {
    const titles = await page.locator('.chapter-list__title').allInnerTexts();
    assert.deepEqual(titles, chapters.map((chapter) => chapter.title));
    const summaries = await page.locator('.chapter-list p').allInnerTexts();
    assert.deepEqual(summaries, chapters.map((chapter) => chapter.summary.trim()));
    await page.screenshot({ path: path.join(screenshotDir, 'landing-light-desktop.png'), fullPage: true });
    watcher.assertClean('landing');
  } finally {
    await context.close();
  }
});
