/**
 * GradNorm (Chen et al. 2018): learnable weights w_k (Σw = K) pushed so that each task's weighted
 * gradient norm on the last shared layer, w_k·n_k, tracks a target set by its relative training rate.
 */
import { withLearningRate, type OptimiserConfig } from '../optimiser-config';
import { checkObservation, normaliseToSum, taskLossesFor } from './common';
import { createScalarOptimiser } from './scalar-optimiser';
import type { StepPlan, WeightingStrategy } from './strategy';
import { defineStrategy } from './definition';
import { numberOf } from './hyper-schema';

/** weightLr is resolved: the trainer's learning rate when the spec gave none. */
export type GradNormHyper = { readonly alpha: number; readonly weightLr: number };

/** The pieces of one GradNorm weight update, all plain numbers. */
export interface GradNormTerms {
  /** G_k = w_k·n_k. */
  readonly weightedNorms: number[];
  /** T_k = Ḡ·r_k^α. */
  readonly targets: number[];
  /** r_k = (L_k/L_k(0)) / mean_j (L_j/L_j(0)). */
  readonly inverseRates: number[];
  /** ∂L_grad/∂w_k = sign(G_k − T_k)·n_k with T held constant. */
  readonly gradient: number[];
}

// #region listing:gradnorm-terms
/** One step's GradNorm terms. A task whose first loss was 0 counts as training at the average rate. */
export function gradNormTerms(
  weights: readonly number[],
  lastLayerNorms: readonly number[],
  losses: readonly number[],
  initialLosses: readonly number[],
  alpha: number,
): GradNormTerms {
  const taskCount = weights.length;
  const weightedNorms = weights.map((w, k) => w * lastLayerNorms[k]);
  const meanNorm = weightedNorms.reduce((acc, g) => acc + g, 0) / taskCount;
  const ratios = losses.map((loss, k) => (initialLosses[k] > 0 ? loss / initialLosses[k] : 1));
  const meanRatio = ratios.reduce((acc, r) => acc + r, 0) / taskCount;
  const inverseRates = ratios.map((r) => (meanRatio > 0 ? r / meanRatio : 1));
  const targets = inverseRates.map((r) => meanNorm * r ** alpha);
  const gradient = weightedNorms.map((g, k) => Math.sign(g - targets[k]) * lastLayerNorms[k]);
  return { weightedNorms, targets, inverseRates, gradient };
}
// #endregion listing:gradnorm-terms

/**
 * A step can carry a weight below 0, and a negative weight makes the trainer climb that task's loss.
 * Cutting at 0 before renormalising keeps w_k ≥ 0; a task at 0 has G_k = 0 < T_k and is pushed back up.
 */
export function clampAtZero(values: readonly number[]): number[] {
  return values.map((v) => Math.max(0, v));
}

export function createGradNormStrategy(
  hyper: { readonly alpha: number; readonly weightLr: number | null },
  taskCount: number,
  optimiser: OptimiserConfig,
): WeightingStrategy<GradNormHyper> {
  const weightLr = hyper.weightLr ?? optimiser.learningRate;
  const scalarOptimiser = createScalarOptimiser(withLearningRate(optimiser, weightLr), taskCount);
  let weights = new Array<number>(taskCount).fill(1);
  let initialLosses: number[] | null = null;
  let step = 0;
  return {
    name: 'gradnorm',
    label: 'GradNorm',
    taskCount,
    hyper: { alpha: hyper.alpha, weightLr },
    taskLosses: taskLossesFor(taskCount, 'mse'),
    usesGradients: true,
    plan(observation): StepPlan {
      checkObservation(observation, taskCount, false);
      if (observation.lastLayerNorms.length !== taskCount) {
        throw new Error(`expected ${taskCount} last-layer norms, got ${observation.lastLayerNorms.length}`);
      }
      initialLosses ??= observation.losses.slice();
      const used = weights.slice();
      const terms = gradNormTerms(used, observation.lastLayerNorms, observation.losses, initialLosses, hyper.alpha);
      weights = normaliseToSum(clampAtZero(scalarOptimiser.step(used, terms.gradient)), taskCount);
      step += 1;
      return { sharedCoefficients: used, headCoefficients: used.slice(), weights: used.map((w) => w / taskCount) };
    },
    currentWeights: () => weights.map((w) => w / taskCount),
    snapshot: () => ({ step, weights: weights.slice(), initialLosses: initialLosses ? initialLosses.slice() : [] }),
    reset() {
      weights = new Array<number>(taskCount).fill(1);
      initialLosses = null;
      step = 0;
      scalarOptimiser.reset();
    },
  };
}

export const gradNormDefinition = defineStrategy({
  name: 'gradnorm',
  label: 'GradNorm',
  summary: 'Learns weights that equalise weighted gradient norms on the last shared layer, paced by training rates.',
  hyper: {
    fields: { alpha: { kind: 'number', min: 0 }, weightLr: { kind: 'number', min: 0, minOpen: true, nullable: true } },
    defaults: () => ({ alpha: 1.5, weightLr: null }),
  },
  kind: 'adaptive',
  create: (hyper, { taskCount, optimiser }) =>
    createGradNormStrategy(
      { alpha: numberOf(hyper, 'alpha'), weightLr: hyper.weightLr === null ? null : numberOf(hyper, 'weightLr') },
      taskCount,
      optimiser,
    ),
});
