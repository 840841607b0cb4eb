/**
 * Slice, SplitV and Concat for the wasm backend that copy straight from heap to heap.
 * - tfjs-backend-wasm 4.22's own Slice first copies the *whole* input out of the wasm heap into a
 *   fresh ArrayBuffer (readSync), then keeps one piece of it, through a generic index-by-index
 *   gather for strided pieces; SplitV does that once per piece. Splitting the optimiser's flat update
 *   into the network's 8 tensors therefore allocated 8 copies of all 1,668 parameters every step. In
 *   Chromium, where ArrayBuffers are allocated in V8's sandbox, that readSync was 9% of a training
 *   step's time and fed a further 10% of garbage collection. Taking the columns of one head from the
 *   stacked sweep's `[9, 64, 4]` outputs cost ~29 µs.
 * - Its Concat along an inner axis allocates a typed-array view per input per row: joining two
 *   `[9, 64, ·]` column blocks cost ~51 µs.
 * Here pieces are copied row by row, short rows element by element. Strings go to the originals.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

interface KernelArgs<Inputs> {
  readonly inputs: Inputs;
  readonly attrs: tf.NamedAttrMap;
  readonly backend: BackendWasm;
}

type Numeric = Float32Array | Int32Array | Uint8Array;

/** Rows shorter than this are copied element by element: a subarray per row costs more than the row. */
const SHORT_ROW = 16;

function copyRow(source: Numeric, from: number, target: Numeric, to: number, length: number): void {
  if (length < SHORT_ROW) {
    for (let i = 0; i < length; i += 1) target[to + i] = source[from + i];
  } else {
    target.set(source.subarray(from, from + length), to);
  }
}

/** x[begin : begin + size] for any rank, as a new tensor on the heap. */
function heapSlice(backend: BackendWasm, x: tf.TensorInfo, begin: number[], size: number[]): tf.TensorInfo {
  const out = backend.makeOutput(size, x.dtype);
  // Views are taken after makeOutput: its malloc may grow the heap and detach older views.
  const target = backend.typedArrayFromHeap(out);
  const source = backend.typedArrayFromHeap(x);
  if (target.length === 0) return out;
  if (tf.slice_util.isSliceContinous(x.shape, begin, size)) {
    const offset = tf.slice_util.computeFlatOffset(begin, tf.util.computeStrides(x.shape));
    target.set(source.subarray(offset, offset + target.length));
    return out;
  }
  // Strided: one run per index of the axes before the last one the slice cuts (the axes after it
  // are taken whole, so each run spans them), in odometer order.
  const strides = tf.util.computeStrides(x.shape);
  let cut = x.shape.length - 1;
  while (cut > 0 && size[cut] === x.shape[cut]) cut -= 1;
  const run = tf.util.sizeFromShape(size.slice(cut));
  const index = new Array<number>(cut).fill(0);
  for (let written = 0; written < target.length; written += run) {
    let offset = begin[cut] * (strides[cut] ?? 1);
    for (let d = 0; d < cut; d += 1) offset += (begin[d] + index[d]) * strides[d];
    copyRow(source, offset, target, written, run);
    for (let d = cut - 1; d >= 0; d -= 1) {
      index[d] += 1;
      if (index[d] < size[d]) break;
      index[d] = 0;
    }
  }
  return out;
}

/** The inputs joined along `axis`: each output row takes one row of every input in turn. */
function heapConcat(backend: BackendWasm, inputs: readonly tf.TensorInfo[], axis: number): tf.TensorInfo {
  const outShape = tf.backend_util.computeOutShape(inputs.map((t) => t.shape), axis);
  const out = backend.makeOutput(outShape, inputs[0].dtype);
  const target = backend.typedArrayFromHeap(out);
  const sources = inputs.map((input) => backend.typedArrayFromHeap(input));
  const rowLengths = inputs.map((input) => tf.util.sizeFromShape(input.shape.slice(axis)));
  const rows = tf.util.sizeFromShape(outShape.slice(0, axis));
  let written = 0;
  for (let row = 0; row < rows; row += 1) {
    sources.forEach((source, i) => {
      copyRow(source, row * rowLengths[i], target, written, rowLengths[i]);
      written += rowLengths[i];
    });
  }
  return out;
}

/** Swap the wasm kernel `name` for `kernelFunc`; its setup (if any) still runs when the backend starts. */
function replaceKernel<Inputs>(name: string, kernelFunc: (args: KernelArgs<Inputs>, original: tf.KernelFunc) => tf.TensorInfo | tf.TensorInfo[]): void {
  const original = tf.getKernel(name, 'wasm');
  if (original === undefined) return;
  tf.unregisterKernel(name, 'wasm');
  tf.registerKernel({ ...original, kernelFunc: (args) => kernelFunc(args as unknown as KernelArgs<Inputs>, original.kernelFunc) });
}

/** tfjs's own kernel on the same arguments. */
const callOriginal = <Inputs>(original: tf.KernelFunc, args: KernelArgs<Inputs>) => original(args as unknown as Parameters<tf.KernelFunc>[0]);

let installed = false;

/**
 * Replace the wasm backend's Slice, SplitV and Concat with heap-to-heap versions. Call after the
 * backend's module is imported (its kernels registered); calling again does nothing.
 */
export function installWasmHeapCopies(): void {
  if (installed || tf.getKernel(tf.Slice, 'wasm') === undefined) return;
  installed = true;
  replaceKernel<{ x: tf.TensorInfo }>(tf.Slice, (args, original) => {
    const { inputs, attrs, backend } = args;
    const x = inputs.x;
    if (x.dtype === 'string') return callOriginal(original, args);
    const { begin, size } = attrs as unknown as tf.SliceAttrs;
    const [begin_, size_] = tf.slice_util.parseSliceParams(x as tf.Tensor, begin, size);
    return heapSlice(backend, x, begin_, size_);
  });
  replaceKernel<{ x: tf.TensorInfo }>(tf.SplitV, (args, original) => {
    const { inputs, attrs, backend } = args;
    const x = inputs.x;
    if (x.dtype === 'string') return callOriginal(original, args);
    const { numOrSizeSplits, axis } = attrs as unknown as tf.SplitVAttrs;
    const splitAxis = tf.util.parseAxisParam(axis, x.shape)[0];
    const sizes = tf.backend_util.prepareSplitSize(x as tf.Tensor, numOrSizeSplits, splitAxis);
    const begin = x.shape.map(() => 0);
    return sizes.map((pieceSize) => {
      const size = x.shape.slice();
      size[splitAxis] = pieceSize;
      const piece = heapSlice(backend, x, begin, size);
      begin[splitAxis] += pieceSize;
      return piece;
    });
  });
  // Concat's inputs arrive as an array; tfjs's kernel keeps strings and empty pieces.
  replaceKernel<tf.TensorInfo[]>(tf.Concat, (args, original) => {
    const { inputs } = args;
    const axis = tf.util.parseAxisParam((args.attrs as unknown as tf.ConcatAttrs).axis, inputs[0].shape)[0];
    const simple = inputs.length > 1 && inputs.every((t) => t.dtype !== 'string' && tf.util.sizeFromShape(t.shape) > 0);
    if (!simple) return callOriginal(original, args);
    tf.backend_util.assertParamsConsistent(inputs.map((t) => t.shape), axis);
    return heapConcat(args.backend, inputs, axis);
  });
}
