/**
 * The optimiser settings a training run uses. The trainer applies them to the network; strategies
 * with learnable scalars (Uncertainty's log-variances, GradNorm's weights) reuse the same kind and
 * hyperparameters for their own small host-side optimiser, as docs/step-semantics.md requires.
 */
export type OptimiserConfig =
  | {
      readonly kind: 'adam';
      readonly learningRate: number;
      /** Decay of the first-moment estimate. */
      readonly beta1: number;
      /** Decay of the second-moment estimate. */
      readonly beta2: number;
      /** Added to √v̂ in the denominator (PyTorch's placement and default, not tfjs's 1e-7). */
      readonly epsilon: number;
    }
  | { readonly kind: 'sgd'; readonly learningRate: number };

/** PyTorch's Adam defaults: lr 1e-3, β1 0.9, β2 0.999, ε 1e-8. */
export const DEFAULT_ADAM: OptimiserConfig = Object.freeze({
  kind: 'adam',
  learningRate: 1e-3,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
});

/** The same optimiser with another learning rate (GradNorm's optional weightLr). */
export function withLearningRate(config: OptimiserConfig, learningRate: number): OptimiserConfig {
  return { ...config, learningRate };
}
