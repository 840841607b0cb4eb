/**
 * `npm run bench:step`: GABA steps per second of the toy step (14→32→32 ReLU, heads 1 and 3, batch
 * 64, Adam) on every tfjs backend headless Chromium offers (webgpu on SwiftShader, wasm, webgl, cpu),
 * fused against naive (timed in alternating blocks, so load spikes hit both), on the page's main thread and in a module Worker, beside PyTorch eager CPU
 * measured in the same run; kernels per step from tf.profile in the page. Builds bench/page/ into
 * dist-bench/step/ first (its own Vite config), serves it on 127.0.0.1 and drives it with playwright-core.
 *
 * With webgpu among the backends it also times the GPU-resident trainer (src/core/webgpu/): the
 * whole step as one WGSL program, 1 or 10 steps per dispatch, one readback per block of 100 steps.
 *
 * `--record` stores the figures with their provenance in content/bench-figures.json (bench/record.ts).
 *
 *   npm run bench:step [-- --repeats 9 --no-worker --backends wasm,cpu --record]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { BackendName } from '../src/core/backend-names';
import type { StepBenchResult } from './page/step-bench';
import type { ResidentSpeedResult } from './page/main';
import { launch, serve, webgpuAdapterOf } from './browser';
import { describeMachine, formatMachine } from './machine';
import { recordRequested, startBenchRecording } from './record';
import { loadAverage, numberOption, renderTable } from './report';
import { stepFigures, type StepRow } from './step-figures';
import type { TimingPlan } from './timing';
import { poolTorchOutcomes, runTorchBench } from './torch';

type Backend = BackendName;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const repeats = numberOption(argv, '--repeats', 9);
const backendsArg = argv.indexOf('--backends');
const backends = (backendsArg >= 0 ? argv[backendsArg + 1].split(',') : ['webgpu', 'wasm', 'webgl', 'cpu']) as Backend[];
const places: ('page' | 'worker')[] = argv.includes('--no-worker') ? ['page'] : ['page', 'worker'];
const recording = recordRequested(argv) ? startBenchRecording() : null;

/** Slow backends get fewer steps per repeat so the whole run stays within minutes. */
const PLANS: Record<Backend, TimingPlan> = {
  webgpu: { warmupSteps: 10, stepsPerRepeat: 10, repeats },
  webgl: { warmupSteps: 20, stepsPerRepeat: 20, repeats },
  wasm: { warmupSteps: 300, stepsPerRepeat: 50, repeats },
  cpu: { warmupSteps: 100, stepsPerRepeat: 30, repeats },
};

