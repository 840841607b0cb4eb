// A large, valid C-MAPSS train file for the loading tests, generated on the fly (never committed):
// FD001's train file repeated with its units renumbered, so every copy is a new set of engines.
// And a measure of what loading it costs the page: the main thread's long tasks and its JS heap.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Writes train_FD001.txt of at least `megabytes` MB into a fresh temporary folder; returns its path and a cleanup. */
export function writeRepeatedTrainFile(fd001TrainPath, megabytes) {
  const lines = readFileSync(fd001TrainPath, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const units = Math.max(...lines.map((line) => Number(line.trim().split(/\s+/)[0])));
  const copies = Math.ceil((megabytes * 1024 * 1024) / lines.reduce((sum, line) => sum + line.length + 1, 0));
  const out = [];
  for (let copy = 0; copy < copies; copy += 1) {
    for (const line of lines) {
      const space = line.indexOf(' ');
      out.push(`${Number(line.slice(0, space)) + copy * units}${line.slice(space)}`);
    }
  }
  const folder = mkdtempSync(path.join(tmpdir(), 'ba-large-'));
  const file = path.join(folder, 'train_FD001.txt');
  writeFileSync(file, `${out.join('\n')}\n`);
  return { file, engines: copies * units, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

/**
 * Runs `load()` (which must resolve once the page shows the outcome) while recording the page's long
 * tasks (main thread busy > 50 ms) and polling its memory (JS heap and ArrayBuffers) through the
 * DevTools protocol.
 * Returns { longestTaskMs, blockedMs, heapBeforeMB, heapPeakMB, heapAfterMB }.
 */
export async function measureLoad(page, load) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  // The JS heap plus ArrayBuffer backing stores, where a parsed table and its windows live.
  const heap = async () => {
    const usage = await cdp.send('Runtime.getHeapUsage');
    return (usage.usedSize + (usage.backingStorageSize ?? 0)) / (1024 * 1024);
  };
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: 'longtask' });
  });
  const heapBeforeMB = await heap();
  let heapPeakMB = heapBeforeMB;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      heapPeakMB = Math.max(heapPeakMB, await heap());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  try {
    await load();
  } finally {
    polling = false;
    await poller;
  }
  const tasks = await page.evaluate(() => window.__longTasks);
  await cdp.send('HeapProfiler.collectGarbage');
  const heapAfterMB = await heap();
  await cdp.detach();
  const round = (value) => Math.round(value * 10) / 10;
  return {
    longestTaskMs: Math.round(Math.max(0, ...tasks)),
    blockedMs: Math.round(tasks.reduce((sum, duration) => sum + duration, 0)),
    heapBeforeMB: round(heapBeforeMB),
    heapPeakMB: round(heapPeakMB),
    heapAfterMB: round(heapAfterMB),
  };
}
