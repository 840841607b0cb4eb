/**
 * The PyTorch side of the benchmark: spawns reference/replay.py --bench with Debian's Python (the
 * only one here with torch) and reads its one JSON line. Unavailable torch is reported, not fatal.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { median, type Throughput } from './timing';

export const TORCH_PYTHON = '/usr/bin/python3';

export interface TorchBench {
  readonly torch: string;
  readonly threads: number;
  readonly fused: Throughput;
  readonly naive: Throughput;
}

export type TorchOutcome = { readonly ok: true; readonly result: TorchBench } | { readonly ok: false; readonly reason: string };

export function runTorchBench(stepsPerRepeat: number, repeats: number): TorchOutcome {
  if (!existsSync(TORCH_PYTHON)) return { ok: false, reason: `${TORCH_PYTHON} not found` };
  const script = join(process.cwd(), 'reference', 'replay.py');
  const child = spawnSync(TORCH_PYTHON, [script, '--bench', '--steps', String(stepsPerRepeat), '--repeats', String(repeats)], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (child.error) return { ok: false, reason: child.error.message };
  if (child.status !== 0) {
    const lastLine = child.stderr.trim().split('\n').pop() ?? '';
    return { ok: false, reason: `exit ${child.status}: ${lastLine}` };
  }
  try {
    return { ok: true, result: JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as TorchBench };
  } catch {
    return { ok: false, reason: `unreadable output: ${child.stdout.slice(0, 200)}` };
  }
}

/**
 * One outcome from two PyTorch runs taken before and after the tfjs measurements, their repeats
 * pooled. This machine's speed drifts by up to 2× over minutes (other tenants); bracketing the tfjs
 * runs keeps the ratio from resting on one lucky or unlucky minute.
 */
export function poolTorchOutcomes(before: TorchOutcome, after: TorchOutcome): TorchOutcome {
  if (!before.ok) return before;
  if (!after.ok) return after;
  const pool = (a: Throughput, b: Throughput): Throughput => {
    const runs = [...a.runs, ...b.runs];
    return { runs, medianStepsPerSecond: median(runs) };
  };
  return { ok: true, result: { ...before.result, fused: pool(before.result.fused, after.result.fused), naive: pool(before.result.naive, after.result.naive) } };
}
