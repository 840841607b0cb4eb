/**
 * Every task's gradient for the dense network, with the backward pass written out by hand instead of
 * recorded on the gradient tape. Same result as the replica trick (fused-step.ts) to float rounding;
 * the point is speed: the tape dispatches ~180 kernels per step on a network this small, most of them
 * bookkeeping (Identity copies, reshapes, casts), and on wasm and WebGPU the per-kernel cost, not the
 * arithmetic, sets the step rate. The temporal backbone's convolutions are written out the same way
 * in temporal-gradients.ts, which runs the dense part through {@link denseStackGradients}.
 */
import * as tf from '@tensorflow/tfjs-core';
import { activationSlope, denseForward, product, transposeOnce } from '../dense-ops';
import { taskLossAndGradient } from '../losses';
import type { DenseLayer, ModelConfig, ModelParameters } from '../model';
import type { TaskLossKind } from '../losses';
import type { Batch } from './batch';
import { batchTargets } from './forward';
import type { PerTaskGradients } from './per-task-gradients';

/** Whether {@link closedFormPerTaskGradients} covers this model: dense backbones only. */
export function hasClosedFormGradients(config: ModelConfig): boolean {
  return config.temporal === undefined && config.hidden.length > 0;
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
  const targets = batchTargets(batch, kinds.length);

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
