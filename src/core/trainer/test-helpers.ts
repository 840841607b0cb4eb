/**
 * Fixtures shared by the trainer's tests: a strategy with constant, deliberately unequal shared and
 * head coefficients, small seeded batches of single cycles or of windows, and a short run to compare
 * gradient paths by the parameters they leave.
 */
import { prepareCmapss } from '../data/prepare';
import { createSyntheticFleet } from '../data/synthetic-fleet';
import { createToyDataset } from '../data/toy-dataset';
import { exportParameters, type ExplicitParameters, type ModelConfig } from '../model';
import type { OptimiserConfig } from '../optimiser-config';
import type { WeightingStrategy } from '../strategies/strategy';
import { createBatchFromArrays, disposeBatch, type Batch } from './batch';
import { createTrainer, type GradientPath } from './trainer';

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

/**
 * `size` 30-cycle windows (rows of 30 × 14 values, time-major) of a seeded 12-engine synthetic fleet
 * through the C-MAPSS pipeline, taken every 7th window so the batch spans engines and ages.
 */
export function windowBatch(seed: number, size: number): Batch {
  const fleet = createSyntheticFleet({ seed, engines: 12, conditions: 1 });
  const { train } = prepareCmapss({ train: fleet, windowLength: 30, rulCap: 125, validationFraction: 0, seed });
  const width = train.windowLength * 14;
  const rows = Array.from({ length: size }, (_, i) => (7 * i) % train.rul.length);
  const x = new Float32Array(size * width);
  rows.forEach((row, i) => x.set(train.windows.subarray(row * width, (row + 1) * width), i * width));
  return createBatchFromArrays({ x, rul: rows.map((r) => train.rul[r]), health: rows.map((r) => train.health[r]), featureCount: width });
}

/** Every parameter of an exported network, layer by layer (weights row-major, then biases). */
export function flattenParameters(values: ExplicitParameters): number[] {
  return [...values.shared, ...values.heads].flatMap((layer) => [...layer.weight.flat(), ...layer.bias]);
}

/**
 * The parameters, flattened, after five steps on one batch from seed 3 with the constant plan
 * c = (0.7, 2), h = (0.3, 1.5). `model` undefined means the trainer's default model.
 */
export async function parametersAfterFiveSteps(
  options: { readonly model?: ModelConfig; readonly batch: () => Batch; readonly path: GradientPath; readonly optimiser: OptimiserConfig },
): Promise<number[]> {
  const { model, path, optimiser } = options;
  const trainer = createTrainer({ model, parameters: { seed: 3 }, strategy: constantPlanStrategy([0.7, 2.0], [0.3, 1.5]), optimiser, path });
  const batch = options.batch();
  for (let step = 0; step < 5; step += 1) await trainer.step(batch);
  const values = flattenParameters(await exportParameters(trainer.parameters));
  trainer.dispose();
  disposeBatch(batch);
  return values;
}
