/**
 * Every task's gradient for the dense network, with the backward pass written out by hand instead of
 * recorded on the gradient tape. Same result as the replica trick (fused-step.ts) to float rounding;
 * the point is speed: the tape dispatches ~180 kernels per step on a network this small, most of them
 * bookkeeping (Identity copies, reshapes, casts), and on wasm and WebGPU the per-kernel cost, not the
 * arithmetic, sets the step rate. The temporal backbone's convolutions are written out the same way
 * in temporal-gradients.ts, which runs the dense part through {@link denseStackGradients}.
 */
import * as tf from '@tensorflow/tfjs-core';
import { taskLossAndGradient } from '../losses';
import type { DenseLayer, ModelConfig, ModelParameters } from '../model';
import type { TaskLossKind } from '../strategies/strategy';
import type { Batch } from './batch';
import { batchTargets } from './forward';
import type { PerTaskGradients } from './fused-step';

/** Whether {@link closedFormPerTaskGradients} covers this model: dense backbones only. */
export function hasClosedFormGradients(config: ModelConfig): boolean {
  return config.temporal === undefined && config.hidden.length > 0;
}

/** act′(z) written in terms of h = act(z), so the forward pass need not keep z. */
export function activationSlope(hidden: tf.Tensor, activation: ModelConfig['activation']): tf.Tensor {
  switch (activation) {
    case 'relu':
      return tf.step(hidden);
    case 'tanh':
      return tf.sub(tf.scalar(1), tf.square(hidden));
    case 'elu':
      // h > 0: slope 1; otherwise h = eᶻ − 1, so the slope eᶻ = h + 1.
      return tf.where(tf.greater(hidden, 0), tf.onesLike(hidden), tf.add(hidden, tf.scalar(1)));
  }
}

/**
 * act(x·W + b) as one kernel where tfjs has the activation fused (relu, elu), else two. With stacked
 * `[N, B, in]·[N, in, out]` factors the bias is `[N, 1, out]`, one row per stacked network.
 */
export function denseForward<T extends tf.Tensor>(input: T, weight: tf.Tensor, bias: tf.Tensor, activation: ModelConfig['activation']): T {
  const a = input as unknown as tf.Tensor3D;
  const b = weight as tf.Tensor3D;
  if (activation === 'tanh') return tf.tanh(tf.fused.matMul({ a, b, bias })) as unknown as T;
  return tf.fused.matMul({ a, b, bias, activation }) as unknown as T;
}

/**
 * a·b with either factor transposed (matrices, or stacks of them). tfjs-wasm runs a matMul that
 * carries a transpose flag on a slow path (5–10× slower at these sizes) while its Transpose kernel is
 * cheap, so there the transpose is taken first; the cpu, webgl and webgpu backends transpose inside
 * the matMul for free, and an extra kernel would only cost them.
 */
export function product<T extends tf.Tensor>(a: T, b: tf.Tensor, transpose: 'a' | 'b', transposed: (x: tf.Tensor) => tf.Tensor): T {
  const [x, y] = [a as unknown as tf.Tensor3D, b as tf.Tensor3D];
  if (tf.getBackend() !== 'wasm') return tf.matMul(x, y, transpose === 'a', transpose === 'b') as unknown as T;
  return (transpose === 'a' ? tf.matMul(transposed(x), y) : tf.matMul(x, transposed(y))) as unknown as T;
}

/**
 * Swaps the last two axes (each matrix of a stack transposed), taken at most once per tensor: the
 * heads all multiply by the same features.
 */
export function transposeOnce(): (x: tf.Tensor) => tf.Tensor {
  const taken = new Map<tf.Tensor, tf.Tensor>();
  return (x) => {
    const known = taken.get(x);
    if (known !== undefined) return known;
    const axes = x.shape.map((_, i) => i);
    [axes[x.rank - 2], axes[x.rank - 1]] = [axes[x.rank - 1], axes[x.rank - 2]];
    const transposed = x.rank === 2 ? tf.transpose(x) : tf.transpose(x, axes);
    taken.set(x, transposed);
    return transposed;
  };
}

// #region listing:closed-form-gradients
/**
 * Forward once, then carry each task's error back through the backbone by hand. The K errors sit
 * side by side, `[B, K·width]` with column block k belonging to task k, so one matMul per layer
 * serves every task, and slice k of each shared gradient is ∇ L_k alone. No matMul broadcasts a
 * batch axis, and no multiply broadcasts along a middle axis: both are slow paths on some backends.
 */
