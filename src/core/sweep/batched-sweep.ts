/**
 * The λ sweep as one program: N fixed-weight networks trained together, their parameters stacked
 * (stacked-network.ts), one forward and one hand-written backward pass for all of them
 * (stacked-gradients.ts), and one Adam update (elementwise, so stacking changes nothing). Network n
 * follows exactly the trajectory of `createTrainer` with `createStrategy({ name: 'fixed', hyper:
 * { weights: λ_n } })` on the same batches, up to float rounding (see batched-sweep.test.ts): for
 * fixed weights the trainer's Σ_k c_k g_k on the backbone and λ_k ∇L_k on head k are the gradient
 * of Σ_k λ_k L_k.
 */
import * as tf from '@tensorflow/tfjs-core';
import { NonFiniteError } from '../errors';
import { drawInitialParameters, DEFAULT_MODEL_CONFIG, type ExplicitParameters, type ModelConfig } from '../model';
import { DEFAULT_ADAM, type OptimiserConfig } from '../optimiser-config';
import type { TaskLossKind } from '../losses';
import type { Batch } from '../trainer/batch';
import { createNetworkOptimiser } from '../trainer/optimiser';
import { stackedForward, stackedLossesAndDirection } from './stacked-gradients';
import { stackNetworks, unstackParameters } from './stacked-network';

/** Options of {@link createBatchedSweep}. */
export interface BatchedSweepOptions {
  /** Network shape shared by all N models (default {@link DEFAULT_MODEL_CONFIG}). */
  readonly model?: ModelConfig;
  /** Task weights of each model: N rows of K numbers (K = number of heads). */
  readonly weights: readonly (readonly number[])[];
  /** Initial seed of each model (drawn exactly as `createModelParameters` draws), or its values. */
  readonly parameters: readonly ({ readonly seed: number } | { readonly values: ExplicitParameters })[];
  /** Default {@link DEFAULT_ADAM}. */
  readonly optimiser?: OptimiserConfig;
  /** Loss per task (default mse for RUL, crossEntropy for health; weightedMse is AMNL's). */
  readonly taskLosses?: readonly TaskLossKind[];
  /**
   * A model whose loss is not finite: 'throw' (default) throws NonFiniteError and applies nothing;
   * 'stop' stops that model (its updates are dropped from then on, see {@link BatchedSweep.stopped})
   * and trains the others.
   */
  readonly onNonFinite?: 'throw' | 'stop';
}

/** N fixed-weight models in training as one program. Dispose it to release its variables. */
export interface BatchedSweep {
  readonly modelCount: number;
  readonly stepCount: number;
  /** Models stopped by a non-finite loss (with `onNonFinite: 'stop'`), in the order they stopped. */
  readonly stopped: readonly number[];
  /**
   * One step of all N models on `batch` (the caller still owns it). One readback: the N × K losses
   * before the update, `losses[n][k]`. A non-finite loss is handled as `onNonFinite` says.
   */
  step(batch: Batch): Promise<number[][]>;
  /** Every model's outputs on `features`, in one readback: `[model][head]`, row-major `[B × O_k]`. */
  evaluate(features: tf.Tensor2D): Promise<Float32Array[][]>;
  /** Each model's parameters in the trainer's JSON form, in one readback. */
  exportParameters(): Promise<ExplicitParameters[]>;
  dispose(): void;
}

function checkOptions(config: ModelConfig, options: BatchedSweepOptions, kinds: readonly TaskLossKind[]): void {
  const n = options.weights.length;
  const k = config.headSizes.length;
  if (config.temporal) throw new Error('the batched sweep trains dense backbones only; train a temporal model with createTrainer or the lab');
  if (config.hidden.length === 0) throw new Error('the batched sweep needs at least one hidden layer');
  if (n < 1) throw new Error('a batched sweep needs at least one model');
  if (options.parameters.length !== n) throw new Error(`weights give ${n} models but parameters give ${options.parameters.length}`);
  const bad = options.weights.findIndex((row) => row.length !== k || row.some((w) => !Number.isFinite(w)));
  if (bad >= 0) throw new Error(`weights[${bad}] must be ${k} finite numbers`);
  if (kinds.length !== k) throw new Error(`taskLosses must name ${k} losses, got ${kinds.length}`);
  config.headSizes.forEach((size, i) => {
    if ((kinds[i] === 'crossEntropy') !== size > 1) throw new Error(`head ${i} (${size} outputs) does not fit loss ${kinds[i]}`);
  });
}

