/**
 * The fused measurement: one forward and one backward pass give every task's gradient on the shared
 * backbone, the Gramian of those gradients and the last-layer norms, all on the device.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { listVariables, type DenseLayer, type ModelParameters } from '../model';
import type { StepPlan } from '../strategies/strategy';
import type { TaskLossKind } from '../losses';
import type { Batch } from './batch';
import { closedFormPerTaskGradients, hasClosedFormGradients } from './closed-form-gradients';
import { replicaForward, stackedTaskLosses } from './forward';
import { hasTemporalClosedForm, temporalPerTaskGradients } from './temporal-gradients';
import { packMeasurement } from './measurement';
import type { PerTaskGradients } from './per-task-gradients';
import { flattenDirections } from './optimiser';

/** A step measured on the device, holding its gradients until the strategy has planned. */
export interface PendingStep {
  /** `[K + K² + K]`: losses, Gramian, last-layer norms. Whoever reads it disposes it. */
  readonly packed: tf.Tensor1D;
  /** The update direction for `plan`, flat over the variables in `listVariables` order; the caller disposes it. */
  direction(plan: StepPlan): tf.Tensor1D;
  /** Dispose the retained gradients. */
  release(): void;
}

/** `[K, …shape]`: K identical copies of `tensor` along a new leading axis. */
function tileForTasks(tensor: tf.Tensor, taskCount: number): tf.Tensor {
  return tf.tile(tf.expandDims(tensor, 0), [taskCount, ...tensor.shape.map(() => 1)]);
}

function pairUp(tensors: readonly tf.Tensor[]): DenseLayer<tf.Tensor>[] {
  return Array.from({ length: tensors.length / 2 }, (_, i) => ({ weight: tensors[2 * i], bias: tensors[2 * i + 1] }));
}

// #region listing:per-task-gradients
/**
 * Every task's gradient in one backward pass. Each shared tensor is copied K times *outside* the
 * differentiated function, and the copies are its inputs; replica k of the backbone feeds head k
 * only. The backward pass of Σ_k L_k then leaves ∇ L_k on copy k, unmixed, and each head receives
 * its own task's gradient.
 */
export function perTaskGradients(params: ModelParameters, batch: Batch, kinds: readonly TaskLossKind[]): PerTaskGradients {
  return tf.tidy(() => {
    const taskCount = params.heads.length;
    const tiled = params.shared.flatMap((layer) => [
      tileForTasks(layer.weight, taskCount),
      tileForTasks(layer.bias, taskCount),
    ]);
    const headTensors = listVariables({ shared: [], heads: params.heads });
    const taskLossesOf = (...inputs: tf.Tensor[]): tf.Tensor1D => {
      const shared = pairUp(inputs.slice(0, tiled.length));
      const heads = pairUp(inputs.slice(tiled.length));
      const outputs = replicaForward(batch.features, shared, heads, params.config);
      // A vector output: the backward pass seeds it with ones, i.e. differentiates Σ_k L_k.
      return stackedTaskLosses(outputs, kinds, batch);
    };
    const { value, grads } = tf.valueAndGrads(taskLossesOf)([...tiled, ...headTensors]);
    return {
      losses: value,
      sharedGradients: grads.slice(0, tiled.length),
      headGradients: grads.slice(tiled.length),
    };
  });
}
// #endregion listing:per-task-gradients

/** Measure a step on the fused path. */
export function measureFused(params: ModelParameters, batch: Batch, kinds: readonly TaskLossKind[]): PendingStep {
  const taskCount = params.heads.length;
  // Per head-tensor element, the task it belongs to: head tensors come in (V, c) pairs, one per task.
  const headTasks = params.heads.flatMap((head, k) => Array<number>(head.weight.size + head.bias.size).fill(k));
  const { packed, jacobian, headGradients } = tf.tidy(() => {
    // The hand-written backward passes (same numbers, a fraction of the kernels); the tape otherwise.
    const gradients = hasClosedFormGradients(params.config)
      ? closedFormPerTaskGradients(params, batch, kinds)
      : hasTemporalClosedForm(params)
        ? temporalPerTaskGradients(params, batch, kinds)
        : perTaskGradients(params, batch, kinds);
    // J: row k is g_k flattened over all shared tensors, so G = J Jᵀ.
    const rows = tf.concat(gradients.sharedGradients.map((g) => (g.rank === 2 ? g : tf.reshape(g, [taskCount, -1]))), 1);
    const gramian = tf.matMul(rows, rows, false, true);
    const lastWeight = gradients.sharedGradients[gradients.sharedGradients.length - 2];
    const lastNorms = tf.sqrt(tf.sum(tf.square(tf.reshape(lastWeight, [taskCount, -1])), 1));
    return {
      packed: packMeasurement(gradients.losses, gramian, lastNorms),
      jacobian: rows,
      headGradients: flattenDirections(gradients.headGradients),
    };
  });
  return {
    packed,
    direction: (plan) =>
      tf.tidy(() => {
        const coefficients = tf.tensor2d(plan.sharedCoefficients.slice(), [1, taskCount]);
        const shared = tf.reshape(tf.matMul(coefficients, jacobian), [-1]);
        const headScale = tf.tensor1d(headTasks.map((k) => plan.headCoefficients[k]));
        return tf.concat([shared, tf.mul(headGradients, headScale)]) as tf.Tensor1D;
      }),
    release: () => {
      jacobian.dispose();
      headGradients.dispose();
    },
  };
}
