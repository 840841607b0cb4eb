/** AMNL-normalised (strategies/amnl-normalised.ts): k_k = w_k / max(L_k, floor_k), shown normalised. */
import type { PlanSource } from './plan-source';
import { f } from './wgsl';

export function lossNormalisedPlan(weights: readonly [number, number], floors: readonly [number, number]): PlanSource {
  const body = `k0 = ${f(weights[0])} / max(loss0, ${f(floors[0])});
      k1 = ${f(weights[1])} / max(loss1, ${f(floors[1])});
      let coefficientTotal = k0 + k1;
      if (coefficientTotal > 0.0) { w0 = k0 / coefficientTotal; w1 = k1 / coefficientTotal; }`;
  return { body, heads: 'coefficients', initialState: [] };
}
