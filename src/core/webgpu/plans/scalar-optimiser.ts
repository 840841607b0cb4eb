/**
 * The WGSL twin of strategies/scalar-optimiser.ts: one step of the trainer's optimiser (Adam, bias
 * corrected, or SGD) on a pair of learnable scalars kept in plan slots, formula for formula.
 */
import type { OptimiserConfig } from '../../optimiser-config';
import { f } from './wgsl';

/** Slots a scalar pair's optimiser uses besides the two parameters: step count, m (2), v (2). */
export const SCALAR_OPTIMISER_SLOTS = 5;

/**
 * Statements that step `parameters` (two WGSL lvalues) along −`gradients` (two f32 expressions);
 * `slot(i)` gives the lvalue of the optimiser's own slot i (0 ≤ i < SCALAR_OPTIMISER_SLOTS).
 */
export function scalarOptimiserStep(
  optimiser: OptimiserConfig,
  parameters: readonly [string, string],
  gradients: readonly [string, string],
  slot: (index: number) => string,
): string {
  const count = `let scalarCount = ${slot(0)} + 1.0;
    ${slot(0)} = scalarCount;`;
  if (optimiser.kind === 'sgd') {
    return `${count}
    ${parameters[0]} = ${parameters[0]} - ${f(optimiser.learningRate)} * (${gradients[0]});
    ${parameters[1]} = ${parameters[1]} - ${f(optimiser.learningRate)} * (${gradients[1]});`;
  }
  const { learningRate, beta1, beta2, epsilon } = optimiser;
  const one = (k: 0 | 1) => `{
      let gradient = ${gradients[k]};
      let m = ${f(beta1)} * ${slot(1 + k)} + ${f(1 - beta1)} * gradient;
      let v = ${f(beta2)} * ${slot(3 + k)} + ${f(1 - beta2)} * gradient * gradient;
      ${slot(1 + k)} = m;
      ${slot(3 + k)} = v;
      let mHat = m / firstCorrection;
      let vHat = v / secondCorrection;
      ${parameters[k]} = ${parameters[k]} - (${f(learningRate)} * mHat) / (sqrt(vHat) + ${f(epsilon)});
    }`;
  return `${count}
    let firstCorrection = baOneMinusPow(${f(Math.log(beta1))}, scalarCount);
    let secondCorrection = baOneMinusPow(${f(Math.log(beta2))}, scalarCount);
    ${one(0)}
    ${one(1)}`;
}
