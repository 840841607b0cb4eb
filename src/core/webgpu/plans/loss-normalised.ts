/**
 * AMNL-normalised (strategies/amnl-normalised.ts): k_k = w_k / max(L_k, floor_k), shown normalised.
 * The weights and floors come from the step's `hyper` uniform (w₀, w₁, floor₀, floor₁).
 */
import type { PlanSource } from './plan-source';

export function lossNormalisedPlan(): PlanSource {
  const body = `k0 = uniforms.hyper.x / max(loss0, uniforms.hyper.z);
      k1 = uniforms.hyper.y / max(loss1, uniforms.hyper.w);
      let coefficientTotal = k0 + k1;
      if (coefficientTotal > 0.0) { w0 = k0 / coefficientTotal; w1 = k1 / coefficientTotal; }`;
  return { body, heads: 'coefficients', initialState: [] };
}
