/**
 * The toy GABA step (default model, batch 64, Adam) timed through the core on one tfjs backend and
 * one gradient path, in the page or in a Worker; the same plan as bench/tfjs-step.ts in Node.
 */
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend, type BackendName } from '../../src/core/backend';
import { createToyDataset } from '../../src/core/data/toy-dataset';
import { DEFAULT_MODEL_CONFIG } from '../../src/core/model';
import { DEFAULT_ADAM } from '../../src/core/optimiser-config';
import { createStrategy } from '../../src/core/strategies';
import { createPoolBatcher, disposeBatch } from '../../src/core/trainer/batch';
import { createTrainer, type GradientPath } from '../../src/core/trainer/trainer';
import { measureThroughput, type TimingPlan } from '../timing';

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

async function benchPath(path: GradientPath, plan: TimingPlan): Promise<PathResult> {
  const toy = createToyDataset({ seed: 0, size: 64 });
  const batcher = createPoolBatcher({ x: toy.features, rul: toy.rul, health: toy.health, featureCount: toy.featureCount }, 64);
  // One batch gathered once and reused, as in the Node and PyTorch benches: no data movement is timed.
  const batch = batcher.batchForStep(1);
  const strategy = createStrategy({ name: 'gaba' }, { taskCount: 2, optimiser: DEFAULT_ADAM });
  const trainer = createTrainer({ model: DEFAULT_MODEL_CONFIG, parameters: { seed: 1 }, strategy, optimiser: DEFAULT_ADAM, path });
  try {
    const throughput = await measureThroughput(() => trainer.step(batch), plan);
    const profile = await tf.profile(async () => {
      await trainer.step(batch);
      return [];
    });
    const names = profile.kernels.map((kernel) => kernel.name);
    return { path, medianStepsPerSecond: throughput.medianStepsPerSecond, runs: throughput.runs, kernelsPerStep: names.length, kernelMix: countKernels(names) };
  } finally {
    trainer.dispose();
    disposeBatch(batch);
    batcher.dispose();
  }
}

export async function runStepBench(request: StepBenchRequest): Promise<StepBenchResult> {
  try {
    const choice = await selectBackend({ order: [request.backend], wasmPaths: request.wasmPaths });
    const results: PathResult[] = [];
    for (const path of request.paths) results.push(await benchPath(path, request.plan));
    return { ok: true, backend: choice.name, results };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
