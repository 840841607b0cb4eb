/**
 * Per-task losses, written with tfjs ops only so that autodiff can differentiate them inside the
 * trainer's gradient computation. Definitions follow docs/step-semantics.md ("Losses").
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core ships its gradient functions separately; the losses are differentiated, so register them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';

/** Which loss a task is trained on. RUL is task 0, health task 1, in every array. */
export type TaskLossKind = 'mse' | 'weightedMse' | 'crossEntropy';

/** Shape of AMNL's failure-biased sample weight w(y) = max − (max − min)·min(y, cap)/cap. */
export interface AmnlWeightOptions {
  /** Weight of a healthy engine (true RUL at or above the cap). Default 1. */
  readonly minWeight?: number;
  /** Weight of an engine at failure (true RUL 0). Default 2. */
  readonly maxWeight?: number;
  /** RUL at which the weight reaches its minimum, in cycles. Default 125. */
  readonly rulCap?: number;
}

interface ResolvedAmnlWeightOptions {
  readonly minWeight: number;
  readonly maxWeight: number;
  readonly rulCap: number;
}

function resolveAmnlOptions(options: AmnlWeightOptions = {}): ResolvedAmnlWeightOptions {
  return {
    minWeight: options.minWeight ?? 1,
    maxWeight: options.maxWeight ?? 2,
    rulCap: options.rulCap ?? 125,
  };
}

/**
 * AMNL's per-sample weight as a plain number, for prose and widgets. 100 → 1.2, 50 → 1.6, 0 → 2.0,
 * anything at or above the cap → 1.0.
 */
export function amnlSampleWeight(rul: number, options?: AmnlWeightOptions): number {
  const { minWeight, maxWeight, rulCap } = resolveAmnlOptions(options);
  return maxWeight - ((maxWeight - minWeight) * Math.min(rul, rulCap)) / rulCap;
}

/** Mean over the batch of (ŷ − y)², in cycles². */
export function mseLoss(pred: tf.Tensor1D, target: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.squaredDifference(pred, target)));
}

/**
 * AMNL's failure-biased MSE: mean over the batch of w(y)·(ŷ − y)². The source takes the plain mean,
 * not Σ w·e² / Σ w, so the loss scale grows with the share of near-failure samples.
 */
export function weightedMseLoss(
  pred: tf.Tensor1D,
  target: tf.Tensor1D,
  options?: AmnlWeightOptions,
): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.mul(amnlSampleWeightTensor(target, options), tf.squaredDifference(pred, target))));
}

/** {@link amnlSampleWeight} for every target of a batch: `[B]` in, `[B]` out. */
function amnlSampleWeightTensor(target: tf.Tensor, options?: AmnlWeightOptions): tf.Tensor {
  const { minWeight, maxWeight, rulCap } = resolveAmnlOptions(options);
  return tf.tidy(() => {
    const capped = tf.minimum(target, tf.scalar(rulCap));
    return tf.sub(tf.scalar(maxWeight), tf.mul(capped, tf.scalar((maxWeight - minWeight) / rulCap)));
  });
}

/** Integer labels `[B]` as float32 one-hot rows `[B, C]`. */
function oneHotRows(labels: tf.Tensor, classCount: number): tf.Tensor {
  const indices = labels.dtype === 'int32' ? labels : tf.cast(labels, 'int32');
  // Cast, rather than oneHot's dtype argument: tfjs-backend-wasm ignores it and writes int32 bits.
  return tf.cast(tf.oneHot(indices, classCount), 'float32');
}

/**
 * Mean over the batch of logsumexp(z) − z_label, and its gradient (softmax(z) − onehot) / B, from
 * one exponential of the logits shifted by their row maximum: logits in the thousands stay finite.
 * Logits are `[B, C]`, or `[N, B, C]` for N stacked networks (one loss each).
 */
