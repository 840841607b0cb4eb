/**
 * The strategy registry: every weighting method by name, built from a loose spec with validated
 * hyperparameters, plus the descriptions the book's UI shows.
 */
import { DEFAULT_ADAM, type OptimiserConfig } from '../optimiser-config';
import { createAmnlStrategy } from './amnl';
import { createAmnlNormalisedStrategy } from './amnl-normalised';
import { createDwaStrategy } from './dwa';
import { createFixedStrategy } from './fixed';
import { createGabaStrategy, GABA_VARIANTS } from './gaba';
import { createGradNormStrategy } from './gradnorm';
import { resolveHyper, type ResolvedHyper } from './hyper-schema';
import { createPcgradStrategy } from './pcgrad';
import type { TaskLossKind } from '../losses';
import type { StrategyName, WeightingStrategy } from './strategy';
import { createUncertaintyStrategy } from './uncertainty';

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
export type { StepObservation, StepPlan, StrategyName, WeightingStrategy } from './strategy';
export type { OptimiserConfig } from '../optimiser-config';

/** Which method to build, with any hyperparameters that differ from the published defaults. */
export interface StrategySpec {
  readonly name: StrategyName;
  readonly hyper?: Readonly<Record<string, unknown>>;
}

/** What a strategy needs from the run it belongs to. */
export interface StrategyContext {
  readonly taskCount: number;
  /** The trainer's optimiser; learnable-scalar methods reuse its kind and hyperparameters. */
  readonly optimiser: OptimiserConfig;
}

/** Every method, in the order the book introduces them. */
export const STRATEGY_NAMES: readonly StrategyName[] = Object.freeze([
  'fixed',
  'amnl',
  'amnlNormalised',
  'uncertainty',
  'gradnorm',
  'dwa',
  'pcgrad',
  'gaba',
  'gabaInverseNorm',
  'grace',
]);

const SUMMARIES: Readonly<Record<StrategyName, string>> = {
  fixed: 'Constant weights chosen by hand.',
  amnl: 'Fixed 0.5 / 0.5 with a failure-biased weighted MSE on RUL.',
  amnlNormalised: 'AMNL with each loss divided by its own detached value, so both terms sit near 1.',
  uncertainty: 'Learns a log-variance per task; each loss is scaled by its learned precision.',
  gradnorm: 'Learns weights that equalise weighted gradient norms on the last shared layer, paced by training rates.',
  dwa: 'Weights from how fast each loss fell over the previous blocks of steps, through a softmax.',
  pcgrad: 'Removes the part of each task gradient that conflicts with another before summing.',
  gaba: 'Weights each task by the other tasks’ share of the total gradient norm, smoothed by an EMA.',
  gabaInverseNorm: 'GABA with weights proportional to 1/‖g_k‖, which equalises λ_k‖g_k‖ for any K.',
  grace: 'GABA’s weights applied to AMNL’s losses.',
};

const num = (hyper: ResolvedHyper, key: string): number => {
  const value = hyper[key];
  if (typeof value !== 'number') throw new Error(`strategy.hyper.${key} must be a number`);
  return value;
};
const numbers = (hyper: ResolvedHyper, key: string): number[] => {
  const value = hyper[key];
  if (!Array.isArray(value)) throw new Error(`strategy.hyper.${key} must be an array of numbers`);
  return value.slice();
};

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
  if (!STRATEGY_NAMES.includes(spec.name)) {
    throw new Error(`strategy.name must be one of ${STRATEGY_NAMES.join(', ')}, got ${String(spec.name)}`);
  }
  checkContext(context);
  const { taskCount, optimiser } = context;
  const hyper = resolveHyper(spec.name, spec.hyper, taskCount);
  const gaba = () => ({
    beta: num(hyper, 'beta'),
    warmupSteps: num(hyper, 'warmupSteps'),
    minWeight: num(hyper, 'minWeight'),
    epsilon: num(hyper, 'epsilon'),
  });
  switch (spec.name) {
    case 'fixed':
      return createFixedStrategy({ weights: numbers(hyper, 'weights') });
    case 'amnl':
      return createAmnlStrategy({ weights: numbers(hyper, 'weights') });
    case 'amnlNormalised':
      return createAmnlNormalisedStrategy({ weights: numbers(hyper, 'weights'), floors: numbers(hyper, 'floors') });
    case 'uncertainty':
      return createUncertaintyStrategy(
        { form: hyper.form === 'libmtl' ? 'libmtl' : 'paper', initialLogVariance: num(hyper, 'initialLogVariance') },
        taskCount,
        optimiser,
      );
    case 'gradnorm':
      return createGradNormStrategy(
        { alpha: num(hyper, 'alpha'), weightLr: hyper.weightLr === null ? null : num(hyper, 'weightLr') },
        taskCount,
        optimiser,
      );
    case 'dwa':
      return createDwaStrategy({ temperature: num(hyper, 'temperature'), blockSize: num(hyper, 'blockSize') }, taskCount);
    case 'pcgrad':
      return createPcgradStrategy({ seed: num(hyper, 'seed') }, taskCount);
    case 'gaba':
    case 'gabaInverseNorm':
    case 'grace':
      return createGabaStrategy(gaba(), taskCount, GABA_VARIANTS[spec.name]);
  }
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
}

export function describeStrategy(name: StrategyName, taskCount = 2): StrategyDescription {
  const example = createStrategy({ name }, { taskCount, optimiser: DEFAULT_ADAM });
  return {
    name,
    label: example.label,
    summary: SUMMARIES[name],
    defaultHyper: resolveHyper(name, undefined, taskCount),
    taskLosses: example.taskLosses,
    usesGradients: example.usesGradients,
  };
}
