/**
 * UPGrad (Quinton & Rey 2024, Jacobian descent): project every task gradient g_k onto the dual cone
 * of all of them (dual-cone.ts) and average the projections, so the update conflicts with no task.
 * For K = 2 each projection is PCGrad's single projection (a projected g_k automatically keeps
 * g_kᵀx ≥ 0), so UPGrad is exactly half of PCGrad's sum.
 *
 * TorchJD (the authors' library) normalises G and adds a small ridge before calling a QP solver
 * (quadprog); we solve the unregularised QP exactly (active-set-qp.ts). Its default preference vector
 * is the mean, as here; `weights` replaces it.
 */
import { projectOntoDualCone } from './dual-cone';
import { toRows, uniform, type GramianInput } from './matrix';
import { defineCoefficientStrategy, NO_STATE } from './coefficient-strategy';
import { NO_HYPER } from '../hyper-schema';

export interface UpgradResult {
  readonly coefficients: number[];
  /** Row k: the coefficients of g_k's projection. */
  readonly projections: number[][];
  readonly converged: boolean;
}

export function upgradCoefficients(input: GramianInput, weights?: readonly number[]): UpgradResult {
  const gramian = toRows(input);
  const taskCount = gramian.length;
  const w = weights ?? uniform(taskCount);
  let converged = true;
  const projections = gramian.map((_, k) => {
    const unit = gramian.map((__, j) => (j === k ? 1 : 0));
    const projection = projectOntoDualCone(gramian, unit);
    converged &&= projection.converged;
    return projection.coefficients;
  });
  const coefficients = new Array<number>(taskCount).fill(0);
  projections.forEach((row, k) => row.forEach((value, j) => (coefficients[j] += w[k] * value)));
  return { coefficients, projections, converged };
}

export const upgradDefinition = defineCoefficientStrategy({
  name: 'upgrad',
  label: 'UPGrad',
  summary: 'Projects each task gradient onto the cone of directions no task opposes, then averages.',
  hyper: NO_HYPER,
  heads: 'unit',
  usesGradients: true,
  rule: () => ({ hyper: {}, start: NO_STATE, step: ({ sharedGramian }) => ({ coefficients: upgradCoefficients(sharedGramian).coefficients, state: null }) }),
});
