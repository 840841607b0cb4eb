/**
 * The toy GABA step (default model, batch 64, Adam) timed through the core on one tfjs backend and
 * one gradient path, in the page or in a Worker; the same plan as bench/tfjs-step.ts in Node.
 */
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend, type BackendName } from '../../src/core/backend';
import { createToyDataset } from '../../src/core/data/toy-dataset';
import { DEFAULT_MODEL_CONFIG } from '../../src/core/model';
import { DEFAULT_ADAM } from '../../src/core/optimiser-config';
import { createPoolBatcher, disposeBatch } from '../../src/core/trainer/batch';
import { createTrainer, type GradientPath } from '../../src/core/trainer/trainer';
import { measureThroughput, median, type TimingPlan } from '../timing';

export interface StepBenchRequest {
  readonly backend: BackendName;
  readonly paths: readonly GradientPath[];
  readonly plan: TimingPlan;
  /** URL of the folder holding the tfjs wasm binaries. */
  readonly wasmPaths: string;
}

export interface PathResult {
  readonly path: GradientPath;
  readonly medianStepsPerSecond: number;
  readonly runs: number[];
  readonly kernelsPerStep: number;
  readonly kernelMix: string[];
}

export type StepBenchResult =
  | { readonly ok: true; readonly backend: string; readonly results: PathResult[] }
  | { readonly ok: false; readonly reason: string };

function countKernels(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name, count]) => `${name}×${count}`);
}

interface Contender {
  readonly path: GradientPath;
  readonly step: () => Promise<unknown>;
  readonly dispose: () => void;
}

function contender(path: GradientPath): Contender {
  const toy = createToyDataset({ seed: 0, size: 64 });
  const batcher = createPoolBatcher({ x: toy.features, rul: toy.rul, health: toy.health, featureCount: toy.featureCount }, 64);
  // One batch gathered once and reused, as in the Node and PyTorch benches: no data movement is timed.
  const batch = batcher.batchForStep(1);
  const trainer = createTrainer({ model: DEFAULT_MODEL_CONFIG, parameters: { seed: 1 }, strategy: { name: 'gaba' }, optimiser: DEFAULT_ADAM, path });
  return {
    path,
    step: () => trainer.step(batch),
    dispose: () => {
      trainer.dispose();
      disposeBatch(batch);
      batcher.dispose();
    },
  };
}

/**
 * Both paths timed in alternating blocks (naive, fused, naive, fused, …) after both have warmed up,
 * so a load spike on this shared machine hits both sides alike; median per path over the repeats.
 */
async function benchPaths(paths: readonly GradientPath[], plan: TimingPlan): Promise<PathResult[]> {
  const contenders = paths.map(contender);
  try {
    for (const c of contenders) for (let i = 0; i < plan.warmupSteps; i += 1) await c.step();
    const runs = contenders.map((): number[] => []);
    for (let r = 0; r < plan.repeats; r += 1) {
      for (const [i, c] of contenders.entries()) {
        runs[i].push((await measureThroughput(c.step, { warmupSteps: 0, stepsPerRepeat: plan.stepsPerRepeat, repeats: 1 })).runs[0]);
      }
    }
    const results: PathResult[] = [];
    for (const [i, c] of contenders.entries()) {
      // Profiled apart from the timing: profiling slows every kernel down.
      const profile = await tf.profile(async () => {
        await c.step();
        return [];
      });
      const names = profile.kernels.map((kernel) => kernel.name);
      results.push({ path: c.path, medianStepsPerSecond: median(runs[i]), runs: runs[i], kernelsPerStep: names.length, kernelMix: countKernels(names) });
    }
    return results;
  } finally {
    contenders.forEach((c) => c.dispose());
  }
}

export async function runStepBench(request: StepBenchRequest): Promise<StepBenchResult> {
  try {
    const choice = await selectBackend({ order: [request.backend], wasmPaths: request.wasmPaths });
    return { ok: true, backend: choice.name, results: await benchPaths(request.paths, request.plan) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
