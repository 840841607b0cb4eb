/**
 * Forward passes of the network. The backbone runs either on plain layers (`[in, out]` weights, a
 * `[B, in]` input) or on replica-stacked layers (`[R, in, out]` weights, `[R, out]` biases, a
 * `[R, B, in]` input) with one batched matMul per layer. Replicas are how the fused step gets every
 * task's shared gradient from one backward pass, and how N models could later train in one program.
 */
import * as tf from '@tensorflow/tfjs-core';
import { taskLoss } from '../losses';
import type { DenseLayer, ModelConfig, ModelParameters } from '../model';
import type { TaskLossKind } from '../strategies/strategy';
import type { Batch } from './batch';

/** The activation after every shared layer. */
export function activate(x: tf.Tensor, activation: ModelConfig['activation']): tf.Tensor {
  switch (activation) {
    case 'relu':
      return tf.relu(x);
    case 'tanh':
      return tf.tanh(x);
    case 'elu':
      return tf.elu(x);
  }
}

/**
 * The shared backbone. With rank-3 weights every replica r computes `act(h[r] · W[r] + b[r])`;
 * the bias gains a broadcast axis over the batch.
 */
export function backboneForward(
  input: tf.Tensor,
  layers: readonly DenseLayer<tf.Tensor>[],
  activation: ModelConfig['activation'],
): tf.Tensor {
  return layers.reduce((hidden, layer) => {
    const bias = layer.weight.rank === 3 ? tf.expandDims(layer.bias, 1) : layer.bias;
    return activate(tf.add(tf.matMul(hidden, layer.weight), bias), activation);
  }, input);
}

/** One linear head; a single-output head (RUL) is squeezed to shape [B]. */
export function headForward(features: tf.Tensor, head: DenseLayer<tf.Tensor>): tf.Tensor {
  const output = tf.add(tf.matMul(features, head.weight), head.bias);
  return head.weight.shape[1] === 1 ? tf.reshape(output, [-1]) : output;
}

/** Plain forward: one output per head, task order. */
export function forwardOutputs(params: ModelParameters, features: tf.Tensor2D): tf.Tensor[] {
  const hidden = backboneForward(features, params.shared, params.config.activation);
  return params.heads.map((head) => headForward(hidden, head));
}

/**
 * Forward with the backbone replicated once per task: replica k of the shared layers feeds head k
 * only. `tiledShared` weights are `[K, in, out]`, biases `[K, out]`; the input is shared by all.
 */
export function replicaForward(
  features: tf.Tensor2D,
  tiledShared: readonly DenseLayer<tf.Tensor>[],
  heads: readonly DenseLayer<tf.Tensor>[],
  activation: ModelConfig['activation'],
): tf.Tensor[] {
  const replicas = heads.length;
  const [batchSize, featureCount] = features.shape;
  const input = tf.broadcastTo(tf.expandDims(features, 0), [replicas, batchSize, featureCount]);
  const hidden = backboneForward(input, tiledShared, activation);
  const perReplica = tf.unstack(hidden, 0);
  return heads.map((head, k) => headForward(perReplica[k], head));
}

/** Targets in task order: RUL for task 0, health labels for task 1. */
export function batchTargets(batch: Batch): tf.Tensor[] {
  return [batch.rul, batch.health];
}

/** The K task losses of `outputs` against the batch, stacked into a `[K]` tensor. */
export function stackedTaskLosses(outputs: readonly tf.Tensor[], kinds: readonly TaskLossKind[], batch: Batch): tf.Tensor1D {
  const targets = batchTargets(batch);
  return tf.stack(outputs.map((output, k) => taskLoss(kinds[k], output, targets[k]))) as tf.Tensor1D;
}
