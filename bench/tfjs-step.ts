/**
 * The tfjs side of the core benchmark: the toy GABA step (default model, batch 64, Adam with
 * PyTorch's defaults) through the core's trainer on one backend and one gradient path.
 */
import * as tf from '@tensorflow/tfjs-core';
import { nodeWasmPaths } from '../src/node/tfjs-setup';
import { selectBackend, type BackendName } from '../src/core/backend';
import { createToyDataset } from '../src/core/data/toy-dataset';
import { DEFAULT_MODEL_CONFIG } from '../src/core/model';
import { DEFAULT_ADAM } from '../src/core/optimiser-config';
import { createBatchFromArrays, disposeBatch } from '../src/core/trainer/batch';
import { createTrainer, type GradientPath } from '../src/core/trainer/trainer';
import { measureThroughput, type Throughput, type TimingPlan } from './timing';

export const BATCH_SIZE = 64;

export interface TfjsPathResult {
  readonly throughput: Throughput;
  /** Kernels tfjs dispatched during one step (tf.profile), forward, backward, readback and update. */
  readonly kernelsPerStep: number;
  /** Distinct kernel names among them, most frequent first, e.g. "MatMul×14". */
  readonly kernelMix: string[];
}

/** Activate `backend` alone (no fallback); the reason as a string when it cannot start here. */
export async function activateBackend(backend: BackendName): Promise<string | null> {
  try {
    await selectBackend({ order: [backend], wasmPaths: nodeWasmPaths() });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function countKernels(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name, count]) => `${name}×${count}`);
}

/**
 * Time one path on the active backend. The batch is uploaded once and reused, as in the PyTorch
 * bench, so neither side pays for data movement; a fresh trainer per path keeps the states apart.
 */
export async function benchTfjsPath(path: GradientPath, plan: TimingPlan): Promise<TfjsPathResult> {
  const toy = createToyDataset({ seed: 0, size: BATCH_SIZE });
  const batch = createBatchFromArrays({ x: toy.features, rul: toy.rul, health: toy.health, featureCount: toy.featureCount });
  const trainer = createTrainer({
    model: DEFAULT_MODEL_CONFIG,
    parameters: { seed: 1 },
    strategy: { name: 'gaba' },
    optimiser: DEFAULT_ADAM,
    path,
  });
  try {
    const throughput = await measureThroughput(() => trainer.step(batch), plan);
    // Profiled separately: profiling itself slows every kernel down.
    const profile = await tf.profile(async () => {
      await trainer.step(batch);
      return [];
    });
    const names = profile.kernels.map((kernel) => kernel.name);
    return { throughput, kernelsPerStep: names.length, kernelMix: countKernels(names) };
  } finally {
    trainer.dispose();
    disposeBatch(batch);
  }
}