/** The flat direction's mask: 0 on every parameter of a stopped model, 1 elsewhere. */
function trainingMask(variables: readonly tf.Variable[], modelCount: number, stopped: readonly number[]): tf.Tensor1D {
  const mask = new Float32Array(variables.reduce((total, variable) => total + variable.size, 0)).fill(1);
  let offset = 0;
  for (const variable of variables) {
    // Every variable is stacked along its first axis: model n owns one contiguous block of it.
    const block = variable.size / modelCount;
    stopped.forEach((n) => mask.fill(0, offset + n * block, offset + (n + 1) * block));
    offset += variable.size;
  }
  return tf.tensor1d(mask);
}

/** Create N models with their own initial parameters and zeroed Adam state, stacked. */
export function createBatchedSweep(options: BatchedSweepOptions): BatchedSweep {
  const config = options.model ?? DEFAULT_MODEL_CONFIG;
  const kinds = options.taskLosses ?? ['mse', 'crossEntropy'];
  checkOptions(config, options, kinds);
  const modelCount = options.weights.length;
  const taskCount = config.headSizes.length;
  const initial = options.parameters.map((init) => ('values' in init ? init.values : drawInitialParameters(config, init.seed)));
  const networks = stackNetworks(config, initial);
  const optimiser = createNetworkOptimiser(options.optimiser ?? DEFAULT_ADAM, networks.variables);
  // λ_{·,k} shaped to scale task k's output gradient, kept on the device for the whole run.
  const taskWeights = config.headSizes.map((size, k) => {
    const column = options.weights.map((row) => row[k]);
    return size === 1 ? tf.tensor2d(column, [modelCount, 1]) : tf.tensor3d(column, [modelCount, 1, 1]);
  });
  let stepCount = 0;
  let disposed = false;
  const stopped: number[] = [];
  // With models stopped: 1 where the flat direction belongs to a model still training, else 0.
  let training: tf.Tensor1D | null = null;

  const step = async (batch: Batch): Promise<number[][]> => {
    if (disposed) throw new Error('this batched sweep has been disposed');
    const { losses, direction } = tf.tidy(() => {
      const result = stackedLossesAndDirection(networks, batch, kinds, taskWeights);
      return { losses: result.losses, direction: result.direction };
    });
    try {
      const data = await losses.data();
      const rows = Array.from({ length: modelCount }, (_, n) => Array.from(data.subarray(n * taskCount, (n + 1) * taskCount)));
      const newlyBad = rows.flatMap((row, n) => (row.every(Number.isFinite) || stopped.includes(n) ? [] : [n]));
      if (newlyBad.length > 0 && (options.onNonFinite ?? 'throw') === 'throw') {
        const row = rows[newlyBad[0]];
        throw new NonFiniteError({ task: row.findIndex((loss) => !Number.isFinite(loss)), quantity: 'loss', step: stepCount + 1 });
      }
      if (newlyBad.length > 0) {
        stopped.push(...newlyBad);
        training?.dispose();
        training = trainingMask(networks.variables, modelCount, stopped);
      }
      const mask = training;
      // tf.where, not a product: a stopped model's direction may hold NaN, and NaN · 0 is NaN.
      if (mask === null) optimiser.apply(direction);
      else tf.tidy(() => optimiser.apply(tf.where(tf.greater(mask, 0), direction, tf.zerosLike(direction))));
      stepCount += 1;
      return rows;
    } finally {
      losses.dispose();
      direction.dispose();
    }
  };

  const evaluate = async (features: tf.Tensor2D): Promise<Float32Array[][]> => {
    if (disposed) throw new Error('this batched sweep has been disposed');
    const outputs = tf.tidy(() => stackedForward(networks, features).outputs);
    const data = (await outputs.data()) as Float32Array;
    outputs.dispose();
    const [rows, width] = [features.shape[0], outputs.shape[2]];
    return Array.from({ length: modelCount }, (_, n) =>
      config.headSizes.map((size, k) => {
        const values = new Float32Array(rows * size);
        for (let row = 0; row < rows; row += 1) {
          const start = (n * rows + row) * width + networks.headOffsets[k];
          values.set(data.subarray(start, start + size), row * size);
        }
        return values;
      }),
    );
  };

  const exportAll = async (): Promise<ExplicitParameters[]> => {
    const flat = tf.tidy(() => tf.concat(networks.variables.map((variable) => tf.reshape(variable, [-1]))));
    const data = await flat.data();
    flat.dispose();
    return unstackParameters(networks, data as Float32Array);
  };

  return {
    modelCount,
    get stepCount() {
      return stepCount;
    },
    get stopped() {
      return stopped.slice();
    },
    step,
    evaluate,
    exportParameters: exportAll,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      tf.dispose([...networks.variables, ...taskWeights]);
      training?.dispose();
      optimiser.dispose();
    },
  };
}
