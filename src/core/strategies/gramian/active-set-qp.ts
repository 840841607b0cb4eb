/**
 * Exact primal active-set solver for the small convex QPs of the Gramian family:
 *   minimise ½ xᵀQx + pᵀx  subject to  x ≥ 0  (and, on the simplex, Σx = 1),
 * with Q positive semidefinite (a Gramian). Each iteration solves the equality-constrained problem
 * on the free set exactly; if that point is feasible, the multipliers of the indices held at zero
 * decide whether one joins the free set, otherwise the step stops at the first bound it meets
 * (Nocedal & Wright, Numerical Optimization, §16.5). For K ≤ 10 it ends in a few iterations.
 *
 * A Gramian is often singular (three gradients in a plane); the free-set systems then get a ridge of
 * 1e-13·Q_ii on each diagonal entry (1e-13·scale where Q_ii = 0): the optimal value moves by ~1e-13
 * relative, and among several minimisers the one of smaller norm is picked. The ridge is relative to
 * each entry, not to max diag(Q), because gradient norms differ by 10³ in training (RUL against health):
 * a ridge of 1e-13·max diag then moved the small task's coefficients by 1e-6 relative.
 */
import { diagonalScale, matVec, solveLinear } from './matrix';

export type QpDomain = 'nonnegative' | 'simplex';

export interface QpSolution {
  readonly x: number[];
  /** Iterations of the active-set loop. */
  readonly iterations: number;
  /** False when the iteration cap stopped it (a cycling guard; not seen on non-degenerate input). */
  readonly converged: boolean;
}

const RIDGE = 1e-13;

export function solveActiveSetQp(
  q: readonly (readonly number[])[],
  p: readonly number[],
  domain: QpDomain,
  maxIterations = 20 * p.length + 20,
): QpSolution {
  const n = p.length;
  const scale = diagonalScale(q) + p.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const tolerance = 1e-12 * scale;
  const free = new Array<boolean>(n).fill(false);
  let x = new Array<number>(n).fill(0);
  if (domain === 'simplex') {
    // Start at the best vertex of the simplex: the only free index carries all the mass.
    let best = 0;
    for (let i = 1; i < n; i += 1) if (0.5 * q[i][i] + p[i] < 0.5 * q[best][best] + p[best]) best = i;
    free[best] = true;
    x[best] = 1;
  }
  for (let iteration = 1; iteration <= maxIterations; iteration += 1) {
    const target = freeSetMinimiser(q, p, free, domain, scale);
    const blocking = firstBlockingStep(x, target, free);
    if (blocking.step >= 1) {
      x = target;
      const gradient = matVec(q, x).map((g, i) => g + p[i]);
      const level = domain === 'simplex' ? freeMean(gradient, free) : 0;
      let entering = -1;
      for (let i = 0; i < n; i += 1) {
        if (!free[i] && gradient[i] - level < -tolerance && (entering < 0 || gradient[i] < gradient[entering])) entering = i;
      }
      if (entering < 0) return { x: x.map((v) => Math.max(v, 0)), iterations: iteration, converged: true };
      free[entering] = true;
    } else {
      x = x.map((v, i) => v + blocking.step * (target[i] - v));
      for (const i of blocking.indices) {
        free[i] = false;
        x[i] = 0;
      }
    }
  }
  return { x: x.map((v) => Math.max(v, 0)), iterations: maxIterations, converged: false };
}

/** Minimiser of the objective with the non-free indices at 0 (and Σx = 1 on the simplex). */
function freeSetMinimiser(
  q: readonly (readonly number[])[],
  p: readonly number[],
  free: readonly boolean[],
  domain: QpDomain,
  scale: number,
): number[] {
  const indices = free.flatMap((isFree, i) => (isFree ? [i] : []));
  const x = new Array<number>(p.length).fill(0);
  if (indices.length === 0) return x;
  const ridge = (i: number): number => RIDGE * (q[i][i] > 0 ? q[i][i] : scale);
  const block = indices.map((i) => indices.map((j) => q[i][j] + (i === j ? ridge(i) : 0)));
  const rhs = indices.map((i) => -p[i]);
  if (domain === 'simplex') {
    block.forEach((row) => row.push(1));
    block.push([...indices.map(() => 1), 0]);
    rhs.push(1);
  }
  const solution = solveLinear(block, rhs);
  if (solution === null) throw new Error('active-set QP: singular free-set system despite the ridge (non-finite Gramian?)');
  indices.forEach((i, k) => (x[i] = solution[k]));
  return x;
}

/** Largest t ≤ 1 keeping x + t(target − x) ≥ 0, and the free indices that reach 0 there. */
function firstBlockingStep(
  x: readonly number[],
  target: readonly number[],
  free: readonly boolean[],
): { step: number; indices: number[] } {
  let step = 1;
  let indices: number[] = [];
  for (let i = 0; i < x.length; i += 1) {
    if (!free[i] || target[i] >= 0) continue;
    const t = x[i] / (x[i] - target[i]);
    if (t < step) {
      step = t;
      indices = [i];
    } else if (t === step) {
      indices.push(i);
    }
  }
  return { step, indices };
}

/** On the simplex all free gradient components equal the multiplier ν of Σx = 1. */
function freeMean(gradient: readonly number[], free: readonly boolean[]): number {
  const values = gradient.filter((_, i) => free[i]);
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
