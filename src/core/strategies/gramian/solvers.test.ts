import { describe, expect, it } from 'vitest';
import { solveActiveSetQp } from './active-set-qp';
import { solveAlphaFair } from './alpha-fair-newton';
import { symmetricEigen } from './jacobi-eigen';
import { matVec, quadForm, solveLinear, toRows } from './matrix';
import { randomGramian } from './test-helpers';

describe('solveLinear', () => {
  it('solves a 3×3 system that needs a row swap, and reports a singular one as null', () => {
    expect(solveLinear([[0, 1, 1], [2, 0, 1], [1, 1, 0]], [3, 4, 2])?.map((v) => +v.toFixed(12))).toEqual([1, 1, 2]);
    expect(solveLinear([[1, 2], [2, 4]], [1, 2], 1e-12)).toBeNull();
  });
});

describe('symmetricEigen (Jacobi)', () => {
  it('gives 3 and 1 with vectors (1, 1)/√2 and (1, −1)/√2 for [[2, 1], [1, 2]]', () => {
    const { values, vectors } = symmetricEigen([[2, 1], [1, 2]]);
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(Math.abs(vectors[0][0])).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors[0][1] * vectors[1][1]).toBeCloseTo(-0.5, 14);
  });

  it('reconstructs random 5×5 Gramians as VΛVᵀ with orthonormal V in a few sweeps', () => {
    for (const seed of [1, 2, 3]) {
      const a = randomGramian(seed, 5, 7);
      const { values, vectors, sweeps } = symmetricEigen(a);
      expect(sweeps).toBeLessThanOrEqual(10);
      for (let i = 0; i < 5; i += 1) {
        for (let j = 0; j < 5; j += 1) {
          const rebuilt = values.reduce((s, l, k) => s + vectors[i][k] * l * vectors[j][k], 0);
          const identity = vectors.reduce((s, row) => s + row[i] * row[j], 0);
          expect(rebuilt).toBeCloseTo(a[i][j], 11);
          expect(identity).toBeCloseTo(i === j ? 1 : 0, 13);
        }
      }
      values.slice(1).forEach((v, k) => expect(v).toBeLessThanOrEqual(values[k]));
    }
  });
});

describe('solveActiveSetQp', () => {
  it('meets the KKT conditions of min ½xᵀQx + pᵀx, x ≥ 0 on random problems', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      const q = randomGramian(seed, 5, 6);
      const p = matVec(q, [1, -1, 0.5, -2, 0.3]);
      const { x, converged, iterations } = solveActiveSetQp(q, p, 'nonnegative');
      expect(converged).toBe(true);
      expect(iterations).toBeLessThanOrEqual(12);
      const gradient = matVec(q, x).map((g, i) => g + p[i]);
      x.forEach((xi, i) => {
        expect(xi).toBeGreaterThanOrEqual(0);
        expect(gradient[i]).toBeGreaterThan(-1e-9);
        expect(Math.abs(xi * gradient[i])).toBeLessThan(1e-9);
      });
    }
  });

  it('meets the KKT conditions on the simplex: equal gradients on the support, larger off it', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      const q = randomGramian(seed, 4, 3); // rank 3 < 4: a singular Gramian
      const { x, converged } = solveActiveSetQp(q, [0, 0, 0, 0], 'simplex');
      expect(converged).toBe(true);
      expect(x.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      const gradient = matVec(q, x);
      const level = quadForm(q, x); // xᵀQx = Σ x_i (Qx)_i = ν when Σx = 1
      gradient.forEach((g, i) => {
        expect(g).toBeGreaterThan(level - 1e-9);
        if (x[i] > 1e-9) expect(g).toBeCloseTo(level, 9);
      });
    }
  });
});

describe('solveAlphaFair (damped Newton)', () => {
  it('solves Gc = c^(−1/α) to 1e-12 for α = 0.5, 1, 2, 5 in under 30 iterations', () => {
    for (const alpha of [0.5, 1, 2, 5]) {
      for (const seed of [4, 5, 6]) {
        const g = randomGramian(seed, 4);
        const { coefficients, residual, iterations, converged } = solveAlphaFair(g, alpha);
        expect(converged).toBe(true);
        expect(residual).toBeLessThan(1e-12);
        expect(iterations).toBeLessThan(30);
        matVec(g, coefficients).forEach((gc, k) => expect(gc).toBeCloseTo(coefficients[k] ** (-1 / alpha), 9));
      }
    }
  });

  it('reports failure for two opposite gradients, where no positive solution exists', () => {
    const solution = solveAlphaFair([[1, -1], [-1, 1]], 1);
    expect(solution.converged).toBe(false);
  });
});

describe('toRows', () => {
  it('reads a flat row-major Float64Array and rejects non-square input with a clear message', () => {
    expect(toRows(new Float64Array([1, 2, 2, 5]))).toEqual([[1, 2], [2, 5]]);
    expect(() => toRows(new Float64Array(3))).toThrow(/K² entries/);
    expect(() => toRows([[1, 2], [3]])).toThrow(/row 1/);
  });
});
