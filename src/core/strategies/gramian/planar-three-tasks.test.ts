/**
 * The aggregator arena's K = 3 case: three gradients in the plane, so G is 3×3 of rank 2. Every
 * method must still return finite coefficients, and some answers are worth a sentence in chapter 7.
 */
import { describe, expect, it } from 'vitest';
import { combineVectors, gramianFromVectors } from '../../gramian';
import { alignedMtlCoefficients } from './aligned-mtl';
import { cagradCoefficients } from './cagrad';
import { dualProjCoefficients } from './dualproj';
import { imtlGCoefficients } from './imtl-g';
import { mgdaCoefficients } from './mgda';
import { nashMtlCoefficients } from './nash-mtl';
import { innerProducts } from './test-helpers';
import { upgradCoefficients } from './upgrad';

// All three in the upper half-plane (0 is not in their hull), one conflicting pair.
const halfPlane = [[3, 1], [-1, 2], [0.5, 0.2]];
// Around the origin: 0 is inside the hull, so MGDA's min-norm point is 0.
const surrounding = [[2, 0], [-1, 1.5], [-1, -1.5]];

describe('three gradients in a plane (rank-2 Gramian)', () => {
  it('MGDA, UPGrad and DualProj return finite, non-conflicting updates', () => {
    for (const vectors of [halfPlane, surrounding]) {
      const g = gramianFromVectors(vectors);
      for (const { coefficients } of [mgdaCoefficients(g), upgradCoefficients(g), dualProjCoefficients(g)]) {
        coefficients.forEach((c) => expect(Number.isFinite(c)).toBe(true));
        innerProducts(g, coefficients).forEach((p) => expect(p).toBeGreaterThanOrEqual(-1e-9));
      }
    }
  });

  it('MGDA, UPGrad and DualProj stop (d = 0) when the gradients surround the origin', () => {
    const g = gramianFromVectors(surrounding);
    for (const { coefficients } of [mgdaCoefficients(g), upgradCoefficients(g), dualProjCoefficients(g)]) {
      combineVectors(coefficients, surrounding).forEach((x) => expect(x).toBeCloseTo(0, 9));
    }
  });

  it('IMTL-G’s update is zero: equal projections on three unit vectors of a plane force d = 0', () => {
    const { coefficients } = imtlGCoefficients(gramianFromVectors(halfPlane));
    expect(coefficients.reduce((s, c) => s + c, 0)).toBeCloseTo(1, 12);
    combineVectors(coefficients, halfPlane).forEach((x) => expect(x).toBeCloseTo(0, 9));
  });

  it('Nash-MTL exists in the half-plane case and not when the gradients surround the origin', () => {
    const g = gramianFromVectors(halfPlane);
    const { coefficients } = nashMtlCoefficients(g);
    innerProducts(g, coefficients).forEach((p, k) => expect(coefficients[k] * p).toBeCloseTo(1, 10));
    expect(() => nashMtlCoefficients(gramianFromVectors(surrounding))).toThrow(/no solution/);
  });

  it('CAGrad and Aligned-MTL return finite updates (Aligned-MTL on the rank-2 span)', () => {
    for (const vectors of [halfPlane, surrounding]) {
      const g = gramianFromVectors(vectors);
      cagradCoefficients(g).coefficients.forEach((c) => expect(Number.isFinite(c)).toBe(true));
      const aligned = alignedMtlCoefficients(g);
      expect(aligned.rank).toBe(2);
      aligned.coefficients.forEach((c) => expect(Number.isFinite(c)).toBe(true));
    }
  });
});
