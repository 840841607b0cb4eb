/**
 * Batched products on the wasm backend through XNNPACK, one plain product per batch entry.
 * tfjs-backend-wasm 4.22 hands a matMul to XNNPACK only when neither factor has a batch axis; a
 * product of stacked matrices, `[N, M, K]·[N, K, P]`, runs a scalar triple loop instead, 5–7× slower
 * at the sizes the λ sweep multiplies (bench:sweep). Here each entry of the stack is registered with
 * the backend as a view into the stacked tensor's heap memory (no copy) and multiplied by the same
 * XNNPACK entry point tfjs uses for plain products. A bias may be shared, `[P]`, or one row per
 * entry, `[N, 1, P]` (tfjs's own batched path indexes a shared bias wrongly past the first row).
 * relu and relu6 are fused as XNNPACK's clamp; elu, sigmoid and leaky relu run after, as the
 * backend's own kernels. Transposed factors, broadcasts between two different batch shapes and prelu
 * go to the original kernel.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The parts of the wasm backend and its emscripten module this kernel reaches past the typings for. */
interface WasmInternals {
  readonly wasm: {
    readonly HEAP32: Int32Array;
    _malloc(bytes: number): number;
    /** `_FusedMatMul(a, aShape*, aRank, b, bShape*, bRank, transposeA, transposeB, activation, bias, prelu, leakyAlpha, out)`. */
    __FusedMatMul(...args: number[]): void;
    readonly tfjs: {
      registerTensor(id: number, size: number, memoryOffset: number): void;
      disposeData(id: number): void;
    };
  };
  dataIdNextNumber: number;
  readonly dataIdMap: { get(dataId: tf.DataId): { readonly id: number; readonly memoryOffset: number } | undefined };
}

interface MatMulArgs {
  readonly inputs: { readonly a: tf.TensorInfo; readonly b: tf.TensorInfo; readonly bias?: tf.TensorInfo; readonly preluActivationWeights?: tf.TensorInfo };
  readonly attrs: { readonly transposeA: boolean; readonly transposeB: boolean; readonly activation?: string; readonly leakyreluAlpha?: number };
  readonly backend: BackendWasm;
}

/** tfjs-backend-wasm's FusableActivation numbers for the activations XNNPACK can clamp. */
const CLAMPED_ACTIVATIONS: Readonly<Record<string, number>> = { linear: 0, relu: 1, relu6: 2 };
/** Activations applied after the product by the backend's own elementwise kernel. */
const ACTIVATION_KERNELS: Readonly<Record<string, string>> = { elu: tf.Elu, sigmoid: tf.Sigmoid, leakyrelu: tf.LeakyRelu };
const BYTES_PER_FLOAT = 4;

/** A product this kernel runs: `batch` entries of `[rows, inner]·[inner, cols]`. */
interface Plan {
  readonly batch: number;
  readonly rows: number;
  readonly inner: number;
  readonly cols: number;
  /** Whether a, b and the bias advance with the entry, or one matrix serves every entry. */
  readonly aStacked: boolean;
  readonly bStacked: boolean;
  readonly biasStacked: boolean;
  readonly outShape: number[];
  /** The clamp XNNPACK applies (FusableActivation), and the kernel that runs after it, if any. */
  readonly clamp: number;
  readonly after?: string;
}

const sizeOf = (shape: readonly number[]): number => shape.reduce((product, d) => product * d, 1);

/** The plan for this product, or null when the original kernel should run it. */
function planFor({ inputs, attrs }: MatMulArgs): Plan | null {
  const { a, b, bias, preluActivationWeights } = inputs;
  const activation = attrs.activation ?? 'linear';
  const clamp = CLAMPED_ACTIVATIONS[activation] ?? (activation in ACTIVATION_KERNELS ? 0 : undefined);
  if (attrs.transposeA || attrs.transposeB || clamp === undefined || preluActivationWeights !== undefined) return null;
  if (a.dtype !== 'float32' || b.dtype !== 'float32' || a.shape.length < 2 || b.shape.length < 2) return null;
  const batchShapeA = a.shape.slice(0, -2);
  const batchShapeB = b.shape.slice(0, -2);
  const [batchA, batchB] = [sizeOf(batchShapeA), sizeOf(batchShapeB)];
  // Two batched factors must line up entry for entry; anything fancier is tfjs's to broadcast.
  if (batchA > 1 && batchB > 1 && batchShapeA.join() !== batchShapeB.join()) return null;
  const batch = Math.max(batchA, batchB);
  if (batch <= 1) return null;
  const [rows, inner] = a.shape.slice(-2);
  const [innerB, cols] = b.shape.slice(-2);
  if (inner !== innerB || rows * inner * cols === 0) return null;
  const batchShape = batchA > 1 ? batchShapeA : batchShapeB;
  let biasStacked = false;
  if (bias !== undefined) {
    if (bias.dtype !== 'float32') return null;
    const perEntry = [...batchShape, 1, cols].join();
    biasStacked = bias.shape.join() === perEntry;
    if (!biasStacked && !(bias.shape.length === 1 && bias.shape[0] === cols)) return null;
  }
  return { batch, rows, inner, cols, aStacked: batchA > 1, bStacked: batchB > 1, biasStacked, outShape: [...batchShape, rows, cols], clamp, after: ACTIVATION_KERNELS[activation] };
}

