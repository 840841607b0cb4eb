/**
 * `npm run bench:temporal -- --browser`: the temporal step (GABA, Adam, the synthetic fleet's 30-cycle
 * windows) in headless Chromium: the GPU-resident temporal trainer on webgpu (SwiftShader here) against
 * the fused trainer op by op on webgpu and on wasm, on the page's main thread and in a module Worker.
 * The book's default temporal shape at batch 64; with `--fd001` also the FD001 preset's network at its
 * batch of 256. On webgpu the two paths run in one page in alternating blocks; wasm needs a page of its
 * own (tfjs keeps one backend per realm), run between them. Prints steps/s (median and every block) and
 * GPU dispatches per step. `--record` stores the default shape's figures (bench.temporalGpu.…) with
 * their provenance in content/bench-figures.json (bench/record.ts).
 *
 *   npm run bench:temporal -- --browser [--repeats 5 --steps 10 --fd001 --no-worker --record]
 */
import type { TemporalSpeedRequest, TemporalSpeedResult } from './page/temporal-speed';
import { openBenchPage } from './browser';
import { describeMachine, formatMachine } from './machine';
import { loadAverage, numberOption, renderTable } from './report';
import { recordRequested, startBenchRecording } from './record';
import { ratioFigure, type FigureSpec } from '../src/figures/types';
import { speedFigure } from '../src/figures/bench-types';

const argv = process.argv.slice(2);
const repeats = numberOption(argv, '--repeats', 5);
const steps = numberOption(argv, '--steps', 10);
const places: ('page' | 'worker')[] = argv.includes('--no-worker') ? ['page'] : ['page', 'worker'];
const shapes: { shape: TemporalSpeedRequest['shape']; batch: number }[] = [{ shape: 'default', batch: 64 }];
if (argv.includes('--fd001')) shapes.push({ shape: 'fd001', batch: 256 });

const recording = recordRequested(argv) ? startBenchRecording() : null;
console.log(`machine: ${formatMachine(describeMachine())}; ${loadAverage()}`);
const { browser, url, browserVersion, webgpuAdapter, close } = await openBenchPage();
console.log(`Chromium ${browserVersion}; WebGPU adapter: ${webgpuAdapter ?? 'none'}`);
console.log(`GABA, Adam; ${repeats} blocks of ${steps} steps per path after ${steps} warm-up steps; resident: one readback per block`);

type Request = Omit<TemporalSpeedRequest, 'temporal' | 'wasmPaths'>;
async function measure(request: Request, where: 'page' | 'worker'): Promise<TemporalSpeedResult> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    return await page.evaluate(([req, w]) => window.temporalSpeed(req, w), [request, where] as const);
  } finally {
    await page.close();
  }
}

const rows: string[][] = [];
/** The default shape's figures, by place: "page.resident", "worker.wasm", … */
const recorded: Record<string, FigureSpec> = {};
const RECORDED_NAMES: Readonly<Record<string, string>> = { 'GPU-resident webgpu': 'resident', 'webgpu op by op': 'opByOp', 'wasm op by op': 'wasm' };
try {
  for (const { shape, batch } of shapes) {
    for (const where of places) {
      const plan = { warmupSteps: steps, stepsPerRepeat: steps, repeats };
      const gpu = await measure({ backend: 'webgpu', paths: ['resident', 'opByOp'], shape, batch, plan }, where);
      const wasm = await measure({ backend: 'wasm', paths: ['opByOp'], shape, batch, plan }, where);
      const speeds: Record<string, number> = {};
      for (const [label, result] of [['webgpu', gpu], ['wasm', wasm]] as const) {
        if (!result.ok) {
          console.log(`${shape} batch ${batch}, ${label} (${where}): skipped — ${result.reason}`);
          continue;
        }
        for (const r of result.results) {
          const name = r.path === 'resident' ? 'GPU-resident webgpu' : `${label} op by op`;
          speeds[name] = r.medianStepsPerSecond;
          rows.push([`${shape} (batch ${batch})`, where, name, r.medianStepsPerSecond.toFixed(2), r.runs.map((v) => v.toFixed(1)).join(' '), r.dispatchesPerStep.toFixed(1)]);
        }
      }
      const resident = speeds['GPU-resident webgpu'];
      if (shape === 'default') {
        for (const [name, value] of Object.entries(speeds)) recorded[`${where}.${RECORDED_NAMES[name]}`] = speedFigure(value);
        const opByOp = speeds['webgpu op by op'];
        const wasmSpeed = speeds['wasm op by op'];
        if (resident !== undefined && opByOp !== undefined) recorded[`${where}.residentVsOpByOp`] = ratioFigure(resident / opByOp, 2);
        if (resident !== undefined && wasmSpeed !== undefined) recorded[`${where}.residentVsWasm`] = ratioFigure(resident / wasmSpeed, 2);
      }
      if (resident !== undefined) {
        const against = Object.entries(speeds).filter(([name]) => name !== 'GPU-resident webgpu').map(([name, value]) => `${(resident / value).toFixed(2)}× ${name}`);
        console.log(`${shape} batch ${batch} (${where}): resident = ${against.join(', ')}; ${loadAverage()}`);
      }
    }
  }
} finally {
  await close();
}
console.log(renderTable(['shape', 'where', 'path', 'steps/s (median)', 'blocks (steps/s)', 'dispatches/step'], rows));
console.log(`medians over the blocks; op-by-op dispatches are the kernels of one profiled step less reshapes; ${loadAverage()}`);
recording?.finish({
  key: 'temporalGpu',
  what: `temporal GABA step (the book's default convolutions over 30-cycle windows, batch 64, Adam) in headless Chromium, ${places.join(' and ')}: the GPU-resident step on webgpu against the fused step op by op on webgpu and on wasm; medians of ${repeats} blocks of ${steps} steps`,
  script: 'bench:temporal',
  backends: ['webgpu', 'wasm'],
  browser: browserVersion,
  webgpuAdapter,
  figures: recorded,
});
