/**
 * The temporal backbone's convolutions, written as dense layers. A 1-D convolution with kernel k over
 * C input channels is a dense layer `[k·C, C_out]` applied to every time patch, so its parameters are
 * an ordinary weight/bias pair and everything built on them (Adam over flat moments, the Gramian,
 * the replica trick, the strategies) needs no change. This file holds the shapes and the unfolding of
 * time into patches; docs/step-semantics.md ("Temporal model") pins the layout down.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ValidationError } from './errors';

/** One convolution: `channels` output channels, `kernel` time steps wide, moving by `stride` (no padding). */
export interface ConvolutionConfig {
  readonly kernel: number;
  readonly stride: number;
  readonly channels: number;
}

/** A convolution stack over windows of `windowLength` cycles, mean-pooled over time before the dense layers. */
export interface TemporalConfig {
  readonly windowLength: number;
  readonly convolutions: readonly ConvolutionConfig[];
}

/** Two convolutions (kernel 5 stride 2, kernel 3 stride 2, 16 channels each): 30 cycles → 13 → 6 steps. */
export const DEFAULT_TEMPORAL_CONFIG: TemporalConfig = Object.freeze({
  windowLength: 30,
  convolutions: Object.freeze([
    Object.freeze({ kernel: 5, stride: 2, channels: 16 }),
    Object.freeze({ kernel: 3, stride: 2, channels: 16 }),
  ]),
});

/** Time steps left after a convolution without padding: ⌊(length − kernel)/stride⌋ + 1. */
export function convolutionLength(length: number, { kernel, stride }: Pick<ConvolutionConfig, 'kernel' | 'stride'>): number {
  return Math.floor((length - kernel) / stride) + 1;
}

const isPositiveInteger = (value: number): boolean => Number.isInteger(value) && value >= 1;

/**
 * `[k·C_in, C_out]` of every convolution as a dense layer, and the time steps after each. Throws a
 * {@link ValidationError} when a size is not a positive integer or a window is too short for its stack.
 */
export function convolutionShapes(inputSize: number, temporal: TemporalConfig): { shapes: [number, number][]; lengths: number[] } {
  if (!isPositiveInteger(temporal.windowLength)) throw new ValidationError('model.temporal.windowLength', 'must be a positive integer');
  if (temporal.convolutions.length === 0) throw new ValidationError('model.temporal.convolutions', 'must hold at least one convolution');
  const shapes: [number, number][] = [];
  const lengths: number[] = [];
  let channels = inputSize;
  let length = temporal.windowLength;
  temporal.convolutions.forEach((conv, i) => {
    const path = `model.temporal.convolutions[${i}]`;
    if (![conv.kernel, conv.stride, conv.channels].every(isPositiveInteger)) {
      throw new ValidationError(path, 'kernel, stride and channels must be positive integers');
    }
    if (conv.kernel > length) throw new ValidationError(path, `kernel ${conv.kernel} is wider than the ${length} time steps it receives`);
    shapes.push([conv.kernel * channels, conv.channels]);
    length = convolutionLength(length, conv);
    lengths.push(length);
    channels = conv.channels;
  });
  return { shapes, lengths };
}

/** `[1, P·k, T]`, one-hot: row p·k + j picks time step p·s + j. */
function patchSelection(length: number, kernel: number, stride: number): tf.Tensor3D {
  const patches = convolutionLength(length, { kernel, stride });
  const values = new Float32Array(patches * kernel * length);
  for (let p = 0; p < patches; p += 1) {
    for (let j = 0; j < kernel; j += 1) values[(p * kernel + j) * length + p * stride + j] = 1;
  }
  return tf.tensor3d(values, [1, patches * kernel, length]);
}

// #region listing:unfold-time
/**
 * `[…, T, C]` → `[…, P, k·C]` with P = ⌊(T − k)/s⌋ + 1: patch p, column j·C + c holds x[…, p·s + j, c].
 * One batched matMul with a constant one-hot selection (exact: each output is one input times 1).
 * Not tf.gather, whose gradient needs UnsortedSegmentSum, which the wasm backend lacks; not k slices
 * and a concat, which wasm runs as JavaScript loops for tensors of rank 5 (measured: 14 steps/s
 * against 90 for this on the default model).
 * A NaN or ∞ in a window spreads to every patch of that window (0·NaN = NaN): the loss is still
 * non-finite, as it must be.
 */
export function unfoldTime(x: tf.Tensor, kernel: number, stride: number): tf.Tensor {
  return tf.tidy(() => {
    const lead = x.shape.slice(0, -2);
    const [length, channels] = x.shape.slice(-2);
    const patches = convolutionLength(length, { kernel, stride });
    const rows = lead.reduce((product, size) => product * size, 1);
    const selected = tf.matMul(patchSelection(length, kernel, stride), tf.reshape(x, [rows, length, channels]));
    return tf.reshape(selected, [...lead, patches, kernel * channels]);
  });
}
// #endregion listing:unfold-time

/**
 * {@link unfoldTime} by tf.gather over the time axis: the same patches with no arithmetic, for an
 * input no gradient flows into (the windows themselves). Gather's gradient needs UnsortedSegmentSum,
 * which the wasm backend lacks, so hidden layers use unfoldTime instead.
 */
export function unfoldInput(x: tf.Tensor3D, kernel: number, stride: number): tf.Tensor3D {
  return tf.tidy(() => {
    const [batchSize, length, channels] = x.shape;
    const patches = convolutionLength(length, { kernel, stride });
    const steps = Int32Array.from({ length: patches * kernel }, (_, i) => Math.floor(i / kernel) * stride + (i % kernel));
    return tf.reshape(tf.gather(x, tf.tensor1d(steps, 'int32'), 1), [batchSize, patches, kernel * channels]);
  });
}
