// Helpers for the per-widget browser tests (tests/browser/widgets-*.test.mjs): find the chapter that
// embeds a widget (by scanning content/*.mdx, never hard-coded), open it in a given URL state, read
// numbers off the page, drive native range sliders, and save light/dark screenshots.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { assert, openChapter, ROOT } from './harness.mjs';

/**
 * Folders scanned for `<Widget name=… id=…>`: content/ always; WIDGET_TEST_EXTRA_CONTENT (comma-
 * separated, relative to the repository root) adds more, for a build that serves extra chapters
 * (e.g. bench/ui-content with the widget-bench build) while a widget is not yet in the book.
 */
function contentFolders() {
  const extra = (process.env.WIDGET_TEST_EXTRA_CONTENT ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  return ['content', ...extra].map((folder) => path.join(ROOT, folder));
}

/** { slug, id, file } of the first chapter embedding widget `name`; throws a clear message if none. */
export function findWidget(name) {
  for (const folder of contentFolders()) {
    const files = readdirSync(folder).filter((file) => /^\d+-[a-z0-9-]+\.mdx$/.test(file)).sort();
    for (const file of files) {
      const text = readFileSync(path.join(folder, file), 'utf8');
      const match = new RegExp(`<Widget\\s+name="${name}"\\s+id="([^"]+)"`).exec(text);
      if (match) return { slug: file.replace(/^\d+-/, '').replace(/\.mdx$/, ''), id: match[1], file };
    }
  }
  throw new Error(`widget ${name} is not embedded in any chapter yet: no content/*.mdx has <Widget name="${name}" id="…" />`);
}

/**
 * Opens the chapter holding widget `name` with its state given as { key: value } (written as
 * `?<id>.<key>=<value>`), with `backend` as `?backend=`, scrolls the widget into view and waits until it is mounted.
 */
export async function openWidget(browser, baseUrl, name, { state = {}, colorScheme = 'light', viewport = 'desktop', touch = false, backend } = {}) {
  const where = findWidget(name);
  const params = new URLSearchParams(Object.entries(state).map(([key, value]) => [`${where.id}.${key}`, String(value)]));
  if (backend) params.set('backend', backend);
  const query = params.size > 0 ? `?${params}` : '';
  const opened = await openChapter(browser, baseUrl, where.slug, { query, colorScheme, viewport, touch });
  const figure = opened.page.locator(`figure.widget[data-widget-id="${where.id}"]`);
  await figure.scrollIntoViewIfNeeded();
  await opened.page.waitForFunction(
    (element) => ['mounted', 'error'].includes(element.dataset.widgetState),
    await figure.elementHandle(),
    { timeout: 30_000 },
  );
  const phase = await figure.getAttribute('data-widget-state');
  if (phase === 'error') assert.fail(`widget ${name} failed to mount: ${await figure.locator('.widget-error').innerText()}`);
  await figure.locator('.ba-widget').waitFor();
  return { ...opened, figure, where, testId: (id) => figure.locator(`[data-testid="${id}"]`) };
}

/** Text content of a locator, trimmed. */
export async function text(locator) {
  return (await locator.innerText()).trim();
}

/** The first number in a locator's text ("1.00e+5×" → 100000, "0.200%" → 0.2). */
export async function number(locator) {
  const content = await text(locator);
  const match = /[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?/i.exec(content);
  if (!match) assert.fail(`no number in "${content}"`);
  return Number(match[0]);
}

/** Waits until a locator's text satisfies `predicate` (polling), then returns the text. */
export async function waitForText(locator, predicate, { timeout = 60_000, label = 'text' } = {}) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.textContent())?.trim() ?? '';
    if (predicate(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeout / 1000}s waiting for ${label}; last seen: "${last}"`);
}

/** Parses "step N / M · status · backend (in a Worker)". */
export function parseStepCount(content) {
  const match = /step (\d+)(?: \/ (\d+))? · ([^·]+?)(?: · (.+))?$/.exec(content.trim());
  if (!match) return null;
  return { step: Number(match[1]), total: match[2] ? Number(match[2]) : null, status: match[3].trim(), backend: match[4] ?? '' };
}

/** LambdaSweep's "step N / M of 7 runs, <how they train> · status · backend" (the how from the lab's paths, once it has said). */
export function parseSweepStatus(content) {
  const match = /step (\d+) \/ (\d+) of 7 runs(?:, ([^·]+?))? · (\w+)/.exec(content);
  return match ? { step: Number(match[1]), total: Number(match[2]), trainedAs: match[3] ?? null, status: match[4] } : null;
}

/**
 * Waits until a live widget's lab is ready (idle), sets its speed (steps per frame) and presses Play.
 * Returns the step-counter locator.
 */
export async function playWhenReady(testId, speed, { timeout = 60_000, label = 'the live lab to be ready (idle)' } = {}) {
  const counter = testId('live-step-count');
  await waitForText(counter, (content) => parseStepCount(content)?.status === 'idle', { timeout, label });
  await testId('live-speed').selectOption(String(speed));
  await testId('live-play').click();
  return counter;
}

/** Presses keys on a focused element, one after another (React state settles between presses). */
export async function press(locator, ...keys) {
  await locator.focus();
  for (const key of keys) await locator.press(key);
}

/**
 * Drags a native range input's thumb with the mouse to a fraction (0…1; beyond the ends clamps)
 * of its width: press on the current thumb position, move in small steps, release.
 */
export async function dragSlider(page, slider, fraction) {
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const { value, min, max } = await slider.evaluate((input) => ({ value: Number(input.value), min: Number(input.min), max: Number(input.max) }));
  const y = box.y + box.height / 2;
  const thumb = 8; // half the thumb: Chromium's track runs from box.x + thumb to box.x + width − thumb
  const xOf = (f) => box.x + thumb + f * (box.width - 2 * thumb);
  const startX = xOf((value - min) / (max - min));
  const endX = fraction <= 0 ? box.x - 20 : fraction >= 1 ? box.x + box.width + 20 : xOf(fraction);
  await page.mouse.move(startX, y);
  await page.mouse.down();
  await page.mouse.move(endX, y, { steps: 8 });
  await page.mouse.up();
}

/** Definition list readout: the <dd> after the <dt> whose text is `term`. */
export function readout(figure, term) {
  return figure.locator('dl.ba-readouts > div').filter({ has: figure.page().locator('dt', { hasText: term }) }).locator('dd');
}

/**
 * Saves screenshots of the widget's figure in the light theme and, after pressing the header's
 * theme toggle, in the dark theme; returns their paths. The page is left in the light theme.
 */
export async function screenshotBothThemes(page, figure, screenshotDir, name) {
  const directory = path.join(screenshotDir, 'widgets');
  mkdirSync(directory, { recursive: true });
  const toggle = page.locator('.site-header__theme');
  const files = [];
  // A viewport taller than the figure, the figure centred in it: clear of the sticky header and
  // wholly painted (an element reaching past the viewport's bottom lost its last row in screenshots).
  await page.evaluate(() => document.activeElement?.blur()); // no focus ring in the pictures
  const viewport = page.viewportSize();
  const { height } = await figure.boundingBox();
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(height) + 240) });
  for (const theme of ['light', 'dark']) {
    const current = await page.evaluate(() => document.documentElement.dataset.theme);
    if (current !== theme) {
      await toggle.click();
      await page.waitForFunction((wanted) => document.documentElement.dataset.theme === wanted, theme);
    }
    await figure.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const file = path.join(directory, `${name}-${theme}.png`);
    await figure.screenshot({ path: file, animations: 'disabled' });
    files.push(file);
  }
  await toggle.click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  await page.setViewportSize(viewport);
  await figure.scrollIntoViewIfNeeded();
  return files;
}

/** Counts requestAnimationFrame callbacks over `ms` milliseconds in the page. */
export function countFrames(page, ms) {
  return page.evaluate((duration) => new Promise((resolve) => {
    let frames = 0;
    const started = performance.now();
    const tick = (now) => {
      frames += 1;
      if (now - started < duration) requestAnimationFrame(tick);
      else resolve({ frames, elapsed: now - started });
    };
    requestAnimationFrame(tick);
  }), ms);
}
