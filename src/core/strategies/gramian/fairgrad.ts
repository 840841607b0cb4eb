/**
 * FairGrad (Ban & Ji, ICML 2024): α-fair allocation of the update among tasks, c > 0 with
 * (Gc)_k = c_k^(−1/α). α = 1 is Nash-MTL's condition; α → ∞ tends to max-min fairness (MGDA-like),
 * α → 0 to the plain sum. α = 2 is our default; the paper tunes α per benchmark.
 *
 * Where implementations differ: the official code and LibMTL solve the same equation with SciPy's
 * bounded least squares from c = 1/K (an approximate solution); we solve it to a relative residual
 * of 1e-12 with damped Newton (alpha-fair-newton.ts).
 */
import { solveAlphaFair } from './alpha-fair-newton';
import { toRows, type GramianInput } from './matrix';
import { defineCoefficientStrategy, NO_STATE } from './coefficient-strategy';
import { numberOf } from '../hyper-schema';

export interface FairGradResult {
  readonly coefficients: number[];
  /** max_k |(Gc)_k / c_k^(−1/α) − 1|. */
  readonly residual: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export function fairGradCoefficients(input: GramianInput, alpha = 2): FairGradResult {
  const solution = solveAlphaFair(toRows(input), alpha);
  if (!solution.converged) {
    throw new Error(`FairGrad (α = ${alpha}) has no solution: some non-negative combination of the gradients vanishes`);
  }
  return solution;
}

export const fairGradDefinition = defineCoefficientStrategy({
  name: 'fairGrad',
  label: 'FairGrad',
  summary: 'α-fair utilities: (Gc)_k = c_k^(−1/α); α = 1 is Nash-MTL, larger α favours the worst-off task.',
  hyper: { fields: { alpha: { kind: 'number', min: 0, minOpen: true } }, defaults: () => ({ alpha: 2 }) },
  heads: 'coefficients',
  usesGradients: true,
  rule: (hyper) => {
    const alpha = numberOf(hyper, 'alpha');
    return {
      hyper: { alpha },
      start: NO_STATE,
      step: ({ sharedGramian }) => ({ coefficients: fairGradCoefficients(sharedGramian, alpha).coefficients, state: null }),
    };
  },
});
