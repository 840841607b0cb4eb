// The built page carries a Content-Security-Policy, and nothing the book does breaks it: every chapter
// opens, every widget mounts, every live widget trains (and LambdaSweep runs its sweep) without a
// securitypolicyviolation event or a "Refused to …" console message.
import { assert, discoverChapters, mountAllWidgets, test, VIEWPORTS, watchProblems } from './harness.mjs';
import { parseStepCount, playWhenReady, waitForText } from './widgets-support.mjs';

// Installed before any page script: records every violation the page (or its Worker) reports.
// Each of these trains in a Worker; the others (ParetoFrontier) are closed-form numbers.
const TRAINING_WIDGETS = ['AggregatorArena', 'GabaExplorer', 'GradientCombiner', 'LambdaSweep', 'StrategyLab'];

const RECORD_VIOLATIONS = () => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
  });
};

async function openWatched(browser, baseUrl, slug, query = '') {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, reducedMotion: 'reduce' });
  await context.addInitScript(RECORD_VIOLATIONS);
  const page = await context.newPage();
  const watcher = watchProblems(page, baseUrl);
  const refusals = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(message.text());
  });
  await page.goto(`${baseUrl}${query}#/${slug}`);
  if (slug) await page.waitForSelector(`article[data-chapter="${slug}"][data-body="rendered"] .pager`);
  else await page.waitForSelector('.chapter-list');
  const violations = async () => [...(await page.evaluate(() => window.__cspViolations)), ...refusals];
  return { page, context, watcher, violations };
}

/** Presses Play in every live widget (and Start in every sweep) and waits for a few real steps. */
async function trainEveryWidget(page) {
  const figures = page.locator('figure.widget');
  let trained = 0;
  for (let index = 0; index < (await figures.count()); index += 1) {
    const figure = figures.nth(index);
    const testId = (id) => figure.locator(`[data-testid="${id}"]`);
    await figure.scrollIntoViewIfNeeded();
    // Widgets with a Sliders / Live training switch start on the sliders.
    const liveSwitch = figure.locator('[data-testid$="-live"]');
    if ((await liveSwitch.count()) > 0) await liveSwitch.first().click();
    if ((await testId('live-play').count()) > 0) {
      const counter = await playWhenReady(testId, 10, { timeout: 90_000 });
      await waitForText(counter, (content) => (parseStepCount(content)?.step ?? 0) >= 5, { timeout: 90_000, label: 'five steps' });
      await testId('live-play').click();
      trained += 1;
    } else if ((await testId('sweep-start').count()) > 0) {
      await testId('sweep-start').click();
      const stepOf = (content) => Number(/step (\d+) \//.exec(content)?.[1] ?? 0);
      await waitForText(testId('sweep-status'), (content) => stepOf(content) >= 5, { timeout: 90_000, label: 'five sweep steps' });
      if ((await testId('sweep-cancel').count()) > 0) await testId('sweep-cancel').click();
      trained += 1;
    }
  }
  return trained;
}

test('the built page carries its Content-Security-Policy, and the policy is enforced', async ({ baseUrl, browser }) => {
  const { page, context, violations } = await openWatched(await browser(), baseUrl, '');
  try {
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(policy, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
    assert.match(policy, /connect-src 'self'/);
    assert.match(policy, /worker-src 'self'/);
    // The inline theme script ran (allowed by its hash): the theme attribute is set.
    assert.ok(await page.evaluate(() => ['light', 'dark'].includes(document.documentElement.dataset.theme)));
    assert.deepEqual(await violations(), []);
    // A foreign script is refused, and the recorder sees it: the no-violation checks below are not vacuous.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
    });
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => window.__injected), undefined);
    assert.ok((await violations()).some((line) => line.startsWith('script-src')), 'the injected inline script was reported');
  } finally {
    await context.close();
  }
});

for (const chapter of discoverChapters()) {
  test(`chapter "${chapter.slug}": widgets mount and train with no CSP violation`, async ({ baseUrl, browser }) => {
    const { page, context, watcher, violations } = await openWatched(await browser(), baseUrl, chapter.slug);
    try {
      await mountAllWidgets(page);
      const trained = await trainEveryWidget(page);
      const training = await page.locator('figure.widget').evaluateAll((figures, names) => figures.filter((f) => names.includes(f.dataset.widget)).length, TRAINING_WIDGETS);
      assert.equal(trained, training, 'every widget that trains did train');
      await page.waitForTimeout(300);
      assert.deepEqual(await violations(), [], `${chapter.slug} (${trained} widgets trained)`);
      watcher.assertClean(chapter.slug);
    } finally {
      await context.close();
    }
  });
}

test('WebGPU loads and trains under the policy', async ({ baseUrl, webgpuBrowser, chapters }) => {
  const chapter = chapters.find((entry) => entry.slug === 'gaba') ?? chapters[3];
  // Auto does not pick a software WebGPU adapter (backend-probe.ts says why), so force it.
  const { page, context, watcher, violations } = await openWatched(await webgpuBrowser(), baseUrl, chapter.slug, '?backend=webgpu');
  try {
    await mountAllWidgets(page);
    assert.ok((await trainEveryWidget(page)) > 0, 'a widget trained');
    assert.match(await page.locator('[data-testid="live-step-count"]').first().innerText(), /webgpu|WebGPU/);
    assert.deepEqual(await violations(), []);
    watcher.assertClean('webgpu under CSP');
  } finally {
    await context.close();
  }
});
