/**
 * Nash-MTL (Navon et al., ICML 2022): the Nash bargaining solution, c > 0 with c_k (Gc)_k = 1 for
 * every k. c is not normalised: doubling every gradient halves c (c scales as G^(−1/2)), so the step
 * shrinks as the gradients grow. Solved exactly by damped Newton (alpha-fair-newton.ts, α = 1).
 *
 * Where implementations differ: the authors' code (and LibMTL's port) approximates the solution by
 * at most 20 warm-started convex problems on G/‖G‖_F, stopping at ‖Ĝα − 1/α‖ < 1e-3, and clips the
 * shared gradient to norm 1 (`max_norm`). We solve the paper's condition to 1e-12; a clip, if
 * wanted, belongs to the trainer.
 */
import { solveAlphaFair } from './alpha-fair-newton';
import { toRows, type GramianInput } from './matrix';
import { defineCoefficientStrategy, NO_STATE } from './coefficient-strategy';
import { NO_HYPER } from '../hyper-schema';

export interface NashMtlResult {
  readonly coefficients: number[];
  /** max_k |c_k (Gc)_k − 1|. */
  readonly residual: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export function nashMtlCoefficients(input: GramianInput): NashMtlResult {
  const solution = solveAlphaFair(toRows(input), 1);
  if (!solution.converged) {
    throw new Error(
      'Nash-MTL has no solution for this Gramian: some non-negative combination of the gradients vanishes',
    );
  }
  return solution;
}

export const nashMtlDefinition = defineCoefficientStrategy({
  name: 'nashMtl',
  label: 'Nash-MTL',
  summary: 'The Nash bargaining solution: c_k (Gc)_k = 1 for every task, exactly, unclipped.',
  hyper: NO_HYPER,
  heads: 'coefficients',
  usesGradients: true,
  rule: () => ({ hyper: {}, start: NO_STATE, step: ({ sharedGramian }) => ({ coefficients: nashMtlCoefficients(sharedGramian).coefficients, state: null }) }),
});