export function closedFormPerTaskGradients(params: ModelParameters, batch: Batch, kinds: readonly TaskLossKind[]): PerTaskGradients {
  return tf.tidy(() => {
    const { losses, layerGradients, headGradients } = denseStackGradients(batch.features, params.shared, params, batch, kinds, false);
    return { losses, sharedGradients: layerGradients, headGradients };
  });
}

/** What {@link denseStackGradients} gives: {@link PerTaskGradients} of a dense stack and its heads. */
export interface DenseStackGradients {
  readonly losses: tf.Tensor1D;
  /** Per layer tensor (W0, b0, W1, b1, …): `[K, …shape]`, slice k = ∇ L_k. */
  readonly layerGradients: tf.Tensor[];
  readonly headGradients: tf.Tensor[];
  /** `[B, K·inputWidth]`, column block k = ∂L_k/∂input; only when asked for. */
  readonly inputError?: tf.Tensor;
}

/**
 * Dense layers on `input`, then the heads, then back again: the closed-form pass from `input` on, for
 * the dense model (input = the features) and for the temporal one (input = the time-pooled
 * convolutions, which need the error at the input to carry it further back). Call inside a tidy.
 */
export function denseStackGradients(
  input: tf.Tensor2D,
  layers: readonly DenseLayer<tf.Tensor>[],
  params: ModelParameters,
  batch: Batch,
  kinds: readonly TaskLossKind[],
  withInputError: boolean,
): DenseStackGradients {
  const { activation } = params.config;
  const taskCount = params.heads.length;
  const batchSize = input.shape[0];
  const transposed = transposeOnce();
  // Forward: keep every layer's output, the backward pass needs them.
  const activations: tf.Tensor2D[] = [input];
  for (const layer of layers) {
    const previous = activations[activations.length - 1];
    activations.push(denseForward(previous, layer.weight, layer.bias, activation));
  }
  const features = activations[activations.length - 1];
  const targets = batchTargets(batch);

  // Heads: loss, the error at the output, the head's own gradient, and the error at the backbone.
  const losses: tf.Scalar[] = [];
  const headGradients: tf.Tensor[] = [];
  const backboneErrors: tf.Tensor[] = [];
  params.heads.forEach((head, k) => {
    const raw = tf.fused.matMul({ a: features, b: head.weight as tf.Tensor2D, bias: head.bias });
    const output = head.weight.shape[1] === 1 ? tf.reshape(raw, [-1]) : raw;
    const { loss, gradient: outputGradient } = taskLossAndGradient(kinds[k], output, targets[k]);
    const error = tf.reshape(outputGradient, raw.shape);
    losses.push(loss as tf.Scalar);
    headGradients.push(product(features, error, 'a', transposed), tf.sum(error, 0));
    backboneErrors.push(product(error, head.weight, 'b', transposed));
  });

  // Backbone, last layer first, all tasks at once: column block k of `error` is ∂L_k/∂(layer output).
  let error: tf.Tensor = taskCount === 1 ? backboneErrors[0] : tf.concat(backboneErrors, 1);
  const layerGradients: tf.Tensor[] = [];
  for (let l = layers.length - 1; l >= 0; l -= 1) {
    const [inputWidth, width] = layers[l].weight.shape;
    const slope = activationSlope(activations[l + 1], activation);
    // The slope repeated once per task's column block, so the multiply needs no broadcast.
    const preActivationError = tf.mul(error, taskCount === 1 ? slope : tf.concat(Array<tf.Tensor>(taskCount).fill(slope), 1));
    // [in, B] · [B, K·out]: column block k is task k's weight gradient; regroup it as [K, in, out].
    const weightGradients = product(activations[l], preActivationError, 'a', transposed);
    layerGradients.unshift(
      tf.transpose(tf.reshape(weightGradients, [inputWidth, taskCount, width]), [1, 0, 2]),
      tf.reshape(tf.sum(preActivationError, 0), [taskCount, width]),
    );
    if (l > 0 || withInputError) {
      // Row (b, k) of the reshaped error is task k's error on example b: one matMul for all tasks.
      const rows = product(tf.reshape(preActivationError, [batchSize * taskCount, width]), layers[l].weight, 'b', transposed);
      error = tf.reshape(rows, [batchSize, taskCount * inputWidth]);
    }
  }
  const stacked = tf.stack(losses) as tf.Tensor1D;
  return withInputError ? { losses: stacked, layerGradients, headGradients, inputError: error } : { losses: stacked, layerGradients, headGradients };
}
// #endregion listing:closed-form-gradients
