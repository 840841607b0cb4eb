/**
 * AMNL-normalised: each loss divided by its own detached current value (with a floor), so every
 * term is near 1 and its gradient becomes ∇L_k / L_k.
 */
import { checkObservation, normaliseToSum, taskLossesFor } from './common';
import type { StepPlan, WeightingStrategy } from './strategy';
import { defineStrategy } from './definition';
import { halves, numbersOf } from './hyper-schema';

export type AmnlNormalisedHyper = {
  readonly weights: readonly number[];
  /** Per-task floor on the divisor, so a loss near 0 is not blown up. */
  readonly floors: readonly number[];
};

// #region listing:amnl-normalised
/** c_k = weights_k / max(L_k, floor_k). */
export function amnlNormalisedCoefficients(
  losses: readonly number[],
  weights: readonly number[],
  floors: readonly number[],
): number[] {
  return losses.map((loss, k) => weights[k] / Math.max(loss, floors[k]));
}
// #endregion listing:amnl-normalised

export function createAmnlNormalisedStrategy(hyper: AmnlNormalisedHyper): WeightingStrategy<AmnlNormalisedHyper> {
  const weights = hyper.weights.slice();
  const floors = hyper.floors.slice();
  const taskCount = weights.length;
  let lastCoefficients: number[] | null = null;
  return {
    name: 'amnlNormalised',
    label: 'AMNL (normalised)',
    taskCount,
    hyper: { weights, floors },
    taskLosses: taskLossesFor(taskCount, 'weightedMse'),
    usesGradients: false,
    plan(observation): StepPlan {
      checkObservation(observation, taskCount, false);
      const coefficients = amnlNormalisedCoefficients(observation.losses, weights, floors);
      lastCoefficients = coefficients;
      return {
        sharedCoefficients: coefficients,
        headCoefficients: coefficients.slice(),
        weights: normaliseToSum(coefficients),
      };
    },
    // Before any loss is seen the shown weights are the nominal ones, normalised.
    currentWeights: () => normaliseToSum(lastCoefficients ?? weights),
    snapshot: () => ({ coefficients: lastCoefficients ? lastCoefficients.slice() : [] }),
    reset() {
      lastCoefficients = null;
    },
  };
}

export const amnlNormalisedDefinition = defineStrategy({
  name: 'amnlNormalised',
  label: 'AMNL (normalised)',
  summary: 'AMNL with each loss divided by its own detached value, so both terms sit near 1.',
  hyper: {
    fields: { weights: { kind: 'perTask', min: 0 }, floors: { kind: 'perTask', min: 0, minOpen: true } },
    defaults: (k) => ({ weights: halves(k), floors: Array.from({ length: k }, (_, i) => (i === 0 ? 1.0 : 0.1)) }),
  },
  kind: 'adaptive',
  create: (hyper) => createAmnlNormalisedStrategy({ weights: numbersOf(hyper, 'weights'), floors: numbersOf(hyper, 'floors') }),
});
