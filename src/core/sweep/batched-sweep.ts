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
import type { TaskLossKind } from '../strategies/strategy';
import type { Batch } from '../trainer/batch';
import { createNetworkOptimiser } from '../trainer/optimiser';
import { stackedLossesAndDirection } from './stacked-gradients';
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
}

/** N fixed-weight models in training as one program. Dispose it to release its variables. */
export interface BatchedSweep {
  readonly modelCount: number;
  readonly stepCount: number;
  /**
   * One step of all N models on `batch` (the caller still owns it). One readback: the N × K losses
   * before the update, `losses[n][k]`. Throws NonFiniteError (task k of the first bad model),
   * applying nothing.
   */
  step(batch: Batch): Promise<number[][]>;
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

  const step = async (batch: Batch): Promise<number[][]> => {
    if (disposed) throw new Error('this batched sweep has been disposed');
    const { losses, direction } = tf.tidy(() => {
      const result = stackedLossesAndDirection(networks, batch, kinds, taskWeights);
      return { losses: result.losses, direction: result.direction };
    });
    try {
      const data = await losses.data();
      const rows = Array.from({ length: modelCount }, (_, n) => Array.from(data.subarray(n * taskCount, (n + 1) * taskCount)));
      const badModel = rows.findIndex((row) => row.some((loss) => !Number.isFinite(loss)));
      if (badModel >= 0) {
        throw new NonFiniteError({ task: rows[badModel].findIndex((loss) => !Number.isFinite(loss)), quantity: 'loss', step: stepCount + 1 });
      }
      optimiser.apply(direction);
      stepCount += 1;
      return rows;
    } finally {
      losses.dispose();
      direction.dispose();
    }
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
    step,
    exportParameters: exportAll,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      tf.dispose([...networks.variables, ...taskWeights]);
      optimiser.dispose();
    },
  };
}
