/**
 * `npm run bench:ui`: frame times while a reader drags every slider of every widget, and while live
 * training runs in the same page. Builds the book with one extra chapter holding every widget
 * (bench/ui-content/, into dist-bench/book-ui/ only; dist/ as it is with --dist), opens each chapter
 * in headless Chromium, scrolls each widget into view, and for each enabled range
 * input drags the mouse across it (one move per ~16 ms, there and back) while requestAnimationFrame
 * timestamps are recorded in the page; frame time = difference of consecutive timestamps. Then
 * presses Live training → Play in GabaExplorer and records frames for a few seconds, then
 * while dragging another widget's slider. Prints p50 / p95 / max per case (target p95 ≤ 16.7 ms), the
 * long tasks, and main-thread busy and script time per second (CDP Performance.getMetrics).
 *
 *   npm run bench:ui [-- --dist --live-seconds 3]
 */
import type { CDPSession, Locator, Page } from 'playwright-core';
import { bookFolder, chapterSlugs, WIDGET_BENCH_SLUG } from './book-build';
import { launch, serve } from './browser';
import { describeMachine, formatMachine } from './machine';
import { loadAverage, numberOption, percentile, renderTable } from './report';

const TARGET_MS = 16.7;
const MOVES = 40;

/** The recorder as source text: tsx would wrap a named function in a helper the page lacks. */
const START_FRAMES = `(() => {
  window.__frames = [];
  window.__recording = true;
  window.__longTasks = [];
  if (window.__longTaskObserver) window.__longTaskObserver.disconnect();
  window.__longTaskObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  });
  window.__longTaskObserver.observe({ type: 'longtask' });
  const tick = (time) => {
    window.__frames.push(time);
    if (window.__recording) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

/** Chromium's own main-thread counters (CDP Performance.getMetrics), in seconds. */
let cdp: CDPSession | null = null;
let metricsAtStart: Record<string, number> = {};
/** Per recording: main-thread busy ms per second of wall time (all tasks; script alone). */
const mainThread: { task: number; script: number }[] = [];

async function readMetrics(): Promise<Record<string, number>> {
  if (cdp === null) return {};
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]));
}

async function startFrames(page: Page): Promise<void> {
  metricsAtStart = await readMetrics();
  await page.evaluate(START_FRAMES);
}

/** Long tasks (> 50 ms on the main thread) seen since the last startFrames, per recording. */
const longTasks: number[][] = [];

/** Frame times of the recording; with `untilTrainingEnded`, only frames that ended while the live run still trained. */
async function stopFrames(page: Page, untilTrainingEnded = false): Promise<number[]> {
  const { frames, tasks, ended } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean; __longTasks: number[]; __trainingEnded?: number | null };
    w.__recording = false;
    return { frames: w.__frames, tasks: w.__longTasks, ended: w.__trainingEnded ?? null };
  });
  const stamps = untilTrainingEnded && ended !== null ? frames.filter((time) => time <= ended) : frames;
  longTasks.push(tasks);
  const end = await readMetrics();
  const wall = (end.Timestamp ?? 0) - (metricsAtStart.Timestamp ?? 0);
  const busy = (name: string): number => (wall > 0 ? ((end[name] ?? 0) - (metricsAtStart[name] ?? 0)) * 1000 / wall : Number.NaN);
  mainThread.push({ task: busy('TaskDuration'), script: busy('ScriptDuration') });
  return stamps.slice(1).map((time, i) => time - stamps[i]);
}

/** Mouse down on the thumb's side of the track, MOVES steps to the far end and back, mouse up. */
async function drag(page: Page, slider: Locator): Promise<void> {
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  if (box === null) throw new Error('slider has no box');
  const y = box.y + box.height / 2;
  const [left, right] = [box.x + 4, box.x + box.width - 4];
  await page.mouse.move(left, y);
  await page.mouse.down();
  for (let i = 1; i <= 2 * MOVES; i += 1) {
    const phase = i <= MOVES ? i / MOVES : 2 - i / MOVES;
    await page.mouse.move(left + phase * (right - left), y);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

type Row = string[];
function row(label: string, frames: readonly number[]): Row {
  const p95 = percentile(frames, 95);
  const tasks = longTasks[longTasks.length - 1] ?? [];
  const longest = tasks.length > 0 ? ` (longest ${Math.max(...tasks).toFixed(0)} ms)` : '';
  const busy = mainThread[mainThread.length - 1];
  const load = busy ? `${busy.task.toFixed(0)} / ${busy.script.toFixed(0)}` : '—';
  return [label, String(frames.length), percentile(frames, 50).toFixed(1), p95.toFixed(1), Math.max(...frames).toFixed(1), p95 <= TARGET_MS ? 'yes' : 'NO', `${tasks.length}${longest}`, load];
}

async function waitMounted(page: Page, widget: Locator): Promise<string> {
  await widget.scrollIntoViewIfNeeded();
  await page.waitForFunction((el) => ['mounted', 'error'].includes((el as HTMLElement).dataset.widgetState ?? ''), await widget.elementHandle(), { timeout: 60_000 });
  return (await widget.getAttribute('data-widget-state')) ?? '?';
}

async function sliderRows(page: Page, slug: string): Promise<Row[]> {
  const rows: Row[] = [];
  const widgets = page.locator('figure.widget');
  for (let w = 0; w < (await widgets.count()); w += 1) {
    const widget = widgets.nth(w);
    const name = `${slug} / ${await widget.getAttribute('data-widget')}#${await widget.getAttribute('data-widget-id')}`;
    if ((await waitMounted(page, widget)) !== 'mounted') {
      rows.push([`${name}: did not mount`, '0', '—', '—', '—', '—', '—', '—']);
      continue;
    }
    const sliders = widget.locator('input[type="range"]:not([disabled])');
    for (let s = 0; s < (await sliders.count()); s += 1) {
      const slider = sliders.nth(s);
      const label = (await slider.getAttribute('data-testid')) ?? (await slider.getAttribute('id')) ?? `range ${s}`;
      await startFrames(page);
      await drag(page, slider);
      rows.push(row(`${name}, drag ${label}`, await stopFrames(page)));
    }
  }
  return rows;
}

