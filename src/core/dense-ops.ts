/**
 * Dense-layer kernels written out by hand for the backward passes that skip the gradient tape: the
 * trainer's closed-form gradients (trainer/closed-form-gradients.ts) and the stacked sweep
 * (sweep/stacked-gradients.ts). They work on single matrices and on stacks of them alike.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ModelConfig } from './model';

/** act′(z) written in terms of h = act(z), so the forward pass need not keep z. */
export function activationSlope(hidden: tf.Tensor, activation: ModelConfig['activation']): tf.Tensor {
  switch (activation) {
    case 'relu':
      return tf.step(hidden);
    case 'tanh':
      return tf.sub(tf.scalar(1), tf.square(hidden));
    case 'elu':
      // h > 0: slope 1; otherwise h = eᶻ − 1, so the slope eᶻ = h + 1.
      return tf.where(tf.greater(hidden, 0), tf.onesLike(hidden), tf.add(hidden, tf.scalar(1)));
  }
}

/**
 * act(x·W + b) as one kernel where tfjs has the activation fused (relu, elu), else two. With stacked
 * `[N, B, in]·[N, in, out]` factors the bias is `[N, 1, out]`, one row per stacked network.
 */
export function denseForward<T extends tf.Tensor>(input: T, weight: tf.Tensor, bias: tf.Tensor, activation: ModelConfig['activation']): T {
  const a = input as unknown as tf.Tensor3D;
  const b = weight as tf.Tensor3D;
  if (activation === 'tanh') return tf.tanh(tf.fused.matMul({ a, b, bias })) as unknown as T;
  return tf.fused.matMul({ a, b, bias, activation }) as unknown as T;
}

/**
 * a·b with either factor transposed (matrices, or stacks of them). tfjs-wasm runs a matMul that
 * carries a transpose flag on a slow path (5–10× slower at these sizes) while its Transpose kernel is
 * cheap, so there the transpose is taken first; the cpu, webgl and webgpu backends transpose inside
 * the matMul for free, and an extra kernel would only cost them.
 */
export function product<T extends tf.Tensor>(a: T, b: tf.Tensor, transpose: 'a' | 'b', transposed: (x: tf.Tensor) => tf.Tensor): T {
  const [x, y] = [a as unknown as tf.Tensor3D, b as tf.Tensor3D];
  if (tf.getBackend() !== 'wasm') return tf.matMul(x, y, transpose === 'a', transpose === 'b') as unknown as T;
  return (transpose === 'a' ? tf.matMul(transposed(x), y) : tf.matMul(x, transposed(y))) as unknown as T;
}

/**
 * Swaps the last two axes (each matrix of a stack transposed), taken at most once per tensor: the
 * heads all multiply by the same features.
 */
export function transposeOnce(): (x: tf.Tensor) => tf.Tensor {
  const taken = new Map<tf.Tensor, tf.Tensor>();
  return (x) => {
    const known = taken.get(x);
    if (known !== undefined) return known;
    const axes = x.shape.map((_, i) => i);
    [axes[x.rank - 2], axes[x.rank - 1]] = [axes[x.rank - 1], axes[x.rank - 2]];
    const transposed = x.rank === 2 ? tf.transpose(x) : tf.transpose(x, axes);
    taken.set(x, transposed);
    return transposed;
  };
}
