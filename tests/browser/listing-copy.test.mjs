// Code listings: the Copy button sits clear of the code (it used to cover the end of the first line).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assert, discoverChapters, openChapter, ROOT, test } from './harness.mjs';

const withListings = discoverChapters().filter((chapter) => /<Listing\b/.test(readFileSync(path.join(ROOT, 'content', chapter.file), 'utf8')));

for (const viewport of ['desktop', 'phone']) {
  test(`the Copy button covers no code line in any listing (${viewport})`, async ({ baseUrl, browser }) => {
    assert.ok(withListings.length > 0, 'some chapter has a listing');
    let checked = 0;
    for (const chapter of withListings) {
      const { page, context, watcher } = await openChapter(await browser(), baseUrl, chapter.slug, { viewport });
      try {
        const overlaps = await page.evaluate(() =>
          [...document.querySelectorAll('figure.listing')].map((listing) => {
            const button = listing.querySelector('.listing__copy').getBoundingClientRect();
            // A line's row runs the width of the code box: a longer line would run under the button.
            const box = listing.querySelector('pre').getBoundingClientRect();
            const lines = [...listing.querySelectorAll('code .line')].map((line) => line.getBoundingClientRect());
            const hit = lines.findIndex((line) => line.bottom > button.top && line.top < button.bottom && box.right > button.left && box.left < button.right);
            return { listing: listing.dataset.listing, hit, lines: lines.length };
          }),
        );
        for (const { listing, hit, lines } of overlaps) {
          assert.ok(lines > 0, `${listing} has code lines`);
          assert.equal(hit, -1, `${chapter.slug}: the Copy button of ${listing} overlaps line ${hit + 1}`);
          checked += 1;
        }
        watcher.assertClean(chapter.slug);
      } finally {
        await context.close();
      }
    }
    assert.ok(checked > 0);
  });
}
