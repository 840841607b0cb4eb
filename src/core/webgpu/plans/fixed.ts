/**
 * Fixed weights (strategies/fixed.ts; AMNL's equal weights too): the coefficients are the weights,
 * read from the step's `hyper` uniform (w₀, w₁, 0, 0) so a retune compiles no new program.
 */
import type { PlanSource } from './plan-source';

export function fixedPlan(): PlanSource {
  return { body: 'w0 = uniforms.hyper.x; w1 = uniforms.hyper.y; k0 = w0; k1 = w1;', heads: 'coefficients', initialState: [] };
}
