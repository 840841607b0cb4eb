/** Fixed weights (and AMNL, which is fixed weights on the failure-biased RUL loss). */
import { checkObservation, taskLossesFor } from './common';
import type { StepPlan, WeightingStrategy } from './strategy';
import type { TaskLossKind } from '../losses';
import { defineStrategy } from './definition';
import { halves, numbersOf } from './hyper-schema';

/** Constant task weights; they need not sum to 1. */
export type FixedHyper = { readonly weights: readonly number[] };

/** A fixed-weight strategy, flagged when its weights do not sum to 1. */
export interface FixedStrategy extends WeightingStrategy<FixedHyper> {
  /** True when Σλ ≠ 1: the total loss is then rescaled, which acts like a different learning rate. */
  readonly sumWarning: boolean;
}

/** A named fixed-weight setting from the literature, for the book's preset buttons. */
export interface FixedPreset {
  readonly label: string;
  readonly weights: readonly [number, number];
  readonly note: string;
}

export const FIXED_PRESETS: readonly FixedPreset[] = Object.freeze([
  { label: '0.5 / 0.5', weights: [0.5, 0.5], note: 'the paper’s best fixed setting' },
  { label: '0.75 / 0.25', weights: [0.75, 0.25], note: 'an older baseline' },
  { label: '0.9 / 0.1', weights: [0.9, 0.1], note: 'RUL-dominated' },
  { label: '1 / 0', weights: [1, 0], note: 'single-task RUL' },
]);

/** True when the weights sum to something other than 1 (beyond rounding). */
export function fixedSumWarning(weights: readonly number[]): boolean {
  const total = weights.reduce((acc, w) => acc + w, 0);
  return Math.abs(total - 1) > 1e-9;
}

/** What distinguishes fixed from AMNL: the name, the label and the RUL loss. */
export interface FixedVariant {
  readonly name: 'fixed' | 'amnl';
  readonly label: string;
  readonly rulLoss: 'mse' | 'weightedMse';
}

export const FIXED_VARIANT: FixedVariant = { name: 'fixed', label: 'Fixed weights', rulLoss: 'mse' };

/** c = h = w = the given weights, at every step. */
export function createFixedStrategy(hyper: FixedHyper, variant: FixedVariant = FIXED_VARIANT): FixedStrategy {
  let weights = hyper.weights.slice();
  const taskCount = weights.length;
  const taskLosses: readonly TaskLossKind[] = taskLossesFor(taskCount, variant.rulLoss);
  return {
    name: variant.name,
    label: variant.label,
    taskCount,
    get hyper() {
      return { weights: weights.slice() };
    },
    taskLosses,
    usesGradients: false,
    get sumWarning() {
      return fixedSumWarning(weights);
    },
    plan(observation): StepPlan {
      checkObservation(observation, taskCount, false);
      return { sharedCoefficients: weights.slice(), headCoefficients: weights.slice(), weights: weights.slice() };
    },
    currentWeights: () => weights.slice(),
    snapshot: () => ({ weights: weights.slice() }),
    reset() {
      // Stateless: nothing to reset.
    },
    retune(changes) {
      const keys = Object.keys(changes);
      if (keys.some((key) => key !== 'weights')) throw new Error(`${variant.label} has only the hyperparameter "weights"`);
      if (changes.weights === undefined) return;
      const next = changes.weights;
      if (!Array.isArray(next) || next.length !== taskCount || next.some((w: unknown) => typeof w !== 'number' || !Number.isFinite(w) || w < 0)) {
        throw new Error(`strategy.hyper.weights must be an array of ${taskCount} numbers >= 0`);
      }
      weights = (next as number[]).slice();
    },
  };
}

/** The per-task weights field fixed weights and AMNL share. */
export const WEIGHTS_SCHEMA = { fields: { weights: { kind: 'perTask', min: 0 } }, defaults: (k: number) => ({ weights: halves(k) }) } as const;

export const fixedDefinition = defineStrategy({
  name: 'fixed',
  label: FIXED_VARIANT.label,
  summary: 'Constant weights chosen by hand.',
  hyper: WEIGHTS_SCHEMA,
  kind: 'stackable',
  create: (hyper) => createFixedStrategy({ weights: numbersOf(hyper, 'weights') }),
});
