/**
 * Slice and SplitV for the wasm backend that read their piece in place. tfjs-backend-wasm 4.22's own
 * Slice first copies the *whole* input out of the wasm heap into a fresh ArrayBuffer (readSync), then
 * keeps one piece of it; SplitV does that once per piece. Splitting the optimiser's flat update into
 * the network's 8 tensors therefore allocated 8 copies of all 1,668 parameters every step. In
 * Chromium, where ArrayBuffers are allocated in V8's sandbox, that readSync was 9% of a training
 * step's time and fed a further 10% of garbage collection. A contiguous piece is copied here straight
 * from heap to heap; anything else goes to the original kernel.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

interface SliceArgs {
  readonly inputs: { readonly x: tf.TensorInfo };
  readonly attrs: tf.NamedAttrMap;
  readonly backend: BackendWasm;
}

let installed = false;

/** The `shape`-shaped run of x's elements starting at flat `offset`, as a new tensor on the heap. */
function contiguousPiece(backend: BackendWasm, x: tf.TensorInfo, offset: number, shape: number[]): tf.TensorInfo {
  const out = backend.makeOutput(shape, x.dtype);
  // Views are taken after makeOutput: its malloc may grow the heap and detach older views.
  const target = backend.typedArrayFromHeap(out);
  target.set(backend.typedArrayFromHeap(x).subarray(offset, offset + target.length));
  return out;
}

/**
 * Replace the wasm backend's Slice and SplitV with in-place versions. Call after the backend's module
 * is imported (its kernels registered); calling again does nothing.
 */
export function installWasmHeapSlices(): void {
  if (installed) return;
  const original = tf.getKernel(tf.Slice, 'wasm');
  const originalSplit = tf.getKernel(tf.SplitV, 'wasm');
  if (original === undefined || originalSplit === undefined) return;
  installed = true;
  const originalSlice = original.kernelFunc;

  const slice = (x: tf.TensorInfo, begin: number[], size: number[], backend: BackendWasm): tf.TensorInfo => {
    if (x.dtype === 'string' || !tf.slice_util.isSliceContinous(x.shape, begin, size)) {
      return originalSlice({ inputs: { x }, attrs: { begin, size }, backend }) as tf.TensorInfo;
    }
    const offset = tf.slice_util.computeFlatOffset(begin, tf.util.computeStrides(x.shape));
    return contiguousPiece(backend, x, offset, size);
  };

  for (const name of [tf.Slice, tf.SplitV]) tf.unregisterKernel(name, 'wasm');
  tf.registerKernel({
    // Any setup the originals have still runs when the backend starts.
    ...original,
    kernelFunc: (args) => {
      const { inputs, attrs, backend } = args as unknown as SliceArgs;
      const { begin, size } = attrs as unknown as tf.SliceAttrs;
      const [begin_, size_] = tf.slice_util.parseSliceParams(inputs.x as tf.Tensor, begin, size);
      return slice(inputs.x, begin_, size_, backend);
    },
  });
  tf.registerKernel({
    ...originalSplit,
    kernelFunc: (args) => {
      const { inputs, attrs, backend } = args as unknown as SliceArgs;
      const { numOrSizeSplits, axis } = attrs as unknown as tf.SplitVAttrs;
      const x = inputs.x;
      const splitAxis = tf.util.parseAxisParam(axis, x.shape)[0];
      const sizes = tf.backend_util.prepareSplitSize(x as tf.Tensor, numOrSizeSplits, splitAxis);
      const begin = x.shape.map(() => 0);
      return sizes.map((pieceSize) => {
        const size = x.shape.slice();
        size[splitAxis] = pieceSize;
        const piece = slice(x, begin.slice(), size, backend);
        begin[splitAxis] += pieceSize;
        return piece;
      });
    },
  });
}
