import type * as tf from '@tensorflow/tfjs-core';

/**
 * Every task's loss and gradients before any summary is taken, whichever way they were computed
 * (the replica trick in fused-step.ts, or by hand in closed-form-gradients.ts).
 */
export interface PerTaskGradients {
  /** `[K]` task losses. */
  readonly losses: tf.Tensor1D;
  /** Per shared tensor (W0, b0, W1, b1, …): `[K, …shape]`, slice k = ∇ L_k. */
  readonly sharedGradients: tf.Tensor[];
  /** Per head tensor (V0, c0, V1, c1, …): ∇_{θ_k} L_k of the task that head belongs to. */
  readonly headGradients: tf.Tensor[];
}
