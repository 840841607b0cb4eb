/**
 * Projection onto the dual cone C = {x : g_jᵀx ≥ 0 for every j} of the task gradients, in the
 * Gramian (Quinton & Rey 2024, Jacobian descent). For y = Jᵀu (a combination of the gradients with
 * coefficients u), the projection is Jᵀ(u + v) with v = argmin_{v ≥ 0} ½vᵀGv + vᵀGu, the dual of
 * min ½‖x − y‖² s.t. Jx ≥ 0: stationarity gives x = y + Jᵀv, so the result stays in the gradients' span.
 */
import { solveActiveSetQp } from './active-set-qp';
import { matVec } from './matrix';

export interface ConeProjection {
  /** u + v: the projection's coefficients on the original gradients. */
  readonly coefficients: number[];
  readonly iterations: number;
  readonly converged: boolean;
}

export function projectOntoDualCone(gramian: readonly (readonly number[])[], u: readonly number[]): ConeProjection {
  const { x: v, iterations, converged } = solveActiveSetQp(gramian, matVec(gramian, u), 'nonnegative');
  return { coefficients: u.map((value, k) => value + v[k]), iterations, converged };
}
