// axe-core over the landing page and every chapter, in light and dark, with every widget mounted:
// no serious or critical violation (colour contrast of text and code tokens, names of controls and
// table headers, …). Each page's findings (minor and moderate too) are also written to artifacts/axe/ for a person to read.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { assert, discoverChapters, mountAllWidgets, ROOT, test, VIEWPORTS, watchProblems } from './harness.mjs';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const BLOCKING = new Set(['serious', 'critical']);

async function openForAxe(browser, baseUrl, slug, colorScheme) {
  // The page's CSP (rightly) refuses injected scripts; axe is a test tool, so this context bypasses it.
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, colorScheme, reducedMotion: 'reduce', bypassCSP: true });
  const page = await context.newPage();
  const watcher = watchProblems(page, baseUrl);
  await page.goto(`${baseUrl}#/${slug}`);
  if (slug) await page.waitForSelector(`article[data-chapter="${slug}"][data-body="rendered"] .pager`);
  else await page.waitForSelector('.chapter-list');
  return { page, context, watcher };
}

/** Every violation as { rule, impact, nodes: [{ target, impact, summary }] }. */
async function axeViolations(page) {
  await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      nodes: v.nodes.map((node) => ({ target: node.target.join(' '), impact: node.impact, summary: node.failureSummary })),
    }));
  });
  return violations;
}

/** Only the serious and critical nodes of `violations`. */
const blockingOnly = (violations) =>
  violations.map((v) => ({ ...v, nodes: v.nodes.filter((node) => BLOCKING.has(node.impact ?? v.impact)) })).filter((v) => v.nodes.length > 0);

const pages = [{ slug: '', label: 'landing' }, ...discoverChapters().map((chapter) => ({ slug: chapter.slug, label: chapter.slug }))];

for (const { slug, label } of pages) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe: ${label} (${colorScheme}) has no serious or critical violation`, async ({ baseUrl, browser }) => {
      const { page, context, watcher } = await openForAxe(await browser(), baseUrl, slug, colorScheme);
      try {
        if (slug) await mountAllWidgets(page);
        await page.evaluate(() => window.scrollTo(0, 0));
        const all = await axeViolations(page);
        const directory = path.join(ROOT, 'artifacts/axe');
        mkdirSync(directory, { recursive: true });
        writeFileSync(path.join(directory, `${label}-${colorScheme}.json`), JSON.stringify(all, null, 2));
        const violations = blockingOnly(all);
        const count = violations.reduce((sum, v) => sum + v.nodes.length, 0);
        const lines = violations.flatMap((v) => v.nodes.slice(0, 5).map((node) => `${v.rule} (${node.impact ?? v.impact}) ${node.target}: ${node.summary}`));
        assert.equal(count, 0, `${label} (${colorScheme}): ${count} serious/critical nodes\n${lines.join('\n')}`);
        // Minor in axe's scale, but a header a screen reader announces as nothing: none either.
        assert.deepEqual(all.filter((v) => v.rule === 'empty-table-header').flatMap((v) => v.nodes.map((node) => node.target)), []);
        watcher.assertClean(label);
      } finally {
        await context.close();
      }
    });
  }
}

// Symbols in widget text are math, not "λ_rul" with a literal underscore, with a spoken form for screen readers.
for (const chapter of discoverChapters()) {
  test(`math labels: ${chapter.slug} writes no raw λ_rul / g_rul in widget text, and its math has a spoken form`, async ({ baseUrl, browser }) => {
    const { page, context, watcher } = await openForAxe(await browser(), baseUrl, chapter.slug, 'light');
    try {
      await mountAllWidgets(page);
      const found = await page.evaluate(() =>
        [...document.querySelectorAll('figure.widget')].map((figure) => {
          const clone = figure.cloneNode(true);
          clone.querySelectorAll('svg, .ba-math').forEach((element) => element.remove());
          const math = [...figure.querySelectorAll('.ba-math')].map((label) => ({
            spoken: label.querySelector('.visually-hidden')?.textContent ?? '',
            hidden: label.querySelector('.katex')?.parentElement.getAttribute('aria-hidden'),
            subscripts: label.querySelectorAll('.katex .msupsub').length,
          }));
          return { raw: (clone.textContent.match(/[λg‖]_[a-z]+/g) ?? []), math };
        }),
      );
      for (const { raw, math } of found) {
        assert.deepEqual(raw, [], `raw subscripts in widget text: ${raw.join(', ')}`);
        for (const label of math) {
          assert.equal(label.hidden, 'true', 'the visual KaTeX layer is hidden from screen readers');
          assert.ok(label.subscripts > 0 && /^(norm of )?[a-z]+ (RUL|health)$/.test(label.spoken), `a subscript, and a spoken form: "${label.spoken}"`);
        }
      }
      watcher.assertClean(chapter.slug);
    } finally {
      await context.close();
    }
  });
}
