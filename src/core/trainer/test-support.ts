/**
 * Helpers shared by the trainer's tests (and benchmarks): a toy pool on the device, a strategy with
 * hand-set coefficients, and parameter comparison. Kept out of the production barrel.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { createToyDataset } from '../data/toy-dataset';
import type { ExplicitParameters } from '../model';
import type { StepPlan, TaskLossKind, WeightingStrategy } from '../strategies/strategy';
import { createPoolBatcher, type PoolBatcher } from './batch';

/** Activate the cpu backend (the one the tests and the PyTorch fixtures agree on). */
export async function useCpuBackend(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

/** A batcher over `size` rows of the seeded toy dataset. */
export function toyBatcher(seed: number, size: number, batchSize: number): PoolBatcher {
  const toy = createToyDataset({ seed, size });
  return createPoolBatcher({ x: toy.features, rul: toy.rul, health: toy.health, featureCount: toy.featureCount }, batchSize);
}

/** A strategy that always returns the same plan: lets tests pick c ≠ h freely. */
export function constantStrategy(
  plan: Pick<StepPlan, 'sharedCoefficients' | 'headCoefficients'>,
  taskLosses: readonly TaskLossKind[] = ['mse', 'crossEntropy'],
): WeightingStrategy {
  const weights = plan.sharedCoefficients.slice();
  return {
    name: 'fixed',
    label: 'Constant (test)',
    taskCount: weights.length,
    hyper: {},
    taskLosses,
    usesGradients: false,
    plan: () => ({ ...plan, weights }),
    currentWeights: () => weights.slice(),
    snapshot: () => ({}),
    reset: () => undefined,
  };
}

/** All parameter values in one flat list: shared W, b, …, head V, c, … */
export function flattenParameters(values: ExplicitParameters): number[] {
  return [...values.shared, ...values.heads].flatMap((layer) => [...layer.weight.flat(), ...layer.bias]);
}

/** Largest |a − b| / max(|b|, floor) over two equally shaped parameter sets. */
export function worstRelativeDifference(a: ExplicitParameters, b: ExplicitParameters, floor = 1e-3): number {
  const left = flattenParameters(a);
  const right = flattenParameters(b);
  return left.reduce((worst, value, i) => Math.max(worst, Math.abs(value - right[i]) / Math.max(Math.abs(right[i]), floor)), 0);
}
