/**
 * Uncertainty weighting (strategies/uncertainty.ts): factors f_k = scale_k·e^{−s_k} from learnable
 * log-variances s_k; this step uses the factors before the s update, whose gradient is −f_k·L_k + ½,
 * stepped by the trainer's optimiser. Slots: s_0, s_1, then the scalar optimiser's own.
 */
import type { OptimiserConfig } from '../../optimiser-config';
import type { UncertaintyHyper } from '../../strategies/uncertainty';
import { planSlot, type PlanSource } from './plan-source';
import { SCALAR_OPTIMISER_SLOTS, scalarOptimiserStep } from './scalar-optimiser';
import { f } from './wgsl';

export function uncertaintyPlan(hyper: UncertaintyHyper, optimiser: OptimiserConfig, control: number): PlanSource {
  const slot = (index: number) => planSlot(control, index);
  // Task 0 is regression (½e^{−s}); task 1 is classification (e^{−s} in the paper's form).
  const scale1 = hyper.form === 'paper' ? 1 : 0.5;
  const body = `let factor0 = 0.5 * exp(-${slot(0)});
    let factor1 = ${f(scale1)} * exp(-${slot(1)});
    ${scalarOptimiserStep(optimiser, [slot(0), slot(1)], ['-factor0 * loss0 + 0.5', '-factor1 * loss1 + 0.5'], (i) => slot(2 + i))}
    w0 = factor0; w1 = factor1; k0 = factor0; k1 = factor1;`;
  return { body, heads: 'coefficients', initialState: [hyper.initialLogVariance, hyper.initialLogVariance, ...new Array<number>(SCALAR_OPTIMISER_SLOTS).fill(0)] };
}
