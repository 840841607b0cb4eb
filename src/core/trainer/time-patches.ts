/**
 * Time patches for the temporal backbone's hand-written backward pass (temporal-gradients.ts), on
 * time-major rows: a hidden activation is `[T·B, C]`, row t·B + b holding example b at time step t.
 * In that layout cutting patches, scattering patch gradients back (col2im) and the mean over time are
 * each one plain 2-D matMul with a constant one-hot or averaging matrix, plus at most one transpose:
 * no batch axis on a matMul (tfjs-wasm's batched path is a scalar loop), no gather (tfjs-wasm's
 * GatherV2 took milliseconds for a batch of windows) and no transpose flags.
 */
import * as tf from '@tensorflow/tfjs-core';
import { convolutionLength } from '../temporal';

/**
 * The one-hot selection between time steps and patch taps, `[P·k, T]` (row p·k + j picks time step
 * p·s + j), or its transpose `[T, P·k]` for the scatter back.
 */
function tapSelection(length: number, kernel: number, stride: number, transposed: boolean): tf.Tensor2D {
  const taps = convolutionLength(length, { kernel, stride }) * kernel;
  const values = new Float32Array(taps * length);
  for (let tap = 0; tap < taps; tap += 1) {
    const time = Math.floor(tap / kernel) * stride + (tap % kernel);
    values[transposed ? time * taps + tap : tap * length + time] = 1;
  }
  return tf.tensor2d(values, transposed ? [length, taps] : [taps, length]);
}

/**
 * `[B, T·C]` batch rows (time-major within a row, as the windows arrive) → `[T·B, C]` time-major rows.
 */
export function timeMajor(batchRows: tf.Tensor2D, length: number): tf.Tensor2D {
  const [batchSize, width] = batchRows.shape;
  const channels = width / length;
  return tf.reshape(tf.transpose(tf.reshape(batchRows, [batchSize, length, channels]), [1, 0, 2]), [length * batchSize, channels]);
}

/**
 * Patches of time-major `[T·B, C]`: `[P·B, k·C]`, row p·B + b = example b's time steps p·s … p·s+k−1
 * side by side (column j·C + c is tap j of channel c), the layout of a convolution's `[k·C, C_out]`
 * weight. Exact: every entry is one input value times 1.
 */
export function unfoldTimeMajor(hidden: tf.Tensor2D, batchSize: number, kernel: number, stride: number): tf.Tensor2D {
  const [rows, channels] = hidden.shape;
  const length = rows / batchSize;
  const patches = convolutionLength(length, { kernel, stride });
  const taps = tf.matMul(tapSelection(length, kernel, stride, false), tf.reshape(hidden, [length, batchSize * channels]));
  const byPatch = tf.transpose(tf.reshape(taps, [patches, kernel, batchSize, channels]), [0, 2, 1, 3]);
  return tf.reshape(byPatch, [patches * batchSize, kernel * channels]);
}

/**
 * The backward of {@link unfoldTimeMajor} (col2im): patch gradients `[P·G, k·C]` → `[T·G, C]`, each
 * time step receiving the sum over every patch tap that read it. G groups the rows of one time step
 * (examples, or examples × tasks); `length` is T, the unfolded input's time steps.
 */
export function foldTimeMajor(patchGradients: tf.Tensor2D, groups: number, length: number, kernel: number, stride: number): tf.Tensor2D {
  const [rows, width] = patchGradients.shape;
  const patches = rows / groups;
  const channels = width / kernel;
  const byTap = tf.transpose(tf.reshape(patchGradients, [patches, groups, kernel, channels]), [0, 2, 1, 3]);
  const summed = tf.matMul(tapSelection(length, kernel, stride, true), tf.reshape(byTap, [patches * kernel, groups * channels]));
  return tf.reshape(summed, [length * groups, channels]);
}

/** Mean over time of time-major `[T·B, C]`: `[B, C]`, as one `[1, T]·[T, B·C]` product. */
export function meanOverTime(hidden: tf.Tensor2D, batchSize: number): tf.Tensor2D {
  const [rows, channels] = hidden.shape;
  const length = rows / batchSize;
  const average = tf.fill([1, length], 1 / length) as tf.Tensor2D;
  return tf.reshape(tf.matMul(average, tf.reshape(hidden, [length, batchSize * channels])), [batchSize, channels]);
}

/** The backward of {@link meanOverTime}: `[B, W]` → `[T·B, W]`, every time step getting 1/T of it. */
export function spreadOverTime(error: tf.Tensor2D, length: number): tf.Tensor2D {
  const [batchSize, width] = error.shape;
  const share = tf.fill([length, 1], 1 / length) as tf.Tensor2D;
  return tf.reshape(tf.matMul(share, tf.reshape(error, [1, batchSize * width])), [length * batchSize, width]);
}
