// public/ is served as is: the page's icon and social preview image load from the site itself.
import { assert, openChapter, test } from './harness.mjs';

test('the icon and the social preview image come from public/ and load', async ({ baseUrl, browser }) => {
  const { page, context, watcher } = await openChapter(await browser(), baseUrl, '');
  try {
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    const preview = await page.locator('meta[property="og:image"]').getAttribute('content');
    assert.equal(icon, './favicon.svg');
    assert.equal(preview, './social-preview.png');
    for (const [href, type] of [[icon, 'image/svg+xml'], [preview, 'image/png']]) {
      const response = await page.request.get(new URL(href, baseUrl).href);
      assert.equal(response.status(), 200, href);
      assert.equal(response.headers()['content-type'], type, href);
      assert.ok((await response.body()).length > 100, `${href} has content`);
    }
    // The preview has the size link previews expect (1200 × 630), read from its PNG header.
    const png = await (await page.request.get(new URL(preview, baseUrl).href)).body();
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
    watcher.assertClean('landing');
  } finally {
    await context.close();
  }
});
