import { describe, expect, it } from 'vitest';
import { gramianFromVectors, pcgradCoefficients } from '../../gramian';
import { gabaRawWeights } from '../gaba-controller';
import { dualProjCoefficients } from './dualproj';
import { imtlGCoefficients } from './imtl-g';
import { quadForm } from './matrix';
import { mgdaCoefficients, mgdaTwoTaskClosedForm } from './mgda';
import { innerProducts, randomGramian, randomVectors } from './test-helpers';
import { upgradCoefficients } from './upgrad';

describe('MGDA', () => {
  it('matches the K = 2 closed form, including both clipped ends', () => {
    const cases = [
      [[3, 4], [1, -2]], // interior
      [[1, 0], [5, 0.1]], // g_0 is the min-norm point: c = (1, 0)
      [[4, 1], [0.2, 0.3]], // g_1 is: c = (0, 1)
    ];
    for (const vectors of cases) {
      const g = gramianFromVectors(vectors);
      const { coefficients } = mgdaCoefficients(g);
      const closed = mgdaTwoTaskClosedForm(g);
      expect(coefficients[0]).toBeCloseTo(closed[0], 12);
      expect(coefficients[1]).toBeCloseTo(closed[1], 12);
    }
    // (3,4) and (1,−2): G00 = 25, G11 = 5, G01 = −5, c_0 = (5 + 5)/(25 + 5 + 10) = 1/4.
    expect(mgdaCoefficients([[25, -5], [-5, 5]]).coefficients[0]).toBeCloseTo(0.25, 12);
  });

  it('is the min-norm point for K = 3: no point of a 0.01 grid on the simplex is shorter', () => {
    for (const seed of [11, 12, 13]) {
      const g = randomGramian(seed, 3, 4);
      const { normSquared, coefficients } = mgdaCoefficients(g);
      expect(coefficients.reduce((s, c) => s + c, 0)).toBeCloseTo(1, 12);
      let gridBest = Infinity;
      for (let i = 0; i <= 100; i += 1) {
        for (let j = 0; i + j <= 100; j += 1) gridBest = Math.min(gridBest, quadForm(g, [i / 100, j / 100, (100 - i - j) / 100]));
      }
      expect(normSquared).toBeLessThanOrEqual(gridBest + 1e-12);
      // …and every task improves at least by ‖d‖² (g_kᵀd ≥ ‖d‖²).
      innerProducts(g, coefficients).forEach((p) => expect(p).toBeGreaterThanOrEqual(normSquared - 1e-10));
    }
  });

  it('gives a zero update for two opposite gradients of equal length', () => {
    const { coefficients, normSquared } = mgdaCoefficients(gramianFromVectors([[2, 1], [-2, -1]]));
    expect(coefficients).toEqual([0.5, 0.5]);
    expect(normSquared).toBeCloseTo(0, 14);
  });
});

describe('IMTL-G', () => {
  it('equals GABA’s raw weights for K = 2 (c_0 = n_1/(n_0 + n_1)), whatever the angle', () => {
    for (const vectors of [[[3, 4], [1, -2]], [[5, 0], [0.01, 0.003]], [[1, 2, 3], [-1, 0.5, 2]]]) {
      const g = gramianFromVectors(vectors);
      const norms = g.map((row, k) => Math.sqrt(row[k]));
      const { coefficients } = imtlGCoefficients(g);
      const gaba = gabaRawWeights(norms, 0);
      expect(coefficients[0]).toBeCloseTo(gaba[0], 12);
      expect(coefficients[1]).toBeCloseTo(gaba[1], 12);
    }
  });

  it('gives the update equal projections on every unit gradient for K = 4', () => {
    const g = randomGramian(21, 4, 6);
    const { coefficients, projection } = imtlGCoefficients(g);
    expect(coefficients.reduce((s, c) => s + c, 0)).toBeCloseTo(1, 12);
    innerProducts(g, coefficients).forEach((p, k) => expect(p / Math.sqrt(g[k][k])).toBeCloseTo(projection, 10));
  });
});

describe('UPGrad and DualProj', () => {
  it('UPGrad is half of PCGrad for K = 2 (conflicting and agreeing pairs)', () => {
    for (const vectors of [[[3, 4], [1, -2]], [[3, 4], [1, 2]], [[1, 0, 2], [-3, 1, -1]]]) {
      const g = gramianFromVectors(vectors);
      const pcgrad = pcgradCoefficients(g, [[1], [0]]).coefficients;
      const { coefficients } = upgradCoefficients(g);
      expect(coefficients[0]).toBeCloseTo(pcgrad[0] / 2, 12);
      expect(coefficients[1]).toBeCloseTo(pcgrad[1] / 2, 12);
    }
  });

  it('both give a zero update for two opposite gradients of equal length', () => {
    const g = gramianFromVectors([[2, 1], [-2, -1]]);
    expect(quadForm(g, upgradCoefficients(g).coefficients)).toBeCloseTo(0, 12);
    expect(quadForm(g, dualProjCoefficients(g).coefficients)).toBeCloseTo(0, 12);
  });

  it('conflict with no task for K = 3 and K = 5, and DualProj is the closest such point to ḡ', () => {
    let projectedCases = 0;
    for (const [seed, k] of [[31, 3], [32, 5], [33, 5]]) {
      const vectors = randomVectors(seed, k, k + 1);
      const g = gramianFromVectors(vectors);
      for (const c of [upgradCoefficients(g).coefficients, dualProjCoefficients(g).coefficients]) {
        innerProducts(g, c).forEach((p) => expect(p).toBeGreaterThanOrEqual(-1e-10));
      }
      // x = ḡ + Jᵀv with v ≥ 0, Jx ≥ 0 and v_k (Jx)_k = 0: the KKT certificate that x is the
      // projection of ḡ onto the cone (the objective ½‖x − ḡ‖² is strictly convex).
      const c = dualProjCoefficients(g).coefficients;
      const products = innerProducts(g, c);
      c.forEach((ck, i) => {
        const v = ck - 1 / k;
        expect(v).toBeGreaterThanOrEqual(-1e-12);
        expect(Math.abs(v * products[i])).toBeLessThan(1e-10);
      });
      if (c.some((ck) => ck - 1 / k > 1e-6)) projectedCases += 1;
    }
    // The certificate is only interesting where ḡ conflicted and was actually moved.
    expect(projectedCases).toBeGreaterThanOrEqual(2);
  });
});
