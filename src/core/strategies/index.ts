/**
 * Building strategies from the registry (registry.ts): a loose spec in, a validated strategy out,
 * plus the descriptions the book's UI shows.
 */
import type { TaskLossKind } from '../losses';
import { DEFAULT_ADAM } from '../optimiser-config';
import type { StrategyContext, StrategyDefinition } from './definition';
import { resolveHyper, type ResolvedHyper } from './hyper-schema';
import { isStrategyName, strategyDefinition, STRATEGY_NAMES, type StrategyName } from './registry';
import type { WeightingStrategy } from './strategy';

export { FIXED_PRESETS, type FixedPreset, type FixedStrategy } from './fixed';
export {
  createGabaController,
  DEFAULT_GABA_HYPER,
  gabaClosedFormK2,
  gabaRawWeights,
  inverseNormWeights,
  type GabaController,
  type GabaHyper,
  type GabaRule,
  type GabaUpdate,
} from './gaba-controller';
export type { ResolvedHyper } from './hyper-schema';
export type { StepObservation, StepPlan, WeightingStrategy } from './strategy';
export { STRATEGY_DEFINITIONS, STRATEGY_NAMES, isStrategyName, strategyDefinition, type StrategyName } from './registry';
export type { StrategyContext, StrategyDefinition, WeightingKind } from './definition';
export type { OptimiserConfig } from '../optimiser-config';

/** Which method to build, with any hyperparameters that differ from the published defaults. */
export interface StrategySpec {
  readonly name: StrategyName;
  readonly hyper?: Readonly<Record<string, unknown>>;
}

function checkContext(context: StrategyContext): void {
  const { taskCount } = context;
  if (!Number.isInteger(taskCount) || taskCount < 2) {
    throw new Error(`context.taskCount must be an integer >= 2, got ${taskCount}`);
  }
  if (!(context.optimiser.learningRate > 0)) {
    throw new Error(`context.optimiser.learningRate must be > 0, got ${context.optimiser.learningRate}`);
  }
}

/** Build a strategy, validating the name, the context and every hyperparameter. */
export function createStrategy(spec: StrategySpec, context: StrategyContext): WeightingStrategy {
  if (!isStrategyName(spec.name)) {
    throw new Error(`strategy.name must be one of ${STRATEGY_NAMES.join(', ')}, got ${String(spec.name)}`);
  }
  checkContext(context);
  const definition = strategyDefinition(spec.name);
  return definition.create(resolveHyper(spec.name, definition.hyper, spec.hyper, context.taskCount), context);
}

/** What the book's UI shows about a method before building one. */
export interface StrategyDescription {
  readonly name: StrategyName;
  readonly label: string;
  readonly summary: string;
  /** Published defaults for `taskCount` tasks; GradNorm's weightLr is null (= the trainer's lr). */
  readonly defaultHyper: ResolvedHyper;
  readonly taskLosses: readonly TaskLossKind[];
  readonly usesGradients: boolean;
  readonly kind: StrategyDefinition['kind'];
}

export function describeStrategy(name: StrategyName, taskCount = 2): StrategyDescription {
  const definition = strategyDefinition(name);
  const example = createStrategy({ name }, { taskCount, optimiser: DEFAULT_ADAM });
  return {
    name,
    label: definition.label,
    summary: definition.summary,
    kind: definition.kind,
    defaultHyper: resolveHyper(name, definition.hyper, undefined, taskCount),
    taskLosses: example.taskLosses,
    usesGradients: example.usesGradients,
  };
}
