import { describe, expect, it } from 'vitest';
import { gramianFromVectors } from '../../gramian';
import { alignedMtlCoefficients } from './aligned-mtl';
import { cagradCoefficients } from './cagrad';
import { fairGradCoefficients } from './fairgrad';
import { matVec } from './matrix';
import { nashMtlCoefficients } from './nash-mtl';
import { innerProducts, randomGramian } from './test-helpers';

describe('CAGrad', () => {
  it('stays inside its ball and beats every point of a grid on the worst improvement (K = 2)', () => {
    for (const vectors of [[[3, 4], [1, -2]], [[1, 0], [-0.8, 0.3]], [[2, 0.1], [1.5, 0.3]]]) {
      const g = gramianFromVectors(vectors);
      const { coefficients, worstImprovement, converged, rounds } = cagradCoefficients(g);
      expect(converged).toBe(true);
      expect(rounds).toBeLessThan(200);
      const d = [0, 1].map((i) => coefficients[0] * vectors[0][i] + coefficients[1] * vectors[1][i]);
      const mean = [0, 1].map((i) => (vectors[0][i] + vectors[1][i]) / 2);
      const radius = 0.4 * Math.hypot(...mean);
      expect(Math.hypot(d[0] - mean[0], d[1] - mean[1])).toBeLessThanOrEqual(radius * (1 + 1e-9));
      expect(Math.min(...innerProducts(g, coefficients))).toBeCloseTo(worstImprovement, 12);
      let gridBest = -Infinity;
      for (let a = 0; a < 360; a += 0.5) {
        for (const r of [0.25, 0.5, 0.75, 1]) {
          const x = mean[0] + r * radius * Math.cos((a * Math.PI) / 180);
          const y = mean[1] + r * radius * Math.sin((a * Math.PI) / 180);
          gridBest = Math.max(gridBest, Math.min(...vectors.map((v) => v[0] * x + v[1] * y)));
        }
      }
      expect(worstImprovement).toBeGreaterThanOrEqual(gridBest - 1e-12);
      expect(worstImprovement - gridBest).toBeLessThan(1e-3 * Math.hypot(...mean) ** 2);
    }
  });

  it('returns the mean gradient for κ = 0, and LibMTL’s rescale divides by 1 + κ²', () => {
    const g = randomGramian(41, 3);
    expect(cagradCoefficients(g, { kappa: 0 }).coefficients).toEqual([1 / 3, 1 / 3, 1 / 3]);
    const plain = cagradCoefficients(g, { kappa: 0.5 }).coefficients;
    const rescaled = cagradCoefficients(g, { kappa: 0.5, rescale: 'libmtl' }).coefficients;
    rescaled.forEach((c, k) => expect(c).toBeCloseTo(plain[k] / 1.25, 14));
  });
});

describe('Nash-MTL and FairGrad', () => {
  it('Nash-MTL satisfies c_k (Gc)_k = 1 for K = 2, 3, 5', () => {
    for (const [seed, k] of [[51, 2], [52, 3], [53, 5]]) {
      const g = randomGramian(seed, k);
      const { coefficients } = nashMtlCoefficients(g);
      coefficients.forEach((c) => expect(c).toBeGreaterThan(0));
      matVec(g, coefficients).forEach((gc, i) => expect(coefficients[i] * gc).toBeCloseTo(1, 11));
    }
  });

  it('Nash-MTL for orthogonal gradients is c_k = 1/‖g_k‖, and shrinks as 1/s when the gradients grow s-fold', () => {
    const { coefficients } = nashMtlCoefficients([[4, 0], [0, 0.25]]);
    expect(coefficients[0]).toBeCloseTo(0.5, 12);
    expect(coefficients[1]).toBeCloseTo(2, 12);
    const g = randomGramian(54, 3);
    const scaled = nashMtlCoefficients(g.map((row) => row.map((v) => 9 * v))).coefficients;
    nashMtlCoefficients(g).coefficients.forEach((c, k) => expect(scaled[k]).toBeCloseTo(c / 3, 12));
  });

  it('FairGrad with α = 1 is Nash-MTL, and with α = 2 satisfies (Gc)_k = c_k^(−1/2)', () => {
    const g = randomGramian(55, 4);
    const nash = nashMtlCoefficients(g).coefficients;
    fairGradCoefficients(g, 1).coefficients.forEach((c, k) => expect(c).toBeCloseTo(nash[k], 12));
    const { coefficients } = fairGradCoefficients(g, 2);
    matVec(g, coefficients).forEach((gc, k) => expect(gc).toBeCloseTo(1 / Math.sqrt(coefficients[k]), 11));
  });

  it('says why there is no Nash solution for opposite gradients', () => {
    expect(() => nashMtlCoefficients([[1, -1], [-1, 1]])).toThrow(/no solution/);
  });
});

describe('Aligned-MTL', () => {
  it('aligns the system to condition number 1: B G Bᵀ = λ_min·I', () => {
    for (const [seed, k] of [[61, 2], [62, 3], [63, 5]]) {
      const g = randomGramian(seed, k);
      const { alignment, eigenvalues, rank } = alignedMtlCoefficients(g);
      expect(rank).toBe(k);
      const aligned = alignment.map((row) => alignment.map((other) => matVec(g, other).reduce((s, v, j) => s + v * row[j], 0)));
      aligned.forEach((row, i) => row.forEach((v, j) => expect(v / eigenvalues[k - 1]).toBeCloseTo(i === j ? 1 : 0, 9)));
    }
  });

  it('is the mean gradient scaled by min(n) for orthogonal gradients: c_k = (1/K)·n_min/n_k', () => {
    const { coefficients } = alignedMtlCoefficients([[4, 0], [0, 0.25]]);
    expect(coefficients[0]).toBeCloseTo(0.5 * 0.5 / 2, 12);
    expect(coefficients[1]).toBeCloseTo(0.5, 12);
  });

  it('works in the span of the others when G is singular (three gradients in a plane)', () => {
    const g = gramianFromVectors([[1, 0], [0, 2], [1, 1]]);
    const { rank, coefficients } = alignedMtlCoefficients(g);
    expect(rank).toBe(2);
    coefficients.forEach((c) => expect(Number.isFinite(c)).toBe(true));
  });
});
