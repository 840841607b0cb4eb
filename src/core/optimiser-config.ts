/**
 * The optimiser settings a training run uses. The trainer applies them to the network; strategies
 * with learnable scalars (Uncertainty's log-variances, GradNorm's weights) reuse the same kind and
 * hyperparameters for their own small host-side optimiser, as docs/step-semantics.md requires.
 */
export type OptimiserConfig = (
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
  | { readonly kind: 'sgd'; readonly learningRate: number }
) & {
  /** Absent: the learning rate stays constant. */
  readonly schedule?: LearningRateSchedule;
};

/**
 * Linear warm-up from 0 to the configured rate over `warmupSteps`, then a half cosine down to
 * `finalFraction` of it at `totalSteps` (and held there after). A short warm-up keeps Adam's first
 * steps, whose second-moment estimate rests on a handful of gradients, from throwing the network
 * about; the decay lets a large peak rate settle into a minimum instead of circling it.
 */
export interface LearningRateSchedule {
  readonly warmupSteps: number;
  readonly totalSteps: number;
  readonly finalFraction: number;
}

/** The learning rate of update `t` (1-based) under `config`'s schedule, or its constant rate. */
export function learningRateAt(config: OptimiserConfig, t: number): number {
  const schedule = config.schedule;
  if (!schedule) return config.learningRate;
  if (t <= schedule.warmupSteps) return (config.learningRate * t) / Math.max(schedule.warmupSteps, 1);
  const span = Math.max(schedule.totalSteps - schedule.warmupSteps, 1);
  const progress = Math.min((t - schedule.warmupSteps) / span, 1);
  const floor = schedule.finalFraction;
  return config.learningRate * (floor + (1 - floor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
}

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
