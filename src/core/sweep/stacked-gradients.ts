/**
 * One forward and one hand-written backward pass through N stacked fixed-weight networks
 * (stacked-network.ts): each network's K losses and the gradient of Σ_n Σ_k λ_{n,k} L_{n,k}, which
 * for network n is its own Σ_k λ_{n,k} ∇L_{n,k}: the networks share no parameter. The derivation is
 * the single network's (trainer/closed-form-gradients.ts) with a leading network axis; the taped
 * version of this program dispatched 193 kernels per step, most of them bookkeeping.
 */
import * as tf from '@tensorflow/tfjs-core';
import { taskLossAndGradient } from '../losses';
import type { TaskLossKind } from '../losses';
import type { Batch } from '../trainer/batch';
import { activationSlope, denseForward, product, transposeOnce } from '../dense-ops';
import { batchTargets } from '../trainer/forward';
import { flattenDirections } from '../trainer/optimiser';
import type { StackedNetworks } from './stacked-network';

export interface StackedStep {
  /** `[N, K]`: network n's loss on task k, before the update. */
  readonly losses: tf.Tensor2D;
  /** The gradient of every variable, flattened and concatenated in `variables` order. */
  readonly direction: tf.Tensor1D;
}

/** Every layer's output, `[N, B, width]` after the shared `[B, F]` input, and the heads' `[N, B, ΣO]`. */
export function stackedForward(networks: StackedNetworks, features: tf.Tensor2D): { activations: tf.Tensor[]; outputs: tf.Tensor3D } {
  const { activation } = networks.config;
  // Every network reads the same batch; from the first layer on, each has its own entry of the stack.
  const activations: tf.Tensor[] = [features];
  for (const layer of networks.hidden) {
    activations.push(denseForward(activations[activations.length - 1], layer.weight, layer.bias, activation));
  }
  const last = activations[activations.length - 1] as tf.Tensor3D;
  const outputs = tf.fused.matMul({ a: last, b: networks.heads.weight as tf.Tensor3D, bias: networks.heads.bias }) as tf.Tensor3D;
  return { activations, outputs };
}

/**
 * `weights` holds λ once per task, shaped to scale that task's output gradient: `[N, 1]` for a
 * single-output head, `[N, 1, 1]` for a classifier. The caller tidies.
 */
export function stackedLossesAndDirection(
  networks: StackedNetworks,
  batch: Batch,
  kinds: readonly TaskLossKind[],
  weights: readonly tf.Tensor[],
): StackedStep {
  const { config, modelCount, hidden, heads, headOffsets } = networks;
  const { activation, headSizes } = config;
  const batchSize = batch.features.shape[0];
  const transposed = transposeOnce();
  const { activations, outputs } = stackedForward(networks, batch.features);
  const features = activations[activations.length - 1];

  // Each task's losses `[N]` and λ-weighted error at its output columns.
  const targets = batchTargets(batch, kinds.length);
  const losses: tf.Tensor[] = [];
  const errors: tf.Tensor[] = headSizes.map((size, k) => {
    const columns = headSizes.length === 1 ? outputs : tf.slice(outputs, [0, 0, headOffsets[k]], [modelCount, batchSize, size]);
    const prediction = size === 1 ? tf.reshape(columns, [modelCount, batchSize]) : columns;
    const { loss, gradient } = taskLossAndGradient(kinds[k], prediction, targets[k]);
    losses.push(loss);
    const weighted = tf.mul(gradient, weights[k]);
    return size === 1 ? tf.reshape(weighted, [modelCount, batchSize, 1]) : weighted;
  });
  const outputError = errors.length === 1 ? errors[0] : tf.concat(errors, 2);

  // Backward, heads first, then the layers last to first. The first layer's input is the shared
  // batch: its weight gradient is `Xᵀ` times each network's error, one product per network.
  const gradients: tf.Tensor[] = [product(features, outputError, 'a', transposed), tf.sum(outputError, 1, true)];
  let error = product(outputError, heads.weight, 'b', transposed);
  for (let l = hidden.length - 1; l >= 0; l -= 1) {
    const preActivationError = tf.mul(error, activationSlope(activations[l + 1], activation));
    gradients.unshift(product(activations[l], preActivationError, 'a', transposed), tf.sum(preActivationError, 1, true));
    if (l > 0) error = product(preActivationError, hidden[l].weight, 'b', transposed);
  }
  return { losses: tf.stack(losses, 1) as tf.Tensor2D, direction: flattenDirections(gradients) };
}
