/**
 * Solves G c = c^(−1/α) for c > 0: Nash-MTL's bargaining condition c_k (Gc)_k = 1 is α = 1, and
 * FairGrad's α-fair condition is the general case. The equation is the stationarity condition of
 *   F(c) = ½ cᵀGc − Σ_k φ(c_k),  φ(c) = log c (α = 1),  φ(c) = c^(1−1/α)/(1 − 1/α) (α ≠ 1),
 * which is strictly convex on c > 0 (its Hessian G + diag(c^(−1/α−1))/α is positive definite), so
 * a damped Newton method with a backtracking line search that keeps c > 0 finds the unique solution
 * when one exists, with quadratic convergence near it. When G is singular along a non-negative
 * direction (two opposite gradients) F has no minimum; the iteration cap then reports failure.
 */
import { diagonalScale, dot, matVec, quadForm, solveLinear } from './matrix';

export interface AlphaFairSolution {
  readonly coefficients: number[];
  /** max_k |(Gc)_k − c_k^(−1/α)| / c_k^(−1/α): 0 at the exact solution. */
  readonly residual: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export function solveAlphaFair(
  gramian: readonly (readonly number[])[],
  alpha: number,
  { tolerance = 1e-12, maxIterations = 100 } = {},
): AlphaFairSolution {
  if (!(alpha > 0)) throw new Error(`the α of an α-fair solution must be positive, got ${alpha}`);
  const n = gramian.length;
  const power = -1 / alpha;
  const barrier = (c: number): number => (alpha === 1 ? Math.log(c) : c ** (1 + power) / (1 + power));
  const objective = (c: readonly number[]): number => 0.5 * quadForm(gramian, c) - c.reduce((s, v) => s + barrier(v), 0);
  const residualOf = (c: readonly number[]): number =>
    matVec(gramian, c).reduce((m, gc, k) => Math.max(m, Math.abs(gc / c[k] ** power - 1)), 0);

  const gradientOf = (c: readonly number[]): number[] => matVec(gramian, c).map((gc, k) => gc - c[k] ** power);

  // Start on the ray c = t·1 at the minimiser of F along it: t^(1+1/α) = K / 1ᵀG1 (or / tr G).
  const total = gramian.reduce((s, row) => s + row.reduce((t, v) => t + v, 0), 0);
  const curvature = total > 1e-12 * diagonalScale(gramian) * n ? total : gramian.reduce((s, row, k) => s + row[k], 0);
  let c = new Array<number>(n).fill((n / curvature) ** (1 / (1 - power)));
  let value = objective(c);
  let iterations = 0;
  while (iterations < maxIterations) {
    const residual = residualOf(c);
    if (residual <= tolerance) return { coefficients: c, residual, iterations, converged: true };
    iterations += 1;
    const gradient = gradientOf(c);
    const hessian = gramian.map((row, i) => row.map((v, j) => (i === j ? v - power * c[i] ** (power - 1) : v)));
    const newton = solveLinear(hessian, gradient.map((g) => -g));
    if (newton === null || !newton.every(Number.isFinite)) break;
    // Stay inside c > 0 (at most 99 % of the way to the boundary), then backtrack (Armijo).
    let step = 1;
    newton.forEach((s, k) => {
      if (s < 0) step = Math.min(step, (-0.99 * c[k]) / s);
    });
    const slope = dot(gradient, newton);
    const gradientNorm = Math.hypot(...gradient);
    // Near the solution F changes by less than its rounding error; a halved gradient norm then
    // certifies progress instead of the Armijo test.
    const acceptable = (next: readonly number[], nextValue: number): boolean =>
      nextValue <= value + 1e-4 * step * slope || Math.hypot(...gradientOf(next)) <= 0.5 * gradientNorm;
    let next = c.map((v, k) => v + step * newton[k]);
    let nextValue = objective(next);
    while (!acceptable(next, nextValue) && step > 1e-12) {
      step *= 0.5;
      next = c.map((v, k) => v + step * newton[k]);
      nextValue = objective(next);
    }
    if (!acceptable(next, nextValue)) break;
    c = next;
    value = nextValue;
  }
  const residual = residualOf(c);
  return { coefficients: c, residual, iterations, converged: residual <= tolerance };
}
