// Links as people type or keep them: a chapter by another spelling (#/GABA, #/04-gaba), a section by
// its title, a section that no longer exists, and widget settings that stay with their chapter.
import { assert, openChapter, test, VIEWPORTS } from './harness.mjs';

async function openHash(browser, baseUrl, hash, query = '') {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}${query}${hash}`);
  return { page, context };
}

test('#/GABA and #/04-gaba open the GABA chapter under its own address', async ({ baseUrl, browser, chapters }) => {
  const gaba = chapters.find((chapter) => chapter.slug === 'gaba');
  assert.ok(gaba, 'the book has a chapter with slug "gaba"');
  for (const typed of ['#/GABA', '#/04-gaba', '#/Gaba/']) {
    const { page, context } = await openHash(await browser(), baseUrl, typed);
    try {
      await page.waitForSelector('article[data-chapter="gaba"][data-body="rendered"] .pager');
      await page.waitForFunction(() => location.hash === '#/gaba');
      assert.equal(await page.locator('.sidebar a[aria-current="page"]').count(), 1, `${typed}: the sidebar marks the chapter`);
    } finally {
      await context.close();
    }
  }
  const { page, context } = await openHash(await browser(), baseUrl, '#/no-such-chapter');
  try {
    assert.equal(await page.locator('article h1').innerText(), 'No chapter “no-such-chapter”');
  } finally {
    await context.close();
  }
});

test('a section named by its title resolves; one that does not exist is named in a note', async ({ baseUrl, browser }) => {
  const { page, context } = await openHash(await browser(), baseUrl, '#/GABA/Three%20Stabilisers');
  try {
    await page.waitForSelector('article[data-chapter="gaba"][data-body="rendered"] .pager');
    await page.waitForFunction(() => location.hash === '#/gaba/three-stabilisers');
    await page.waitForFunction(() => {
      const top = document.getElementById('three-stabilisers')?.getBoundingClientRect().top ?? 9999;
      return top >= 0 && top < 200;
    });
    assert.equal(await page.locator('[data-testid="missing-section"]').count(), 0);
    await page.evaluate(() => { location.hash = '#/gaba/the-old-section'; });
    const note = page.locator('[data-testid="missing-section"]');
    await note.waitFor();
    assert.match(await note.innerText(), /This chapter has no section “the-old-section”/);
  } finally {
    await context.close();
  }
});

test('widget settings stay with their chapter: moving on drops them from the address, page-wide options stay', async ({ baseUrl, browser, chapters }) => {
  const index = chapters.findIndex((chapter) => chapter.slug === 'gaba');
  const { page, context } = await openChapter(await browser(), baseUrl, 'gaba', { query: '?backend=wasm&gaba1.beta=0.5' });
  try {
    assert.match(page.url(), /gaba1\.beta=0\.5/);
    await page.locator('.pager__next').click();
    await page.waitForSelector(`article[data-chapter="${chapters[index + 1].slug}"]`);
    await page.waitForFunction(() => location.search === '?backend=wasm');
    // Back works (it changes the query as well as the hash) and returns to the chapter; its widgets
    // start from their defaults, as on any arrival from another chapter.
    await page.goBack();
    await page.waitForSelector('article[data-chapter="gaba"][data-body="rendered"] .pager');
    await page.waitForFunction(() => location.search === '?backend=wasm' && location.hash === '#/gaba');
  } finally {
    await context.close();
  }
});