/** Reset, press Play, and wait until steps arrive; returns the counter reader. */
async function startTraining(page: Page, widget: Locator): Promise<() => Promise<number>> {
  const play = widget.locator('[data-testid="live-play"]');
  const counter = widget.locator('[data-testid="live-step-count"]');
  const readStep = async (): Promise<number> => Number(/step (\d+)/.exec(await counter.innerText())?.[1] ?? Number.NaN);
  await widget.locator('[data-testid="live-reset"]').click();
  await page.waitForFunction((el) => !(el as HTMLButtonElement).disabled && (el as HTMLButtonElement).textContent === 'Play', await play.elementHandle(), { timeout: 60_000 });
  await play.click();
  await page.waitForFunction((el) => /step [1-9]/.test((el as HTMLElement).textContent ?? ''), await counter.elementHandle(), { timeout: 60_000 });
  await page.waitForTimeout(500);
  return readStep;
}

/**
 * The live run is as long as the widget allows, so that it is still training when the recording
 * ends; if it is not, the row says so, because then the frames were not all taken under training.
 */
const LIVE_STEPS = 2000;

async function stepsNote(readStep: () => Promise<number>): Promise<string> {
  const step = await readStep();
  return step >= LIVE_STEPS ? `${step} (frames after the run ended left out)` : String(step);
}

/** Notes in the page the time the live run reaches its last step, so later frames can be left out. */
const WATCH_TRAINING_END = `((total) => {
  window.__trainingEnded = null;
  const counter = document.querySelector('figure.widget[data-widget="GabaExplorer"] [data-testid="live-step-count"]');
  const pattern = new RegExp('step ' + total + '\\b');
  new MutationObserver(() => {
    if (window.__trainingEnded === null && pattern.test(counter.textContent)) window.__trainingEnded = performance.now();
  }).observe(counter, { subtree: true, childList: true, characterData: true });
})(${LIVE_STEPS})`;

