/**
 * The Gramian family as training strategies: each method's file (mgda.ts, …) turns its pure
 * coefficient function into a WeightingStrategy through this one builder, and declares which head
 * coefficients it implies (docs/gramian-methods.md, "Heads"; docs/step-semantics.md):
 * 'unit' for the methods that overwrite the shared gradient after one backward pass per loss
 * (every head keeps its own loss's gradient), 'coefficients' for those that backpropagate Σ c_k L_k.
 */
import { checkObservation, normaliseToSum, taskLossesFor } from '../common';
import { defineStrategy, type StrategyDefinition } from '../definition';
import type { HyperSchema, ResolvedHyper } from '../hyper-schema';
import type { Hyperparameters, StepObservation, StepPlan, WeightingStrategy } from '../strategy';

export type HeadRule = 'unit' | 'coefficients';

/** One step of a method: its coefficients, optionally its display weights, and its next state. */
export interface CoefficientStep<S> {
  readonly coefficients: readonly number[];
  /** Shown weights; default c normalised to sum 1. */
  readonly weights?: readonly number[];
  readonly state: S;
}

/** What a method builds from its validated hyperparameters. */
export interface CoefficientRule<S, H extends Hyperparameters> {
  readonly hyper: H;
  /** The fresh state (also after reset): seeded random streams, EMA targets, logits… */
  readonly start: (taskCount: number) => S;
  readonly step: (observation: StepObservation, state: S) => CoefficientStep<S>;
  /** A JSON-safe view of the state. */
  readonly snapshot?: (state: S) => Readonly<Record<string, number | readonly number[]>>;
}

/** A member of the family as the registry sees it. */
export interface CoefficientDefinition<N extends string, S, H extends Hyperparameters> {
  readonly name: N;
  readonly label: string;
  readonly summary: string;
  readonly hyper: HyperSchema;
  readonly heads: HeadRule;
  /** False for the loss-only methods (RLW, GLS, FAMO, STCH): the trainer may skip the Gramian. */
  readonly usesGradients: boolean;
  readonly rule: (hyper: ResolvedHyper, taskCount: number) => CoefficientRule<S, H>;
}

export function defineCoefficientStrategy<N extends string, S, H extends Hyperparameters>(
  definition: CoefficientDefinition<N, S, H>,
): StrategyDefinition<N> {
  return defineStrategy({
    name: definition.name,
    label: definition.label,
    summary: definition.summary,
    hyper: definition.hyper,
    kind: 'adaptive',
    create: (hyper, { taskCount }) => createCoefficientStrategy(definition, definition.rule(hyper, taskCount), taskCount),
  });
}

function createCoefficientStrategy<N extends string, S, H extends Hyperparameters>(
  method: CoefficientDefinition<N, S, H>,
  rule: CoefficientRule<S, H>,
  taskCount: number,
): WeightingStrategy<H> {
  let state = rule.start(taskCount);
  let step = 0;
  let lastWeights = new Array<number>(taskCount).fill(1 / taskCount);
  return {
    name: method.name,
    label: method.label,
    taskCount,
    hyper: rule.hyper,
    taskLosses: taskLossesFor(taskCount, 'mse'),
    usesGradients: method.usesGradients,
    plan(observation): StepPlan {
      checkObservation(observation, taskCount, method.usesGradients);
      const result = rule.step(observation, state);
      const coefficients = result.coefficients.slice();
      state = result.state;
      step += 1;
      lastWeights = (result.weights ?? normaliseToSum(coefficients)).slice();
      return {
        sharedCoefficients: coefficients,
        headCoefficients: method.heads === 'unit' ? new Array<number>(taskCount).fill(1) : coefficients.slice(),
        weights: lastWeights.slice(),
      };
    },
    currentWeights: () => lastWeights.slice(),
    snapshot: () => ({ step, ...(rule.snapshot?.(state) ?? {}) }),
    reset() {
      state = rule.start(taskCount);
      step = 0;
      lastWeights = new Array<number>(taskCount).fill(1 / taskCount);
    },
  };
}

/** For the stateless methods. */
export const NO_STATE = (): null => null;
