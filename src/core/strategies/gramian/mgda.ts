/**
 * MGDA (Désidéri 2012; Sener & Koltun 2018): the min-norm point of the convex hull of the task
 * gradients, c = argmin_{c ∈ Δ} cᵀGc. Its update d = Σ c_k g_k satisfies g_kᵀd ≥ ‖d‖² for every k,
 * so no task's loss rises to first order; d = 0 exactly when some convex combination of the
 * gradients vanishes (Pareto-stationary).
 */
import { solveActiveSetQp } from './active-set-qp';
import { quadForm, toRows, type GramianInput } from './matrix';
import { defineCoefficientStrategy, NO_STATE } from './coefficient-strategy';
import { NO_HYPER } from '../hyper-schema';

export interface MgdaResult {
  readonly coefficients: number[];
  /** ‖d‖² = cᵀGc, the squared length of the min-norm point. */
  readonly normSquared: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export function mgdaCoefficients(input: GramianInput): MgdaResult {
  const gramian = toRows(input);
  const { x, iterations, converged } = solveActiveSetQp(gramian, gramian.map(() => 0), 'simplex');
  return { coefficients: x, normSquared: quadForm(gramian, x), iterations, converged };
}

// #region listing:mgda-two-tasks
/** The K = 2 closed form: c_0 = clip((G11 − G01)/(G00 + G11 − 2G01), 0, 1), c_1 = 1 − c_0. */
export function mgdaTwoTaskClosedForm(gramian: readonly (readonly number[])[]): [number, number] {
  const denominator = gramian[0][0] + gramian[1][1] - 2 * gramian[0][1];
  // Equal gradients (denominator 0): every point of the segment is the same vector; take the middle.
  const c0 = denominator > 0 ? Math.min(1, Math.max(0, (gramian[1][1] - gramian[0][1]) / denominator)) : 0.5;
  return [c0, 1 - c0];
}
// #endregion listing:mgda-two-tasks

export const mgdaDefinition = defineCoefficientStrategy({
  name: 'mgda',
  label: 'MGDA',
  summary: 'The shortest update in the convex hull of the task gradients: no task gets worse to first order.',
  hyper: NO_HYPER,
  heads: 'unit',
  usesGradients: true,
  rule: () => ({ hyper: {}, start: NO_STATE, step: ({ sharedGramian }) => ({ coefficients: mgdaCoefficients(sharedGramian).coefficients, state: null }) }),
});
