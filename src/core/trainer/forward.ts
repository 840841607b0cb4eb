/**
 * Forward passes of the network. The backbone runs either on plain layers (`[in, out]` weights, a
 * `[B, in]` input) or on replica-stacked layers (`[R, in, out]` weights, `[R, out]` biases, a
 * `[R, B, in]` input) with one batched matMul per layer. Replicas are how the fused step gets every
 * task's shared gradient from one backward pass, and how N models could later train in one program.
 * A temporal model runs its convolutions the same way, on time patches (../temporal.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { taskLoss } from '../losses';
import { inputWidth, type DenseLayer, type ModelConfig, type ModelParameters } from '../model';
import { unfoldInput, unfoldTime, type TemporalConfig } from '../temporal';
import type { TaskLossKind } from '../losses';
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

/**
 * One convolution on patches `[…, B, P, k·C_in]`: every patch of every window through the same dense
 * layer, one matMul for all of them. `…` is empty with plain weights; with rank-3 (replica) weights it
 * is the replica axis, or 1 for patches every replica shares (matMul broadcasts them). Returns
 * `[…, B, P, C_out]` with `…` the replica axis where there is one.
 */
export function convolutionForward(
  patches: tf.Tensor,
  layer: DenseLayer<tf.Tensor>,
  activation: ModelConfig['activation'],
): tf.Tensor {
  const lead = patches.shape.slice(0, -3);
  const [batchSize, count, width] = patches.shape.slice(-3);
  const rows = tf.reshape(patches, [...lead, batchSize * count, width]);
  const output = backboneForward(rows, [layer], activation);
  return tf.reshape(output, [...output.shape.slice(0, -2), batchSize, count, output.shape[output.rank - 1]]);
}

/** Throws, saying what a row needs, when `features` are not windows of the temporal model's shape. */
export function checkWindowWidth(features: tf.Tensor2D, config: ModelConfig & { readonly temporal: TemporalConfig }): void {
  const width = features.shape[1];
  if (width !== inputWidth(config)) {
    const { windowLength } = config.temporal;
    throw new Error(`a temporal model over ${windowLength} cycles of ${config.inputSize} features needs rows of ${inputWidth(config)} values, got ${width}`);
  }
}

/**
 * The temporal backbone: windows `[B, T·F]` (time-major rows) → convolutions → mean over time →
 * dense layers. `replicas` > 0 means the layers carry a leading replica axis, as {@link replicaForward}
 * needs. The input's patches are unfolded once and shared by the replicas through the first matMul's
 * broadcast, not copied: no gradient flows into them.
 */
export function temporalBackboneForward(
  features: tf.Tensor2D,
  shared: readonly DenseLayer<tf.Tensor>[],
  config: ModelConfig & { readonly temporal: TemporalConfig },
  replicas = 0,
): tf.Tensor {
  const { windowLength, convolutions } = config.temporal;
  const batchSize = features.shape[0];
  checkWindowWidth(features, config);
  const [first, ...rest] = convolutions;
  let patches: tf.Tensor = unfoldInput(tf.reshape(features, [batchSize, windowLength, config.inputSize]), first.kernel, first.stride);
  if (replicas > 0) patches = tf.expandDims(patches, 0);
  let hidden = convolutionForward(patches, shared[0], config.activation);
  rest.forEach((conv, i) => {
    hidden = convolutionForward(unfoldTime(hidden, conv.kernel, conv.stride), shared[i + 1], config.activation);
  });
  const pooled = tf.mean(hidden, hidden.rank - 2);
  return backboneForward(pooled, shared.slice(convolutions.length), config.activation);
}

/** The shared backbone of either kind on a `[B, width]` batch, optionally replicated `replicas` times. */
function sharedForward(
  features: tf.Tensor2D,
  shared: readonly DenseLayer<tf.Tensor>[],
  config: ModelConfig,
  replicas: number,
): tf.Tensor {
  const { temporal } = config;
  if (temporal) return temporalBackboneForward(features, shared, { ...config, temporal }, replicas);
  if (replicas === 0) return backboneForward(features, shared, config.activation);
  const [batchSize, featureCount] = features.shape;
  const input = tf.broadcastTo(tf.expandDims(features, 0), [replicas, batchSize, featureCount]);
  return backboneForward(input, shared, config.activation);
}

/** One linear head; a single-output head (RUL) is squeezed to shape [B]. */
export function headForward(features: tf.Tensor, head: DenseLayer<tf.Tensor>): tf.Tensor {
  const output = tf.add(tf.matMul(features, head.weight), head.bias);
  return head.weight.shape[1] === 1 ? tf.reshape(output, [-1]) : output;
}

/** Plain forward: one output per head, task order. */
export function forwardOutputs(params: ModelParameters, features: tf.Tensor2D): tf.Tensor[] {
  const hidden = sharedForward(features, params.shared, params.config, 0);
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
  config: ModelConfig,
): tf.Tensor[] {
  const hidden = sharedForward(features, tiledShared, config, heads.length);
  const perReplica = tf.unstack(hidden, 0);
  return heads.map((head, k) => headForward(perReplica[k], head));
}

/**
 * The targets of `taskCount` tasks in task order: RUL for task 0, health labels for task 1, then the
 * extra tasks' labels. Throws when the batch carries fewer.
 */
export function batchTargets(batch: Batch, taskCount: number): tf.Tensor[] {
  const targets = [batch.rul, batch.health, ...(batch.extraLabels ?? [])];
  if (targets.length < taskCount) {
    throw new Error(`${taskCount} tasks need ${taskCount} targets; the batch has ${targets.length} (tasks beyond 2 take batch.extraLabels)`);
  }
  return targets;
}

/** The K task losses of `outputs` against the batch, stacked into a `[K]` tensor. */
export function stackedTaskLosses(outputs: readonly tf.Tensor[], kinds: readonly TaskLossKind[], batch: Batch): tf.Tensor1D {
  const targets = batchTargets(batch, kinds.length);
  return tf.stack(outputs.map((output, k) => taskLoss(kinds[k], output, targets[k]))) as tf.Tensor1D;
}
