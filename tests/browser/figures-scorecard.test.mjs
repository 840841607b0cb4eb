// Chapter 5's scorecard figures in a real browser: both tables come from content/figures/scorecard.json
// with one row per strategy, every cell a mean ± interval, the baseline unmarked, the caption naming
// the seeds, steps, backend and commit; the quoted values in the prose render as numbers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assert, openChapter, ROOT, test } from './harness.mjs';

const report = JSON.parse(readFileSync(path.join(ROOT, 'content/figures/scorecard.json'), 'utf8'));

test('chapter 5 shows the multi-seed scorecard from content/figures/scorecard.json', async ({ baseUrl, browser, screenshotDir }) => {
  const { page, context, watcher } = await openChapter(await browser(), baseUrl, 'other-answers');
  try {
    for (const dataset of report.datasets) {
      const figure = page.locator(`figure[data-figure="scorecard-${dataset.id}"]`);
      await figure.scrollIntoViewIfNeeded();
      const rows = figure.locator('tbody tr');
      assert.equal(await rows.count(), dataset.strategies.length);
      const fixed = figure.locator('tbody tr[data-strategy="fixed"] td');
      const rmse = dataset.strategies.find((s) => s.id === 'fixed').metrics.rmse;
      assert.equal((await fixed.first().innerText()).trim(), `${rmse.mean.toFixed(2)} ± ${rmse.halfWidth.toFixed(2)}`);
      assert.equal(await fixed.first().getAttribute('data-mark'), 'baseline');
      const caption = await figure.locator('figcaption').innerText();
      assert.match(caption, new RegExp(`seeds ${report.seeds.join(', ')} after ${report.steps} steps`));
      assert.match(caption, new RegExp(`commit ${report.commit}`));
      assert.match(caption, /100 test engines/);
      await figure.screenshot({ path: path.join(screenshotDir, `figure-scorecard-${dataset.id}.png`) });
    }
    const quoted = page.locator('.scorecard-value');
    assert.ok(await quoted.count() >= 5, 'the prose quotes the file');
    for (const value of await quoted.allInnerTexts()) assert.match(value, /^[+−]?\d[\d.]* ± \d[\d.]*$/);
    watcher.assertClean('chapter 5');
  } finally {
    await context.close();
  }
});
