/** Fixed weights (strategies/fixed.ts; AMNL's equal weights too): the coefficients are the weights. */
import type { PlanSource } from './plan-source';
import { f } from './wgsl';

export function fixedPlan(weights: readonly [number, number]): PlanSource {
  return { body: `w0 = ${f(weights[0])}; w1 = ${f(weights[1])}; k0 = w0; k1 = w1;`, heads: 'coefficients', initialState: [] };
}
