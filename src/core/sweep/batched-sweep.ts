/**
 * The λ sweep as one program: N fixed-weight networks stacked along a leading axis and trained
 * together. Every parameter is one variable of shape `[N, …shape]`; one forward pass runs a batched
 * matMul per layer, one backward pass differentiates Σ_n Σ_k λ_{n,k} L_{n,k}, and one Adam update
 * (elementwise, so stacking changes nothing) moves all N models. Model n follows exactly the
 * trajectory of `createTrainer` with `createStrategy({ name: 'fixed', hyper: { weights: λ_n } })`
 * on the same batches, up to float rounding (see batched-sweep.test.ts): for fixed weights the
 * trainer's Σ_k c_k g_k on the backbone and h_k ∇L_k on head k are the gradient of Σ_k λ_k L_k.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { NonFiniteError } from '../errors';
import { drawInitialParameters, DEFAULT_MODEL_CONFIG, layerShapes, type ExplicitParameters, type LayerValues, type ModelConfig } from '../model';
import { DEFAULT_ADAM, type OptimiserConfig } from '../optimiser-config';
import type { TaskLossKind } from '../strategies/strategy';
import type { Batch } from '../trainer/batch';
import { activate } from '../trainer/forward';
import { createNetworkOptimiser, flattenDirections } from '../trainer/optimiser';

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

interface StackedLayer {
  readonly weight: tf.Variable;
  readonly bias: tf.Variable;
}

function stackLayer(layers: readonly LayerValues[]): StackedLayer {
  return tf.tidy(() => {
    const [fanIn, fanOut] = [layers[0].weight.length, layers[0].bias.length];
    const n = layers.length;
    const weight = tf.tensor3d(layers.flatMap((layer) => layer.weight.flat()), [n, fanIn, fanOut]);
    const bias = tf.tensor2d(layers.flatMap((layer) => layer.bias), [n, fanOut]);
    return { weight: tf.variable(weight), bias: tf.variable(bias) };
  });
}

/** `[N, B]` per-sample losses of one task, from `[N, B, out]` outputs against shared targets. */
function perSampleLoss(kind: TaskLossKind, output: tf.Tensor, target: tf.Tensor): tf.Tensor {
  switch (kind) {
    case 'mse':
      return tf.squaredDifference(tf.squeeze(output, [2]), target);
    case 'weightedMse': {
      // AMNL's sample weight w(y) = 2 − min(y, 125)/125 (losses.ts defaults).
      const weights = tf.sub(tf.scalar(2), tf.mul(tf.minimum(target, tf.scalar(125)), tf.scalar(1 / 125)));
      return tf.mul(weights, tf.squaredDifference(tf.squeeze(output, [2]), target));
    }
    case 'crossEntropy': {
      const labels = target.dtype === 'int32' ? target : tf.cast(target, 'int32');
      const oneHot = tf.oneHot(labels, output.shape[2] ?? 1);
      return tf.sub(tf.logSumExp(output, 2), tf.sum(tf.mul(output, oneHot), 2));
    }
  }
}

function checkOptions(config: ModelConfig, options: BatchedSweepOptions, kinds: readonly TaskLossKind[]): void {
  const n = options.weights.length;
  const k = config.headSizes.length;
  if (config.temporal) throw new Error('the batched sweep trains dense backbones only; train a temporal model with createTrainer or the lab');
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
  const shared = config.hidden.map((_, i) => stackLayer(initial.map((values) => values.shared[i])));
  const heads = config.headSizes.map((_, k) => stackLayer(initial.map((values) => values.heads[k])));
  const variables = [...shared, ...heads].flatMap((layer) => [layer.weight, layer.bias]);
  const optimiser = createNetworkOptimiser(options.optimiser ?? DEFAULT_ADAM, variables);
  // λ as `[N, K]`, kept on the device for the whole run.
  const lambda = tf.tensor2d(options.weights.flat(), [modelCount, taskCount]);
  let stepCount = 0;
  let disposed = false;

  /** `[N, K]` losses of every model on `batch`, written with differentiable ops only. */
  const lossMatrix = (batch: Batch): tf.Tensor2D => {
    // `[1, B, F]`: the first batched matMul broadcasts it over the N models (no N copies of the batch).
    let hidden: tf.Tensor = tf.expandDims(batch.features, 0);
    for (const layer of shared) {
      hidden = activate(tf.add(tf.matMul(hidden, layer.weight), tf.expandDims(layer.bias, 1)), config.activation);
    }
    const targets = [batch.rul, batch.health];
    const perTask = heads.map((head, k) => {
      const output = tf.add(tf.matMul(hidden, head.weight), tf.expandDims(head.bias, 1));
      return tf.mean(perSampleLoss(kinds[k], output, targets[k]), 1);
    });
    return tf.stack(perTask, 1) as tf.Tensor2D;
  };

  const step = async (batch: Batch): Promise<number[][]> => {
    if (disposed) throw new Error('this batched sweep has been disposed');
    const { losses, grads } = tf.tidy(() => {
      // The loss matrix is kept past the gradient's own scope: it is this step's only readback.
      const held: { value?: tf.Tensor2D } = {};
      const result = tf.variableGrads(() => {
        held.value = tf.keep(lossMatrix(batch));
        return tf.sum(tf.mul(held.value, lambda));
      }, variables);
      const ordered = variables.map((variable) => result.grads[variable.name]);
      if (held.value === undefined) throw new Error('the loss matrix was not computed');
      return { losses: held.value, grads: ordered };
    });
    try {
      const data = await losses.data();
      const rows = Array.from({ length: modelCount }, (_, n) => Array.from(data.subarray(n * taskCount, (n + 1) * taskCount)));
      const badModel = rows.findIndex((row) => row.some((loss) => !Number.isFinite(loss)));
      if (badModel >= 0) {
        throw new NonFiniteError({ task: rows[badModel].findIndex((loss) => !Number.isFinite(loss)), quantity: 'loss', step: stepCount + 1 });
      }
      tf.tidy(() => optimiser.apply(flattenDirections(grads)));
      stepCount += 1;
      return rows;
    } finally {
      losses.dispose();
      tf.dispose(grads);
    }
  };

  const exportAll = async (): Promise<ExplicitParameters[]> => {
    const flat = tf.tidy(() => tf.concat(variables.map((variable) => tf.reshape(variable, [modelCount, -1])), 1));
    const data = await flat.data();
    flat.dispose();
    const perModel = data.length / modelCount;
    const shapes = layerShapes(config);
    return Array.from({ length: modelCount }, (_, n) => {
      let offset = n * perModel;
      const readLayer = ([fanIn, fanOut]: [number, number]): LayerValues => {
        const take = (count: number): number[] => Array.from(data.subarray(offset, (offset += count)));
        return { weight: Array.from({ length: fanIn }, () => take(fanOut)), bias: take(fanOut) };
      };
      // Row n of the concat holds model n's W0, b0, W1, …, V0, c0, … in listVariables order.
      return { shared: shapes.shared.map(readLayer), heads: shapes.heads.map(readLayer) };
    });
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
      tf.dispose(variables);
      lambda.dispose();
      optimiser.dispose();
    },
  };
}