/** Six int32s of heap per wasm module, for the two factors' shapes. */
const shapeScratch = new WeakMap<object, number>();

/** Run `plan`: one XNNPACK product per entry, on views into the stacked tensors' memory. */
function runPlan(plan: Plan, args: MatMulArgs): tf.TensorInfo {
  const { inputs, backend } = args;
  const internals = backend as unknown as WasmInternals;
  const { wasm } = internals;
  const out = backend.makeOutput(plan.outShape, 'float32');
  const record = (info: tf.TensorInfo) => {
    const data = internals.dataIdMap.get(info.dataId);
    if (data === undefined) throw new Error('wasm batched matMul: a tensor has no data on the wasm backend');
    return data;
  };
  const [a, b, target] = [record(inputs.a), record(inputs.b), record(out)];
  const bias = inputs.bias === undefined ? undefined : record(inputs.bias);
  let shapes = shapeScratch.get(wasm) ?? 0;
  if (shapes === 0) {
    shapes = wasm._malloc(6 * BYTES_PER_FLOAT) >>> 0;
    shapeScratch.set(wasm, shapes);
  }
  // When only a is stacked, its entries are one tall matrix: a single product does them all.
  const single = !plan.bStacked && !plan.biasStacked;
  const entries = single ? 1 : plan.batch;
  const rowsPerCall = single ? plan.rows * plan.batch : plan.rows;
  wasm.HEAP32.set([1, rowsPerCall, plan.inner, 1, plan.inner, plan.cols], shapes / BYTES_PER_FLOAT);
  const views: number[] = [];
  const view = (memoryOffset: number, size: number): number => {
    const id = internals.dataIdNextNumber++;
    wasm.tfjs.registerTensor(id, size, memoryOffset);
    views.push(id);
    return id;
  };
  try {
    for (let entry = 0; entry < entries; entry += 1) {
      const aSize = rowsPerCall * plan.inner;
      const aId = plan.aStacked && !single ? view(a.memoryOffset + entry * aSize * BYTES_PER_FLOAT, aSize) : a.id;
      const bSize = plan.inner * plan.cols;
      // tfjs caches an XNNPACK operator per (weights, bias) pair and files the key under both ids.
      // Per-entry calls therefore view b and the bias even where they are shared, so that disposing
      // the views frees each operator and its keys, instead of piling keys onto a long-lived tensor.
      const bId = single ? b.id : view(b.memoryOffset + (plan.bStacked ? entry * bSize * BYTES_PER_FLOAT : 0), bSize);
      const biasOffset = plan.biasStacked ? entry * plan.cols * BYTES_PER_FLOAT : 0;
      const biasId = bias === undefined ? 0 : single ? bias.id : view(bias.memoryOffset + biasOffset, plan.cols);
      const outSize = rowsPerCall * plan.cols;
      const outId = single ? target.id : view(target.memoryOffset + entry * outSize * BYTES_PER_FLOAT, outSize);
      wasm.__FusedMatMul(aId, shapes, 3, bId, shapes + 3 * BYTES_PER_FLOAT, 3, 0, 0, plan.clamp, biasId, 0, 0, outId);
    }
  } finally {
    // Disposing a view releases its tensor record and cached operator, never the memory it points into.
    views.forEach((id) => wasm.tfjs.disposeData(id));
  }
  return plan.after === undefined ? out : activateAfter(plan.after, out, args);
}

/** `kernelName` (an elementwise activation) on the product, through the backend's own kernel. */
function activateAfter(kernelName: string, product: tf.TensorInfo, { backend, attrs }: MatMulArgs): tf.TensorInfo {
  const kernel = tf.getKernel(kernelName, 'wasm');
  if (kernel === undefined) throw new Error(`wasm batched matMul: the wasm backend has no ${kernelName} kernel`);
  try {
    return kernel.kernelFunc({ inputs: { x: product }, backend, attrs: { alpha: attrs.leakyreluAlpha ?? 0.2 } }) as tf.TensorInfo;
  } finally {
    backend.disposeData(product.dataId);
  }
}

let installed = false;

/**
 * Replace the wasm backend's BatchMatMul and _FusedMatMul with versions that run stacked products
 * through XNNPACK. Call after the backend's module is imported; calling again does nothing.
 */
export function installWasmBatchedMatMul(): void {
  if (installed) return;
  const originals = [tf.getKernel(tf.BatchMatMul, 'wasm'), tf.getKernel(tf._FusedMatMul, 'wasm')];
  if (originals.some((kernel) => kernel === undefined)) return;
  installed = true;
  for (const original of originals as tf.KernelConfig[]) {
    tf.unregisterKernel(original.kernelName, 'wasm');
    tf.registerKernel({
      // The original's setup still runs when the backend starts, and it still runs what this one does not.
      ...original,
      kernelFunc: (args) => {
        const matMulArgs = args as unknown as MatMulArgs;
        const plan = planFor(matMulArgs);
        return plan === null ? original.kernelFunc(args) : runPlan(plan, matMulArgs);
      },
    });
  }
}
