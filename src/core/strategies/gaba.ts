/**
 * GABA, its inverse-norm variant and GRACE (GABA's weights on AMNL's losses) as training
 * strategies: the shared-gradient norms √G_kk feed the standalone GABA controller.
 */
import { normsFromGramian } from '../gramian';
import { checkObservation, taskLossesFor } from './common';
import { createGabaController, GABA_SCHEMA, type GabaHyper, type GabaRule } from './gaba-controller';
import type { StepPlan, WeightingStrategy } from './strategy';
import { defineStrategy } from './definition';
import { numberOf, type ResolvedHyper } from './hyper-schema';

export type GabaStrategyHyper = {
  readonly beta: number;
  readonly warmupSteps: number;
  readonly minWeight: number;
  readonly epsilon: number;
};

/** What distinguishes gaba, gabaInverseNorm and grace. */
export interface GabaVariant {
  readonly name: 'gaba' | 'gabaInverseNorm' | 'grace';
  readonly label: string;
  readonly rule: GabaRule;
  readonly rulLoss: 'mse' | 'weightedMse';
}

export const GABA_VARIANTS: Readonly<Record<GabaVariant['name'], GabaVariant>> = Object.freeze({
  gaba: { name: 'gaba', label: 'GABA', rule: 'paper', rulLoss: 'mse' },
  gabaInverseNorm: { name: 'gabaInverseNorm', label: 'GABA (inverse-norm)', rule: 'inverseNorm', rulLoss: 'mse' },
  grace: { name: 'grace', label: 'GRACE', rule: 'paper', rulLoss: 'weightedMse' },
});

/** The GABA fields of a loose object; anything else is refused by name. */
function pickGabaHyper(hyper: Readonly<Record<string, unknown>>): Partial<GabaHyper> {
  const known = ['beta', 'warmupSteps', 'minWeight', 'epsilon'];
  const unknown = Object.keys(hyper).filter((key) => !known.includes(key));
  if (unknown.length > 0) throw new Error(`GABA has no hyperparameter ${unknown.map((key) => `"${key}"`).join(', ')}`);
  const picked: Record<string, number> = {};
  for (const key of Object.keys(hyper)) {
    const value = hyper[key];
    if (typeof value !== 'number') throw new Error(`strategy.hyper.${key} must be a number`);
    picked[key] = value;
  }
  return picked;
}

export function createGabaStrategy(
  hyper: GabaHyper,
  taskCount: number,
  variant: GabaVariant = GABA_VARIANTS.gaba,
): WeightingStrategy<GabaStrategyHyper> {
  const controller = createGabaController({ ...hyper, taskCount, rule: variant.rule });
  return {
    name: variant.name,
    label: variant.label,
    taskCount,
    get hyper() {
      return { ...controller.hyper };
    },
    taskLosses: taskLossesFor(taskCount, variant.rulLoss),
    usesGradients: true,
    plan(observation): StepPlan {
      checkObservation(observation, taskCount, true);
      const update = controller.update(normsFromGramian(observation.sharedGramian));
      const weights = update.weights.slice();
      return { sharedCoefficients: weights, headCoefficients: weights.slice(), weights: weights.slice() };
    },
    currentWeights: () => controller.currentWeights(),
    snapshot: () => controller.snapshot(),
    reset: () => controller.reset(),
    retune: (hyper) => controller.retune(pickGabaHyper(hyper)),
  };
}

const gabaHyper = (hyper: ResolvedHyper): GabaHyper => ({
  beta: numberOf(hyper, 'beta'),
  warmupSteps: numberOf(hyper, 'warmupSteps'),
  minWeight: numberOf(hyper, 'minWeight'),
  epsilon: numberOf(hyper, 'epsilon'),
});

/** One definition per variant: they share GABA's schema and controller and differ in rule and losses. */
const gabaFamilyDefinition = (name: GabaVariant['name'], summary: string) =>
  defineStrategy({
    name,
    label: GABA_VARIANTS[name].label,
    summary,
    hyper: GABA_SCHEMA,
    kind: 'adaptive',
    create: (hyper, { taskCount }) => createGabaStrategy(gabaHyper(hyper), taskCount, GABA_VARIANTS[name]),
  });

export const gabaDefinition = gabaFamilyDefinition('gaba', 'Weights each task by the other tasks’ share of the total gradient norm, smoothed by an EMA.');
export const gabaInverseNormDefinition = gabaFamilyDefinition('gabaInverseNorm', 'GABA with weights proportional to 1/‖g_k‖, which equalises λ_k‖g_k‖ for any K.');
export const graceDefinition = gabaFamilyDefinition('grace', 'GABA’s weights applied to AMNL’s losses.');
