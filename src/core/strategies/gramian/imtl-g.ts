/**
 * IMTL-G (Liu et al., ICLR 2021, the gradient half of IMTL): the update d = Σ c_k g_k with Σ c = 1
 * whose projection on every unit gradient u_k = g_k/‖g_k‖ is the same. In the Gramian,
 * dᵀu_k = (Gc)_k / n_k, so the K − 1 equalities (Gc)_0/n_0 = (Gc)_k/n_k and Σ c = 1 are one K×K
 * linear system. For K = 2 it reduces to c_0 = n_1/(n_0 + n_1): GABA's raw weights.
 * IMTL's loss half (IMTL-L, learnable loss scales) is not part of this function.
 */
import { diagonalScale, solveLinear, toRows, type GramianInput } from './matrix';
import { defineCoefficientStrategy, NO_STATE } from './coefficient-strategy';
import { NO_HYPER } from '../hyper-schema';

export interface ImtlGResult {
  readonly coefficients: number[];
  /** The common projection dᵀu_k. */
  readonly projection: number;
}

export function imtlGCoefficients(input: GramianInput): ImtlGResult {
  const gramian = toRows(input);
  const taskCount = gramian.length;
  const norms = gramian.map((row, k) => Math.sqrt(Math.max(row[k], 0)));
  if (norms.some((n) => !(n > 0))) throw new Error('IMTL-G needs every task gradient to be non-zero');
  const rows = gramian.slice(1).map((row, i) => gramian[0].map((g0j, j) => g0j / norms[0] - row[j] / norms[i + 1]));
  rows.push(new Array<number>(taskCount).fill(1));
  const rhs = [...new Array<number>(taskCount - 1).fill(0), 1];
  const coefficients = solveLinear(rows, rhs, 1e-14 * Math.sqrt(diagonalScale(gramian)));
  if (coefficients === null) {
    throw new Error('IMTL-G: the gradients are linearly dependent, so equal projections do not fix the weights');
  }
  const projection = gramian[0].reduce((s, g, j) => s + g * coefficients[j], 0) / norms[0];
  return { coefficients, projection };
}

export const imtlGDefinition = defineCoefficientStrategy({
  name: 'imtlG',
  label: 'IMTL-G',
  summary: 'The update whose projections on every unit task gradient are equal (coefficients sum to 1).',
  hyper: NO_HYPER,
  heads: 'unit',
  usesGradients: true,
  rule: () => ({ hyper: {}, start: NO_STATE, step: ({ sharedGramian }) => ({ coefficients: imtlGCoefficients(sharedGramian).coefficients, state: null }) }),
});
