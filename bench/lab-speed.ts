/**
 * `npm run bench:lab`: lab steps per second of StrategyLab's dense runs (toy data, batch 64, Adam at
 * the lab's rate; 2 and 4 runs, every run one step per lab step) as the live host drives them: a
 * frame's worth of steps per call (Lab.steps). Three ways, in the page and in a module Worker:
 * webgpu with the runs on the GPU-resident step, webgpu op by op (the fused trainer, the path before
 * the resident one), and wasm. The runs are Fixed, AMNL, GABA and GABA (1/‖g‖), all with a GPU plan.
 * A live lab adds the host's frame pacing on top (at most `speed` steps per 1/60 s).
 *
 * `--record` stores the medians and the same-run ratios in content/bench-figures.json (bench/record.ts).
 * `--sweep` measures LambdaSweep's seven fixed-weight runs instead (a stacked request: one stacked
 * program, op by op on webgpu, against the GPU-resident runs the lab picks there; not recorded).
 *
 *   npm run bench:lab [-- --repeats 5 --no-worker --record | --sweep]
 */
import type { LabSpeedRequest } from './page/lab-bench';
import type { LabSpeedResult } from './page/main';
import { ratioFigure } from '../src/figures/types';
import { speedFigure } from '../src/figures/bench-types';
import { openBenchPage } from './browser';
import { describeMachine, formatMachine } from './machine';
import { recordRequested, startBenchRecording } from './record';
import { loadAverage, numberOption, renderTable } from './report';

const argv = process.argv.slice(2);
const repeats = numberOption(argv, '--repeats', 5);
const places: ('page' | 'worker')[] = argv.includes('--no-worker') ? ['page'] : ['page', 'worker'];
const sweep = argv.includes('--sweep');
if (sweep && recordRequested(argv)) throw new Error('--sweep figures are not recorded; drop --record or --sweep');
const recording = recordRequested(argv) ? startBenchRecording() : null;
const LAB_SIZES = sweep ? [7] : [2, 4];

/** The op-by-op webgpu path takes seconds per lab step on SwiftShader: fewer steps, same repeats. */
const lab = sweep ? 'sweep' : 'strategy';
const trainer = sweep ? 'stacked program' : 'fused trainer';
const WAYS: { label: string; request: Omit<LabSpeedRequest, 'runs' | 'repeats'> }[] = [
  { label: 'webgpu, GPU-resident step', request: { lab, backend: 'webgpu', path: 'resident', stepsPerCall: 25, calls: 8 } },
  { label: `webgpu, op by op (${trainer})`, request: { lab, backend: 'webgpu', path: 'fused', stepsPerCall: 2, calls: 1 } },
  { label: `wasm (${trainer})`, request: { lab, backend: 'wasm', path: 'fused', stepsPerCall: 25, calls: 8 } },
];

console.log(`machine: ${formatMachine(describeMachine())}; ${loadAverage()}`);
const { browser, url, browserVersion, webgpuAdapter, close } = await openBenchPage();
console.log(`Chromium ${browserVersion}, --enable-unsafe-webgpu, WebGPU adapter: ${webgpuAdapter ?? 'none offered'}; ${repeats} repeats`);
const rows: string[][] = [];
const figures = new Map<string, number>();
try {
  for (const runs of LAB_SIZES) {
    for (const way of WAYS) {
      for (const where of places) {
        const page = await browser.newPage();
        await page.goto(url);
        await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
        const request = { ...way.request, runs, repeats };
        const result: LabSpeedResult = await page.evaluate(([req, w]) => window.labSpeed(req, w), [request, where] as const);
        await page.close();
        const place = where === 'page' ? 'main thread' : 'Worker';
        if (!result.ok) {
          console.log(`${runs} runs, ${way.label}, ${place}: skipped — ${result.reason}`);
          continue;
        }
        const { medianStepsPerSecond, paths } = result.result;
        figures.set(`${runs}/${way.request.backend}/${way.request.path}/${where}`, medianStepsPerSecond);
        console.log(`${runs} runs, ${way.label}, ${place}: ${result.result.runs.map((v) => v.toFixed(1)).join(', ')} lab steps/s (paths ${paths.join(', ')})`);
        rows.push([String(runs), way.label, place, `${request.stepsPerCall}`, medianStepsPerSecond.toFixed(1)]);
      }
    }
  }
} finally {
  await close();
}
console.log('');
console.log(renderTable(['runs', 'path', 'where', 'steps per call', 'lab steps/s (median)'], rows));
const recorded: Record<string, ReturnType<typeof speedFigure>> = {};
for (const runs of LAB_SIZES) {
  for (const where of places) {
    const resident = figures.get(`${runs}/webgpu/resident/${where}`) ?? Number.NaN;
    const opByOp = figures.get(`${runs}/webgpu/fused/${where}`) ?? Number.NaN;
    const wasm = figures.get(`${runs}/wasm/fused/${where}`) ?? Number.NaN;
    console.log(`${runs} runs, ${where}: resident / op-by-op ${(resident / opByOp).toFixed(0)}×, resident / wasm ${(resident / wasm).toFixed(2)}×`);
    const name = `runs${runs}.${where}`;
    Object.assign(recorded, {
      [`${name}.resident`]: speedFigure(resident),
      [`${name}.opByOp`]: speedFigure(opByOp),
      [`${name}.wasm`]: speedFigure(wasm),
      [`${name}.residentVsOpByOp`]: ratioFigure(resident / opByOp, 2),
      [`${name}.residentVsWasm`]: ratioFigure(resident / wasm, 2),
    });
  }
}
console.log(`load after: ${loadAverage()}`);
recording?.finish({
  key: 'lab',
  what: `StrategyLab's dense runs (toy data, batch 64; Fixed, AMNL, GABA, GABA 1/‖g‖) as the live host drives them, a frame's worth of steps per call: lab steps/s (medians of ${repeats}) on webgpu's GPU-resident step, webgpu op by op, and wasm, in the page and a Worker`,
  script: 'bench:lab',
  backends: ['webgpu', 'wasm'],
  browser: browserVersion,
  webgpuAdapter,
  figures: recorded,
});
