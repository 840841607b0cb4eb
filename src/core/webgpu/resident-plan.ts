/**
 * Which strategies the GPU-resident step can plan on the GPU, and with which constants. A plan here
 * is the same definition as the strategy's TypeScript plan (src/core/strategies/), written again in
 * WGSL by one file of plans/; the plan harness test and the parity test hold the two together.
 * Everything else keeps the fused path, with the reason FUSED_PATH_REASONS gives.
 */
import type { OptimiserConfig } from '../optimiser-config';
import { GABA_VARIANTS, type GabaStrategyHyper } from '../strategies/gaba';
import type { FixedHyper } from '../strategies/fixed';
import type { AmnlNormalisedHyper } from '../strategies/amnl-normalised';
import type { DwaHyper } from '../strategies/dwa';
import type { GradNormHyper } from '../strategies/gradnorm';
import type { UncertaintyHyper } from '../strategies/uncertainty';
import type { WeightingStrategy } from '../strategies/strategy';
import { FUSED_PATH_REASONS } from './fused-path-reasons';

export type ResidentCoefficients =
  | { readonly kind: 'fixed'; readonly weights: readonly [number, number] }
  | { readonly kind: 'lossNormalised'; readonly weights: readonly [number, number]; readonly floors: readonly [number, number] }
  | { readonly kind: 'gaba'; readonly rule: 'paper' | 'inverseNorm'; readonly hyper: GabaStrategyHyper }
  | { readonly kind: 'uncertainty'; readonly hyper: UncertaintyHyper }
  | { readonly kind: 'dwa'; readonly hyper: DwaHyper }
  | { readonly kind: 'pcgrad' }
  | { readonly kind: 'mgda' }
  | { readonly kind: 'upgrad' }
  | { readonly kind: 'dualProj' }
  | { readonly kind: 'gradnorm'; readonly hyper: GradNormHyper };

/** Everything the step program bakes in besides the data sizes. */
export interface ResidentPlan {
  readonly strategy: string;
  /** The RUL task's loss; the health task is always cross-entropy. */
  readonly rulLoss: 'mse' | 'weightedMse';
  readonly coefficients: ResidentCoefficients;
  readonly optimiser: OptimiserConfig;
}

const isGabaName = (name: string): name is keyof typeof GABA_VARIANTS => name in GABA_VARIANTS;

/** The GPU plan of `strategy`, or a sentence saying why it has none. */
export function residentPlanFor(strategy: WeightingStrategy, optimiser: OptimiserConfig): ResidentPlan | string {
  if (strategy.taskCount !== 2) return `the GPU-resident step trains two tasks; ${strategy.name} has ${strategy.taskCount}`;
  const [rulLoss, healthLoss] = strategy.taskLosses;
  if ((rulLoss !== 'mse' && rulLoss !== 'weightedMse') || healthLoss !== 'crossEntropy') {
    return `${strategy.name} trains on losses the GPU-resident step does not compute (${strategy.taskLosses.join(', ')})`;
  }
  if (strategy.name === 'fixed' || strategy.name === 'amnl') {
    const { weights } = strategy.hyper as FixedHyper;
    return { strategy: strategy.name, rulLoss, coefficients: { kind: 'fixed', weights: [weights[0], weights[1]] }, optimiser };
  }
  if (strategy.name === 'amnlNormalised') {
    const { weights, floors } = strategy.hyper as AmnlNormalisedHyper;
    const coefficients = { kind: 'lossNormalised', weights: [weights[0], weights[1]], floors: [floors[0], floors[1]] } as const;
    return { strategy: strategy.name, rulLoss, coefficients, optimiser };
  }
  if (isGabaName(strategy.name)) {
    const hyper = strategy.hyper as GabaStrategyHyper;
    return { strategy: strategy.name, rulLoss, coefficients: { kind: 'gaba', rule: GABA_VARIANTS[strategy.name].rule, hyper }, optimiser };
  }
  const coefficients = learnedOrGramianCoefficients(strategy);
  if (coefficients !== null) return { strategy: strategy.name, rulLoss, coefficients, optimiser };
  return FUSED_PATH_REASONS[strategy.name] ?? `${strategy.name} has no GPU plan; it trains on the fused path`;
}

function learnedOrGramianCoefficients(strategy: WeightingStrategy): ResidentCoefficients | null {
  switch (strategy.name) {
    case 'uncertainty':
      return { kind: 'uncertainty', hyper: strategy.hyper as UncertaintyHyper };
    case 'dwa':
      return { kind: 'dwa', hyper: strategy.hyper as DwaHyper };
    case 'pcgrad':
      return { kind: 'pcgrad' };
    case 'mgda':
      return { kind: 'mgda' };
    case 'upgrad':
      return { kind: 'upgrad' };
    case 'dualProj':
      return { kind: 'dualProj' };
    case 'gradnorm':
      return { kind: 'gradnorm', hyper: strategy.hyper as GradNormHyper };
    default:
      return null;
  }
}

/**
 * The plan's retunable values as the step program's `hyper` uniform, read at every dispatch:
 * fixed (w₀, w₁, 0, 0); loss-normalised (w₀, w₁, floor₀, floor₁); GABA (β, 1 − β, floor, warm-up);
 * zeros for the plans with nothing retunable (their settings are compiled into the program).
 * 1 − β is taken here in double, as the TypeScript controller's arithmetic rounds it.
 */
export function residentHyperUniform(plan: ResidentPlan): [number, number, number, number] {
  const c = plan.coefficients;
  if (c.kind === 'fixed') return [c.weights[0], c.weights[1], 0, 0];
  if (c.kind === 'lossNormalised') return [c.weights[0], c.weights[1], c.floors[0], c.floors[1]];
  if (c.kind === 'gaba') return [c.hyper.beta, 1 - c.hyper.beta, c.hyper.minWeight, c.hyper.warmupSteps];
  return [0, 0, 0, 0];
}
