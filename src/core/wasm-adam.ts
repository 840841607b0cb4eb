/**
 * Adam's moment and update arithmetic (trainer/optimiser.ts) as one wasm kernel: one pass over the
 * heap instead of ~12 elementwise kernels, each of which costs a dispatch through tfjs (a few µs) for
 * vectors of a few thousand values. Every operation is rounded to float32 (Math.fround) in the same
 * order as the tfjs kernels it replaces, so the results are the same bits.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** Kernel name, registered for the wasm backend only. */
export const ADAM_STEP = 'BalancingActAdamStep';

/** The factors of one step, as float32 values (the scalars the tfjs formulation multiplies by). */
export interface AdamStepAttrs {
  readonly beta1: number;
  readonly oneMinusBeta1: number;
  readonly beta2: number;
  readonly oneMinusBeta2: number;
  readonly epsilon: number;
  readonly secondCorrectionRoot: number;
  readonly stepSize: number;
}

interface KernelArgs {
  readonly inputs: { direction: tf.TensorInfo; firstMoment: tf.TensorInfo; secondMoment: tf.TensorInfo };
  readonly attrs: tf.NamedAttrMap;
  readonly backend: BackendWasm;
}

/** `[m′, v′, update]` from the direction d and the moments m, v. */
function adamStep({ inputs, attrs, backend }: KernelArgs): tf.TensorInfo[] {
  const f = Math.fround;
  const a = attrs as unknown as AdamStepAttrs;
  const [beta1, oneMinusBeta1, beta2, oneMinusBeta2, epsilon, root, stepSize] = [a.beta1, a.oneMinusBeta1, a.beta2, a.oneMinusBeta2, a.epsilon, a.secondCorrectionRoot, a.stepSize].map(f);
  const shape = inputs.direction.shape;
  const outputs = [0, 1, 2].map(() => backend.makeOutput(shape, 'float32'));
  // Views are taken after the last makeOutput: a malloc may grow the heap and detach older views.
  const [m, v, update] = outputs.map((out) => backend.typedArrayFromHeap(out) as Float32Array);
  const d = backend.typedArrayFromHeap(inputs.direction) as Float32Array;
  const m0 = backend.typedArrayFromHeap(inputs.firstMoment) as Float32Array;
  const v0 = backend.typedArrayFromHeap(inputs.secondMoment) as Float32Array;
  for (let i = 0; i < d.length; i += 1) {
    // m = β1·m + (1 − β1)·d;  v = β2·v + ((d·d)·(1 − β2));  update = (m / (√v / r + ε))·stepSize.
    const mi = f(f(m0[i] * beta1) + f(d[i] * oneMinusBeta1));
    const vi = f(f(v0[i] * beta2) + f(f(d[i] * d[i]) * oneMinusBeta2));
    m[i] = mi;
    v[i] = vi;
    update[i] = f(f(mi / f(f(f(Math.sqrt(vi)) / root) + epsilon)) * stepSize);
  }
  return outputs;
}

let installed = false;

/** Register the kernel for the wasm backend; calling again does nothing. */
export function installWasmAdam(): void {
  if (installed) return;
  installed = true;
  tf.registerKernel({ kernelName: ADAM_STEP, backendName: 'wasm', kernelFunc: (args) => adamStep(args as unknown as KernelArgs) });
}

/** Whether the active backend has the kernel (tfjs-wasm with it installed). */
export function hasWasmAdam(): boolean {
  return tf.getBackend() === 'wasm' && tf.getKernel(ADAM_STEP, 'wasm') !== undefined;
}
