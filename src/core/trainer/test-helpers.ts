/**
 * Fixtures shared by the trainer's tests: a strategy with constant, deliberately unequal shared and
 * head coefficients, and a small seeded batch.
 */
import { createToyDataset } from '../data/toy-dataset';
import type { WeightingStrategy } from '../strategies/strategy';
import { createBatchFromArrays, type Batch } from './batch';

/** Shared coefficients c and head coefficients h held constant, c ≠ h. */
export function constantPlanStrategy(shared: number[], heads: number[]): WeightingStrategy {
  return {
    name: 'fixed',
    label: 'Constant plan (test)',
    taskCount: 2,
    hyper: {},
    taskLosses: ['mse', 'crossEntropy'],
    usesGradients: false,
    plan: () => ({ sharedCoefficients: shared, headCoefficients: heads, weights: shared }),
    currentWeights: () => shared.slice(),
    snapshot: () => ({}),
    reset: () => undefined,
  };
}

/** `size` rows of the seeded synthetic toy dataset, as one batch the caller disposes. */
export function toyBatch(seed: number, size: number): Batch {
  const toy = createToyDataset({ seed, size });
  return createBatchFromArrays({ x: toy.features, rul: toy.rul, health: toy.health, featureCount: toy.featureCount });
}