console.log(`machine: ${formatMachine(describeMachine())}; ${loadAverage()}`);
const started = performance.now();
await build({ configFile: path.join(root, 'bench/page/vite.config.ts') });
console.log(`built bench/page → dist-bench/step/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const torchBefore = runTorchBench(300, repeats);
const server = await serve(path.join(root, 'dist-bench/step'));
const browser = await launch(true);
const browserVersion = browser.version();
const webgpuAdapter = backends.includes('webgpu') ? await webgpuAdapterOf(browser, server.url) : null;
console.log(`WebGPU adapter: ${webgpuAdapter ?? 'none asked or offered'}`);
console.log(`Chromium ${browserVersion}, --enable-unsafe-webgpu; plans: ${backends.map((b) => `${b} ${PLANS[b].warmupSteps} warm-up + ${repeats}×${PLANS[b].stepsPerRepeat}`).join(', ')}`);

/** The resident path: one readback per block of 100 steps (a few frames' worth at 1–50 steps per frame). */
const RESIDENT_PLAN = { warmupSteps: 20, stepsPerRepeat: 100, repeats };
const RESIDENT_STEPS_PER_DISPATCH = [1, 10];

/** fusedBest: the fastest fused repeat, the least disturbed by other load on the machine. */
type Row = StepRow;

/** Kernels that only relabel a tensor's shape or alias it: no dispatch on the GPU backends. */
const FREE_KERNELS = new Set(['Reshape', 'Identity', 'ExpandDims', 'Squeeze']);
const computeKernels = (mix: readonly string[]): number =>
  mix.reduce((sum, entry) => {
    const [name, count] = entry.split('×');
    return FREE_KERNELS.has(name) ? sum : sum + Number(count);
  }, 0);
const rows: Row[] = [];
try {
  for (const backend of backends) {
    for (const where of places) {
      const page = await browser.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') console.log(`  [${backend}/${where} console] ${message.text().slice(0, 200)}`);
      });
      await page.goto(server.url);
      await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
      const request = { backend, paths: ['naive', 'fused'] as const, plan: PLANS[backend] };
      const result: StepBenchResult = await page.evaluate(([req, w]) => window.stepBench({ ...req, paths: [...req.paths] }, w), [request, where] as const);
      await page.close();
      if (!result.ok) {
        console.log(`${backend} (${where}): skipped — ${result.reason}`);
        continue;
      }
      const [naive, fused] = result.results;
      for (const r of result.results) {
        console.log(`${result.backend} (${where}) ${r.path}: runs ${r.runs.map((v) => v.toFixed(1)).join(', ')} steps/s; ${r.kernelsPerStep} kernels/step: ${r.kernelMix.join(' ')}`);
      }
      rows.push({
        key: `${result.backend}.${where}`,
        label: `tfjs ${result.backend}, Chromium ${where === 'page' ? 'main thread' : 'Worker'}`,
        naive: naive.medianStepsPerSecond,
        fused: fused.medianStepsPerSecond,
        fusedBest: Math.max(...fused.runs),
        kernels: { naive: naive.kernelsPerStep, fused: fused.kernelsPerStep },
        compute: { naive: computeKernels(naive.kernelMix), fused: computeKernels(fused.kernelMix) },
      });
    }
  }
  if (backends.includes('webgpu')) {
    for (const stepsPerDispatch of RESIDENT_STEPS_PER_DISPATCH) {
      for (const where of places) {
        const page = await browser.newPage();
        await page.goto(server.url);
        await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
        const request = { plan: RESIDENT_PLAN, stepsPerDispatch };
        const result: ResidentSpeedResult = await page.evaluate(([req, w]) => window.residentSpeed(req, w), [request, where] as const);
        await page.close();
        if (!result.ok) {
          console.log(`GPU-resident webgpu (${where}, ${stepsPerDispatch}/dispatch): skipped — ${result.reason}`);
          continue;
        }
        const { runs, medianStepsPerSecond, dispatchesPerStep } = result.result;
        console.log(`GPU-resident webgpu (${where}) ${stepsPerDispatch} step(s)/dispatch: runs ${runs.map((v) => v.toFixed(1)).join(', ')} steps/s; ${dispatchesPerStep.toFixed(2)} dispatches/step`);
        const dispatches = Number(dispatchesPerStep.toFixed(2));
        rows.push({
          key: `resident${stepsPerDispatch}.${where}`,
          label: `GPU-resident webgpu, ${stepsPerDispatch} step${stepsPerDispatch === 1 ? '' : 's'}/dispatch, Chromium ${where === 'page' ? 'main thread' : 'Worker'}`,
          naive: Number.NaN,
          fused: medianStepsPerSecond,
          fusedBest: Math.max(...runs),
          kernels: { naive: Number.NaN, fused: dispatches },
          compute: { naive: Number.NaN, fused: dispatches },
        });
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const torch = poolTorchOutcomes(torchBefore, runTorchBench(300, repeats));
let torchFused = Number.NaN;
let torchNaive = Number.NaN;
let torchFusedBest = Number.NaN;
if (torch.ok) {
  torchFused = torch.result.fused.medianStepsPerSecond;
  torchNaive = torch.result.naive.medianStepsPerSecond;
  torchFusedBest = Math.max(...torch.result.fused.runs);
  console.log(`PyTorch fused runs, before and after the browser: ${torch.result.fused.runs.map((v) => v.toFixed(0)).join(', ')} steps/s`);
  rows.push({ key: 'torch', label: `PyTorch ${torch.result.torch} eager CPU, ${torch.result.threads} thread`, naive: torchNaive, fused: torchFused, fusedBest: torchFusedBest });
} else {
  console.log(`PyTorch: skipped (${torch.reason})`);
}
const f = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const count = (value: number | undefined): string => (value !== undefined && Number.isFinite(value) ? String(value) : '—');
console.log('');
console.log(
  renderTable(
    ['implementation', 'naive steps/s', 'fused steps/s', 'fused / naive', 'naive / torch naive', 'fused / torch fused', 'best fused / best torch fused', 'kernels/step naive', 'kernels/step fused', 'compute kernels naive', 'compute kernels fused'],
    rows.map((row) => [row.label, f(row.naive), f(row.fused), f(row.fused / row.naive, 2), f(row.naive / torchNaive, 3), f(row.fused / torchFused, 3), f(row.fusedBest / torchFusedBest, 3), count(row.kernels?.naive), count(row.kernels?.fused), count(row.compute?.naive), count(row.compute?.fused)]),
  ),
);
console.log('medians over the repeats; PyTorch is run before and after the browser and its repeats pooled; "best" compares the fastest repeat of each');
console.log('compute kernels = kernels/step less Reshape, Identity, ExpandDims and Squeeze, which move no data (≈ GPU dispatches on webgpu/webgl)');
console.log('GPU-resident rows: the fused column is the resident step (there is no naive one); kernels = GPU dispatches per step, readbacks included');
console.log(`load after: ${loadAverage()}`);
recording?.finish({
  key: 'step',
  what: `toy GABA step (14→32→32, batch 64, Adam) in headless Chromium on ${backends.join(', ')}, ${places.join(' and ')}, fused and naive, beside PyTorch eager CPU in the same run; medians of ${repeats} repeats`,
  script: 'bench:step',
  backends,
  browser: browserVersion,
  torch: torch.ok ? torch.result.torch : null,
  webgpuAdapter,
  figures: stepFigures(rows, torchFused),
});