async function liveRows(page: Page, seconds: number): Promise<Row[]> {
  const widget = page.locator('figure.widget[data-widget="GabaExplorer"]').first();
  if ((await widget.count()) === 0) return [['live training: no GabaExplorer in the book', '0', '—', '—', '—', '—', '—', '—']];
  await waitMounted(page, widget);
  await widget.locator('[data-testid="gaba-live"]').click();
  await widget.locator('[data-testid="live-play"]').waitFor({ state: 'visible' });
  const backend = async (): Promise<string> => /· ([a-z]+ \([^)]*\))/.exec(await widget.locator('[data-testid="live-step-count"]').innerText())?.[1] ?? '?';
  const rows: Row[] = [];
  let readStep = await startTraining(page, widget);
  let before = await readStep();
  await page.evaluate(WATCH_TRAINING_END);
  await startFrames(page);
  await page.waitForTimeout(seconds * 1000);
  let frames = await stopFrames(page, true);
  rows.push(row(`GabaExplorer live training, ${await backend()}, steps ${before}→${await stepsNote(readStep)}, reader idle`, frames));
  // A slider of the next widget: GabaExplorer's own sliders are hyperparameters, and moving one restarts the run.
  const other = page.locator('figure.widget:not([data-widget="GabaExplorer"]) input[type="range"]:not([disabled])').first();
  if ((await other.count()) > 0) {
    readStep = await startTraining(page, widget);
    before = await readStep();
    await page.evaluate(WATCH_TRAINING_END);
    await startFrames(page);
    await drag(page, other);
    frames = await stopFrames(page, true);
    const owner = await other.evaluate((el) => el.closest('figure.widget')?.getAttribute('data-widget') ?? '?');
    rows.push(row(`GabaExplorer live training, steps ${before}→${await stepsNote(readStep)}, drag ${owner} ${(await other.getAttribute('data-testid')) ?? 'slider'}`, frames));
  }
  await widget.locator('[data-testid="live-reset"]').click();
  return rows;
}

const argv = process.argv.slice(2);
const liveSeconds = numberOption(argv, '--live-seconds', 3);
console.log(`machine: ${formatMachine(describeMachine())}; ${loadAverage()}`);
const folder = await bookFolder(argv, true);
const server = await serve(folder);
const browser = await launch(false);
const rows: Row[] = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  page.on('pageerror', (error) => console.log(`  [page error] ${error.message}`));
  const slugs = argv.includes('--dist') ? await chapterSlugs() : [...(await chapterSlugs()), WIDGET_BENCH_SLUG];
  for (const slug of slugs) {
    // Every GabaExplorer's live run at its longest (its state is read from ?<id>.<field>=…).
    await page.goto(`${server.url}?gaba1.steps=${LIVE_STEPS}&bench-gaba.steps=${LIVE_STEPS}#/${slug}`);
    // Idle means idle: a chapter body still rendering, or widgets still loading their code, would be
    // measured as page load.
    await page.waitForSelector(`article[data-chapter="${slug}"][data-body="rendered"]`);
    await page.waitForFunction(() => document.querySelector('figure.widget[data-widget-state="loading"]') === null, undefined, { timeout: 60_000 });
    await startFrames(page);
    await page.waitForTimeout(1000);
    rows.push(row(`${slug}: idle 1 s (baseline)`, await stopFrames(page)));
    rows.push(...(await sliderRows(page, slug)));
    if (await page.locator('figure.widget[data-widget="GabaExplorer"]').count()) rows.push(...(await liveRows(page, liveSeconds)));
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
console.log(`headless Chromium ${browser.version()}, 1280×900; frame time = difference of consecutive requestAnimationFrame timestamps; drag = ${2 * MOVES} mouse moves ~16 ms apart`);
console.log(renderTable(['case', 'frames', 'p50 ms', 'p95 ms', 'max ms', `p95 ≤ ${TARGET_MS}`, 'long tasks', 'main thread busy / script ms per s'], rows));
console.log(`load after: ${loadAverage()}`);
