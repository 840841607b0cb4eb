/**
 * The body of `npm run bench:core` (bench/core.ts installs the tfjs resolve hook first): steps per
 * second of the toy GABA step (14 → 32 → 32 ReLU, heads 1 and 3, batch 64, Adam) through the core's
 * trainer on every tfjs backend Node can start, fused against naive, beside PyTorch eager on the CPU measured in the same run. Prints the machine, one table of
 * medians and ratios, and the kernels each tfjs step dispatches.
 *
 *   npm run bench:core [-- --repeats 5 --steps 100]
 */
import type { BackendName } from '../src/core/backend';
import { describeMachine, formatMachine } from './machine';
import { activateBackend, benchTfjsPath, type TfjsPathResult } from './tfjs-step';
import { median, type TimingPlan } from './timing';
import { poolTorchOutcomes, runTorchBench, TORCH_PYTHON, type TorchBench } from './torch';

/** The backends a Node process can run; webgl and webgpu need a browser. */
const NODE_BACKENDS: readonly BackendName[] = ['cpu', 'wasm'];
/** PyTorch is ~10× faster per step, so it runs more steps per repeat for the same timer resolution. */
const TORCH_STEPS_PER_REPEAT = 300;

interface Row {
  readonly implementation: string;
  readonly naive: number;
  readonly fused: number;
  readonly kernels?: { readonly naive: number; readonly fused: number };
}

function numberOption(argv: readonly string[], flag: string, fallback: number): number {
  const index = argv.indexOf(flag);
  if (index < 0) return fallback;
  const value = Number(argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a positive integer, got ${argv[index + 1]}`);
  return value;
}

const fixed = (value: number, digits = 0): string => value.toFixed(digits);

function formatTable(rows: readonly Row[], torch: TorchBench | null): string {
  const header = ['implementation', 'naive steps/s', 'fused steps/s', 'fused / naive', 'naive / torch', 'fused / torch', 'kernels/step naive', 'kernels/step fused'];
  const lines = rows.map((row) => [
    row.implementation,
    fixed(row.naive),
    fixed(row.fused),
    fixed(row.fused / row.naive, 2),
    torch ? fixed(row.naive / torch.naive.medianStepsPerSecond, 3) : '—',
    torch ? fixed(row.fused / torch.fused.medianStepsPerSecond, 3) : '—',
    row.kernels ? String(row.kernels.naive) : '—',
    row.kernels ? String(row.kernels.fused) : '—',
  ]);
  const all = [header, ...lines];
  const widths = header.map((_, column) => Math.max(...all.map((cells) => cells[column].length)));
  const render = (cells: string[]): string => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [render(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(render)].join('\n');
}

async function benchBackend(name: BackendName, plan: TimingPlan): Promise<Row | string> {
  const failure = await activateBackend(name);
  if (failure !== null) return `tfjs ${name}: skipped (${failure})`;
  const results: Record<'fused' | 'naive', TfjsPathResult> = {
    naive: await benchTfjsPath('naive', plan),
    fused: await benchTfjsPath('fused', plan),
  };
  for (const [path, result] of Object.entries(results)) {
    const runs = result.throughput.runs.map((r) => fixed(r)).join(', ');
    console.log(`tfjs ${name} ${path}: runs ${runs} steps/s; ${result.kernelsPerStep} kernels/step: ${result.kernelMix.join(' ')}`);
  }
  return {
    implementation: `tfjs ${name} (Node)`,
    naive: results.naive.throughput.medianStepsPerSecond,
    fused: results.fused.throughput.medianStepsPerSecond,
    kernels: { naive: results.naive.kernelsPerStep, fused: results.fused.kernelsPerStep },
  };
}

async function main(argv: readonly string[]): Promise<void> {
  const repeats = numberOption(argv, '--repeats', 5);
  // GABA's warm-up is 100 steps: warming up as long puts every timed step in its adaptive phase.
  const plan: TimingPlan = { warmupSteps: 100, stepsPerRepeat: numberOption(argv, '--steps', 100), repeats };
  console.log(`machine: ${formatMachine(describeMachine())}`);
  console.log(`toy GABA step, batch 64, Adam; ${plan.warmupSteps} warm-up steps, median of ${repeats} × ${plan.stepsPerRepeat} steps (torch: × ${TORCH_STEPS_PER_REPEAT})`);
  const torchBefore = runTorchBench(TORCH_STEPS_PER_REPEAT, repeats);
  const rows: Row[] = [];
  for (const name of NODE_BACKENDS) {
    const row = await benchBackend(name, plan);
    if (typeof row === 'string') console.log(row);
    else rows.push(row);
  }
  // Run before and after the tfjs backends, repeats pooled: the machine's speed drifts over minutes.
  const torch = poolTorchOutcomes(torchBefore, runTorchBench(TORCH_STEPS_PER_REPEAT, repeats));
  if (torch.ok) {
    const { fused, naive } = torch.result;
    console.log(`torch ${torch.result.torch}, ${torch.result.threads} thread: fused runs ${fused.runs.map((r) => fixed(r)).join(', ')}; naive runs ${naive.runs.map((r) => fixed(r)).join(', ')}`);
    rows.push({ implementation: `PyTorch ${torch.result.torch} eager CPU, 1 thread`, naive: median(naive.runs), fused: median(fused.runs) });
  } else {
    console.log(`PyTorch: skipped (${TORCH_PYTHON}: ${torch.reason}); the table has no torch ratios`);
  }
  console.log('');
  console.log(formatTable(rows, torch.ok ? torch.result : null));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
