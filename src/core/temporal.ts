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

// #region listing:unfold-time
/**
 * `[…, T, C]` → `[…, P, k·C]` with P = ⌊(T − k)/s⌋ + 1: patch p, column j·C + c holds x[…, p·s + j, c].
 * Built from one reshape and k slices rather than tf.gather, because gather's gradient needs
 * UnsortedSegmentSum, which the wasm backend lacks; slice, pad, concat and reshape have gradients on
 * every backend. Time is cut into blocks of s steps, so tap j is block ⌊j/s⌋ + p, position j mod s.
 */
export function unfoldTime(x: tf.Tensor, kernel: number, stride: number): tf.Tensor {
  return tf.tidy(() => {
    const lead = x.shape.slice(0, -2);
    const [length, channels] = x.shape.slice(-2);
    const patches = convolutionLength(length, { kernel, stride });
    const blocks = patches + Math.floor((kernel - 1) / stride);
    const needed = blocks * stride;
    // The extra steps of a pad are never selected: the last tap read is (P − 1)·s + k − 1 < T.
    const fitted = needed === length
      ? x
      : needed > length
        ? tf.pad(x, [...lead.map((): [number, number] => [0, 0]), [0, needed - length], [0, 0]])
        : tf.slice(x, x.shape.map(() => 0), [...lead, needed, channels]);
    const blocked = tf.reshape(fitted, [...lead, blocks, stride, channels]);
    const taps = Array.from({ length: kernel }, (_, j) =>
      tf.slice(blocked, [...lead.map(() => 0), Math.floor(j / stride), j % stride, 0], [...lead, patches, 1, channels]),
    );
    return tf.reshape(tf.concat(taps, lead.length + 1), [...lead, patches, kernel * channels]);
  });
}
// #endregion listing:unfold-time
