/**
 * Which strategies the GPU-resident step can plan on the GPU, and with which constants. A plan here
 * is the same definition as the strategy's TypeScript plan (fixed.ts, amnl.ts, amnl-normalised.ts, gaba.ts through
 * gaba-controller.ts), written again in WGSL by resident-shader.ts; the parity test holds the two
 * together. Anything else (learnable weights, PCGrad's projections, …) keeps the fused path.
 */
import type { OptimiserConfig } from '../optimiser-config';
import { GABA_VARIANTS, type GabaStrategyHyper } from '../strategies/gaba';
import type { FixedHyper } from '../strategies/fixed';
import type { AmnlNormalisedHyper } from '../strategies/amnl-normalised';
import type { WeightingStrategy } from '../strategies/strategy';

export type ResidentCoefficients =
  | { readonly kind: 'fixed'; readonly weights: readonly [number, number] }
  | { readonly kind: 'lossNormalised'; readonly weights: readonly [number, number]; readonly floors: readonly [number, number] }
  | { readonly kind: 'gaba'; readonly rule: 'paper' | 'inverseNorm'; readonly hyper: GabaStrategyHyper };

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
  return `${strategy.name} has no GPU plan yet; it trains on the fused path`;
}

/**
 * The plan's retunable values as the step program's `hyper` uniform, read at every dispatch:
 * fixed (w₀, w₁, 0, 0); loss-normalised (w₀, w₁, floor₀, floor₁); GABA (β, 1 − β, floor, warm-up).
 * 1 − β is taken here in double, as the TypeScript controller's arithmetic rounds it.
 */
export function residentHyperUniform(plan: ResidentPlan): [number, number, number, number] {
  const c = plan.coefficients;
  if (c.kind === 'fixed') return [c.weights[0], c.weights[1], 0, 0];
  if (c.kind === 'lossNormalised') return [c.weights[0], c.weights[1], c.floors[0], c.floors[1]];
  return [c.hyper.beta, 1 - c.hyper.beta, c.hyper.minWeight, c.hyper.warmupSteps];
}
