/**
 * Uncertainty weighting (Kendall, Gal, Cipolla 2018): a learnable log-variance s_k per task; the
 * task term is f_k(s_k)·L_k + ½s_k. The s_k are stepped by a host-side copy of the trainer's
 * optimiser, so the model's update uses the factors before this step's s update.
 */
import type { OptimiserConfig } from '../optimiser-config';
import { checkObservation, taskLossesFor } from './common';
import { createScalarOptimiser } from './scalar-optimiser';
import type { StepPlan, WeightingStrategy } from './strategy';
import type { TaskLossKind } from '../losses';
import { defineStrategy } from './definition';
import { choiceOf, numberOf } from './hyper-schema';

/** 'paper': ½e^{−s} for regression, e^{−s} for classification. 'libmtl': ½e^{−s} for every task. */
export type UncertaintyForm = 'paper' | 'libmtl';

export type UncertaintyHyper = {
  readonly form: UncertaintyForm;
  /** Starting value of every s_k = log σ_k². */
  readonly initialLogVariance: number;
};

// #region listing:uncertainty-factors
/** The factor in front of each L_k for the current log-variances. */
export function uncertaintyFactors(
  logVariances: readonly number[],
  taskLosses: readonly TaskLossKind[],
  form: UncertaintyForm,
): number[] {
  return logVariances.map((s, k) => {
    const classification = taskLosses[k] === 'crossEntropy';
    const scale = classification && form === 'paper' ? 1 : 0.5;
    return scale * Math.exp(-s);
  });
}

/** ∂/∂s_k of f_k(s_k)·L_k + ½s_k = −f_k·L_k + ½ (both forms, since f_k ∝ e^{−s_k}). */
export function uncertaintyLogVarianceGradient(factors: readonly number[], losses: readonly number[]): number[] {
  return factors.map((f, k) => -f * losses[k] + 0.5);
}
// #endregion listing:uncertainty-factors

export function createUncertaintyStrategy(
  hyper: UncertaintyHyper,
  taskCount: number,
  optimiser: OptimiserConfig,
): WeightingStrategy<UncertaintyHyper> {
  const taskLosses = taskLossesFor(taskCount, 'mse');
  const scalarOptimiser = createScalarOptimiser(optimiser, taskCount);
  const initial = (): number[] => new Array<number>(taskCount).fill(hyper.initialLogVariance);
  let logVariances = initial();
  let step = 0;
  const factors = (): number[] => uncertaintyFactors(logVariances, taskLosses, hyper.form);
  return {
    name: 'uncertainty',
    label: 'Uncertainty weighting',
    taskCount,
    hyper: { form: hyper.form, initialLogVariance: hyper.initialLogVariance },
    taskLosses,
    usesGradients: false,
    plan(observation): StepPlan {
      checkObservation(observation, taskCount, false);
      const current = factors();
      const gradient = uncertaintyLogVarianceGradient(current, observation.losses);
      logVariances = scalarOptimiser.step(logVariances, gradient);
      step += 1;
      return { sharedCoefficients: current, headCoefficients: current.slice(), weights: current.slice() };
    },
    currentWeights: factors,
    snapshot: () => ({ step, logVariances: logVariances.slice(), factors: factors() }),
    reset() {
      logVariances = initial();
      step = 0;
      scalarOptimiser.reset();
    },
  };
}

export const uncertaintyDefinition = defineStrategy({
  name: 'uncertainty',
  label: 'Uncertainty weighting',
  summary: 'Learns a log-variance per task; each loss is scaled by its learned precision.',
  hyper: {
    fields: { form: { kind: 'choice', values: ['paper', 'libmtl'] }, initialLogVariance: { kind: 'number' } },
    defaults: () => ({ form: 'paper', initialLogVariance: 0 }),
  },
  kind: 'adaptive',
  create: (hyper, { taskCount, optimiser }) =>
    createUncertaintyStrategy(
      { form: choiceOf(hyper, 'form', ['paper', 'libmtl'] as const), initialLogVariance: numberOf(hyper, 'initialLogVariance') },
      taskCount,
      optimiser,
    ),
});
