/**
 * The temporal backbone's patch cutting and its backward (col2im) as wasm kernels that copy and add
 * straight on the heap. Elsewhere time-patches.ts does both as products with a constant one-hot
 * matrix, but on tfjs-wasm that product packs its changing right factor into a fresh XNNPACK operator
 * at every call and needs transposes around it: cutting the default model's input patches took
 * ~0.23 ms a step (transpose, product, transpose) and folding the second convolution's patch
 * gradients ~0.18 ms, where a plain loop over the heap copies or adds each value once.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** Kernel names, registered for the wasm backend only. */
export const TIME_UNFOLD = 'BalancingActTimeUnfold';
export const TIME_FOLD = 'BalancingActTimeFold';

/**
 * Where time step t of example b starts in the input: `[B, T·C]` rows (example-major, the windows as
 * they arrive) or time-major `[T·B, C]` (the hidden activations).
 */
export interface TimeLayout {
  readonly batchSize: number;
  readonly length: number;
  readonly exampleMajor: boolean;
}

/** Attributes of {@link TIME_UNFOLD}: the input's layout and the convolution's cut. */
export interface UnfoldAttrs extends TimeLayout {
  readonly kernel: number;
  readonly stride: number;
  readonly patches: number;
}

/** Attributes of {@link TIME_FOLD}: patch gradients `[P·G, k·C]` onto `[T·G, C]`. */
export interface FoldAttrs {
  readonly groups: number;
  readonly length: number;
  readonly kernel: number;
  readonly stride: number;
}

interface KernelArgs {
  readonly inputs: { x: tf.TensorInfo };
  readonly attrs: tf.NamedAttrMap;
  readonly backend: BackendWasm;
}

/** `[P·B, k·C]`, row p·B + b = example b's steps p·s … p·s+k−1 side by side. */
function unfold({ inputs, attrs, backend }: KernelArgs): tf.TensorInfo {
  const { batchSize, length, exampleMajor, kernel, stride, patches } = attrs as unknown as UnfoldAttrs;
  const x = inputs.x;
  const channels = tf.util.sizeFromShape(x.shape) / (batchSize * length);
  const out = backend.makeOutput([patches * batchSize, kernel * channels], 'float32');
  // Views are taken after makeOutput: its malloc may grow the heap and detach older views.
  const target = backend.typedArrayFromHeap(out) as Float32Array;
  const source = backend.typedArrayFromHeap(x) as Float32Array;
  // Both views share the heap's buffer: copyWithin moves a run without making a view per run.
  const heap = new Float32Array(target.buffer);
  const [to, from] = [target.byteOffset / 4, source.byteOffset / 4];
  const run = exampleMajor ? kernel * channels : channels;
  let written = to;
  for (let p = 0; p < patches; p += 1) {
    for (let b = 0; b < batchSize; b += 1) {
      if (exampleMajor) {
        // The k steps of one patch are contiguous in an example's row: one run.
        const start = from + (b * length + p * stride) * channels;
        heap.copyWithin(written, start, start + run);
        written += run;
        continue;
      }
      for (let j = 0; j < kernel; j += 1) {
        const start = from + ((p * stride + j) * batchSize + b) * channels;
        heap.copyWithin(written, start, start + run);
        written += run;
      }
    }
  }
  return out;
}

/** `[T·G, C]`, each time step the sum of every patch tap that read it. */
function fold({ inputs, attrs, backend }: KernelArgs): tf.TensorInfo {
  const { groups, length, kernel, stride } = attrs as unknown as FoldAttrs;
  const x = inputs.x;
  const [rows, width] = x.shape;
  const patches = rows / groups;
  const channels = width / kernel;
  const out = backend.makeOutput([length * groups, channels], 'float32');
  const target = backend.typedArrayFromHeap(out) as Float32Array;
  const source = backend.typedArrayFromHeap(x) as Float32Array;
  target.fill(0);
  let read = 0;
  for (let p = 0; p < patches; p += 1) {
    for (let g = 0; g < groups; g += 1) {
      for (let j = 0; j < kernel; j += 1) {
        const to = ((p * stride + j) * groups + g) * channels;
        for (let c = 0; c < channels; c += 1) target[to + c] += source[read + c];
        read += channels;
      }
    }
  }
  return out;
}

let installed = false;

/** Register both kernels for the wasm backend; calling again does nothing. */
export function installWasmTimePatches(): void {
  if (installed) return;
  installed = true;
  tf.registerKernel({ kernelName: TIME_UNFOLD, backendName: 'wasm', kernelFunc: (args) => unfold(args as unknown as KernelArgs) });
  tf.registerKernel({ kernelName: TIME_FOLD, backendName: 'wasm', kernelFunc: (args) => fold(args as unknown as KernelArgs) });
}

/** Whether the active backend has these kernels (tfjs-wasm with them installed). */
export function hasWasmTimePatches(): boolean {
  return tf.getBackend() === 'wasm' && tf.getKernel(TIME_UNFOLD, 'wasm') !== undefined;
}
