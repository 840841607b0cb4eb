/**
 * Time patches for the temporal backbone's hand-written backward pass (temporal-gradients.ts), on
 * time-major rows: a hidden activation is `[T·B, C]`, row t·B + b holding example b at time step t.
 * In that layout cutting patches, scattering patch gradients back (col2im) and the mean over time are
 * each one plain 2-D matMul with a constant one-hot or averaging matrix, plus at most one transpose:
 * no batch axis on a matMul (tfjs-wasm's batched path is a scalar loop), no gather (tfjs-wasm's
 * GatherV2 took milliseconds for a batch of windows) and no transpose flags. On wasm, cutting and
 * folding run as heap copies and adds instead (wasm-time-patches.ts), which cost less there.
 */
import * as tf from '@tensorflow/tfjs-core';
import { convolutionLength } from '../temporal';
import { hasWasmTimePatches, TIME_FOLD, TIME_UNFOLD, type FoldAttrs, type UnfoldAttrs } from '../wasm-time-patches';

/** The wasm heap kernel for a cut (wasm-time-patches.ts): a copy instead of a product and transposes. */
function unfoldOnHeap(x: tf.Tensor2D, attrs: UnfoldAttrs): tf.Tensor2D {
  return tf.engine().runKernel(TIME_UNFOLD, { x }, { ...attrs }) as tf.Tensor2D;
}

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
 * The patches of the input windows, `[B, T·F]` batch rows (time-major within a row, as the windows
 * arrive), cut as {@link unfoldTimeMajor} cuts them: `[P·B, k·F]`, rows p·B + b. The windows are
 * the larger factor here, so they go on the left of the product and the small one-hot selection on
 * the right, the orientation in which XNNPACK (tfjs-wasm) packs only the constant: about 1.5× faster
 * than selection · windows at the default sizes.
 */
export function unfoldWindows(windows: tf.Tensor2D, length: number, kernel: number, stride: number): tf.Tensor2D {
  const [batchSize, width] = windows.shape;
  const channels = width / length;
  const patches = convolutionLength(length, { kernel, stride });
  if (hasWasmTimePatches()) return unfoldOnHeap(windows, { batchSize, length, exampleMajor: true, kernel, stride, patches });
  const byChannel = tf.reshape(tf.transpose(tf.reshape(windows, [batchSize, length, channels]), [0, 2, 1]), [batchSize * channels, length]);
  const taps = tf.matMul(byChannel, tapSelection(length, kernel, stride, true));
  const byPatch = tf.transpose(tf.reshape(taps, [batchSize, channels, patches, kernel]), [2, 0, 3, 1]);
  return tf.reshape(byPatch, [patches * batchSize, kernel * channels]);
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
  if (hasWasmTimePatches()) return unfoldOnHeap(hidden, { batchSize, length, exampleMajor: false, kernel, stride, patches });
  const taps = tf.matMul(tapSelection(length, kernel, stride, false), tf.reshape(hidden, [length, batchSize * channels]));
  const byPatch = tf.transpose(tf.reshape(taps, [patches, kernel, batchSize, channels]), [0, 2, 1, 3]);
  return tf.reshape(byPatch, [patches * batchSize, kernel * channels]);
}

/**
 * The backward of {@link unfoldTimeMajor} (col2im): patch gradients `[P·G, k·C]` → `[T·G, C]`, each
 * time step receiving the sum over every patch tap that read it. G groups the rows of one time step
 * (examples, or examples × tasks); `length` is T, the unfolded input's time steps. (With the
 * gradients on the left of the product the matMul is faster, but the transpose that puts them there
 * costs as much again on tfjs-wasm, measured.)
 */
export function foldTimeMajor(patchGradients: tf.Tensor2D, groups: number, length: number, kernel: number, stride: number): tf.Tensor2D {
  if (hasWasmTimePatches()) {
    const attrs: FoldAttrs = { groups, length, kernel, stride };
    return tf.engine().runKernel(TIME_FOLD, { x: patchGradients }, { ...attrs }) as tf.Tensor2D;
  }
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