function crossEntropyWithGradient(logits: tf.Tensor, oneHot: tf.Tensor): { loss: tf.Tensor; gradient: tf.Tensor } {
  const classAxis = logits.rank - 1;
  const exampleAxes = [logits.rank - 2, classAxis];
  const shifted = tf.sub(logits, tf.max(logits, classAxis, true));
  const exponentials = tf.exp(shifted);
  const totals = tf.sum(exponentials, classAxis, true);
  const perExample = tf.scalar(1 / logits.shape[logits.rank - 2]);
  // logsumexp(z) − z_label = log Σ_c exp(shifted_c) − shifted_label: the maximum cancels.
  const loss = tf.mul(tf.sub(tf.sum(tf.log(totals), exampleAxes), tf.sum(tf.mul(shifted, oneHot), exampleAxes)), perExample);
  const gradient = tf.mul(tf.sub(tf.div(exponentials, totals), oneHot), perExample);
  return { loss, gradient };
}

/**
 * Mean over the batch of logsumexp(z) − z_label. The gradient is given in closed form,
 * (softmax(z) − onehot(label)) / B, instead of being taped op by op: autodiff of the forward ops
 * dispatched ~45 kernels per step for this loss alone, the closed form a handful (bench:step).
 */
export function crossEntropyLoss(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const oneHot = oneHotRows(labels, logits.shape[1]);
    // The labels are constants, so only the logits are an input of the custom gradient.
    const withClosedFormGradient = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => {
      // tfjs passes the inputs, then the save function.
      const [z, save] = inputs as [tf.Tensor, tf.GradSaveFunc];
      const { loss, gradient } = crossEntropyWithGradient(z, oneHot);
      // Saved tensors outlive the tidy scope until the backward pass has used them.
      save([gradient]);
      return { value: loss, gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.mul(saved[0], dy) };
    });
    return withClosedFormGradient(logits) as tf.Scalar;
  });
}

/**
 * The loss of one task and ∂L/∂prediction (the prediction's shape), for a backward pass written by
 * hand (trainer/closed-form-gradients.ts). The same definitions as {@link taskLoss}; call inside a tidy.
 * Predictions may carry a leading axis of N stacked networks (`[N, B]`, or `[N, B, C]` logits) against
 * the one batch's targets `[B]`: the loss is then `[N]`, each network's own.
 */
export function taskLossAndGradient(kind: TaskLossKind, prediction: tf.Tensor, target: tf.Tensor): { loss: tf.Tensor; gradient: tf.Tensor } {
  switch (kind) {
    case 'mse':
    case 'weightedMse': {
      const error = tf.sub(prediction, target);
      const weighted = kind === 'mse' ? error : tf.mul(amnlSampleWeightTensor(target), error);
      const exampleAxis = prediction.rank - 1;
      const gradient = tf.mul(weighted, tf.scalar(2 / prediction.shape[exampleAxis]));
      return { loss: tf.mean(tf.mul(weighted, error), exampleAxis), gradient };
    }
    case 'crossEntropy': {
      return crossEntropyWithGradient(prediction, oneHotRows(target, prediction.shape[prediction.rank - 1]));
    }
  }
}

/**
 * The loss of one task by kind. Regression kinds take predictions and targets of shape [B];
 * crossEntropy takes logits [B, C] and integer labels [B].
 */
export function taskLoss(kind: TaskLossKind, prediction: tf.Tensor, target: tf.Tensor): tf.Scalar {
  switch (kind) {
    case 'mse':
      return mseLoss(expectRank(prediction, 1, kind), expectRank(target, 1, kind));
    case 'weightedMse':
      return weightedMseLoss(expectRank(prediction, 1, kind), expectRank(target, 1, kind));
    case 'crossEntropy':
      return crossEntropyLoss(expectRank(prediction, 2, kind), expectRank(target, 1, kind));
  }
}

function expectRank<R extends 1 | 2>(
  tensor: tf.Tensor,
  rank: R,
  kind: TaskLossKind,
): R extends 1 ? tf.Tensor1D : tf.Tensor2D {
  if (tensor.rank !== rank) {
    throw new Error(`${kind} loss expects a rank-${rank} tensor, got shape [${tensor.shape.join(', ')}]`);
  }
  return tensor as R extends 1 ? tf.Tensor1D : tf.Tensor2D;
}
