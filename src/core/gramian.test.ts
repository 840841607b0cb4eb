import { describe, expect, it } from 'vitest';
import {
  combineVectors,
  cosineFromGramian,
  gramianFromVectors,
  normsFromGramian,
  pcgradCoefficients,
} from './gramian';

describe('norms and cosine from a Gramian', () => {
  it('reads norms 5 and 0.01 and cosine −0.6 from G = [[25, −0.03], [−0.03, 0.0001]]', () => {
    const gramian = [[25, -0.03], [-0.03, 0.0001]];
    const [a, b] = normsFromGramian(gramian);
    expect(a).toBe(5);
    expect(b).toBeCloseTo(0.01, 15);
    expect(cosineFromGramian(gramian)).toBeCloseTo(-0.6, 12);
  });

  it('gives cosine 0 when one gradient is zero, and clamps a rounding-negative diagonal to norm 0', () => {
    expect(cosineFromGramian([[4, 0], [0, 0]])).toBe(0);
    expect(normsFromGramian([[-1e-20, 0], [0, 9]])).toEqual([0, 3]);
  });

  it('builds G = J Jᵀ from vectors (3, 4) and (1, −2): [[25, −5], [−5, 5]]', () => {
    expect(gramianFromVectors([[3, 4], [1, -2]])).toEqual([[25, -5], [-5, 5]]);
  });
});

describe('combineVectors', () => {
  it('combines 0.25·(4, 0) + 0.75·(0, 8) into (1, 6)', () => {
    expect(combineVectors([0.25, 0.75], [[4, 0], [0, 8]])).toEqual([1, 6]);
  });

  it('rejects a coefficient count that does not match the vectors', () => {
    expect(() => combineVectors([1], [[1], [2]])).toThrow(/one coefficient per vector/);
  });
});

describe('pcgradCoefficients', () => {
  it('matches the K = 2 closed form c0 = 1 − G01/G00, c1 = 1 − G01/G11 when the gradients conflict', () => {
    const gramian = gramianFromVectors([[3, 4], [1, -2]]);
    const result = pcgradCoefficients(gramian, [[1], [0]]);
    expect(result.coefficients[0]).toBeCloseTo(1 - -5 / 25, 12);
    expect(result.coefficients[1]).toBeCloseTo(1 - -5 / 5, 12);
    expect(result.coefficients).toEqual([1.2, 2]);
    expect(result.projections).toBe(2);
  });

  it('leaves both coefficients at 1 and projects nothing when G01 ≥ 0', () => {
    const result = pcgradCoefficients([[25, 5], [5, 5]], [[1], [0]]);
    expect(result.coefficients).toEqual([1, 1]);
    expect(result.projections).toBe(0);
  });

  it('makes each projected vector orthogonal to the other original gradient', () => {
    const vectors = [[3, 4, -1], [1, -2, 0.5]];
    const result = pcgradCoefficients(gramianFromVectors(vectors), [[1], [0]]);
    const projected0 = combineVectors(result.perTask[0], vectors);
    const projected1 = combineVectors(result.perTask[1], vectors);
    const dot = (a: number[], b: number[]): number => a.reduce((s, v, i) => s + v * b[i], 0);
    expect(dot(projected0, vectors[1])).toBeCloseTo(0, 12);
    expect(dot(projected1, vectors[0])).toBeCloseTo(0, 12);
    const update = combineVectors(result.coefficients, vectors);
    projected0.forEach((v, i) => expect(update[i]).toBeCloseTo(v + projected1[i], 12));
  });

  it('for K = 3 projects against the original gradients in the given order, as explicit vector code does', () => {
    const vectors = [[1, 0, 0], [-1, 1, 0], [-0.5, -1, 1]];
    const order = [[2, 1], [0, 2], [1, 0]];
    const result = pcgradCoefficients(gramianFromVectors(vectors), order);
    const expectedUpdate = [0, 0, 0];
    let expectedProjections = 0;
    vectors.forEach((own, k) => {
      let g = own.slice();
      for (const j of order[k]) {
        const along = g.reduce((s, v, i) => s + v * vectors[j][i], 0);
        if (along < 0) {
          const squared = vectors[j].reduce((s, v) => s + v * v, 0);
          g = g.map((v, i) => v - (along / squared) * vectors[j][i]);
          expectedProjections += 1;
        }
      }
      g.forEach((v, i) => (expectedUpdate[i] += v));
    });
    const update = combineVectors(result.coefficients, vectors);
    update.forEach((v, i) => expect(v).toBeCloseTo(expectedUpdate[i], 12));
    expect(result.projections).toBe(expectedProjections);
    expect(result.projections).toBeGreaterThan(2);
  });
});

describe('update shares and planar gradients', () => {
  it('gives the quiet task about 0.2% of the update at a 500× ratio and equal weights', async () => {
    const { updateShares } = await import('./gramian');
    const shares = updateShares([0.5, 0.5], [500, 1]);
    expect(shares[1]).toBeCloseTo(1 / 501, 12);
    expect(shares[0] + shares[1]).toBeCloseTo(1, 12);
  });

  it('gives each task half when GABA\'s raw weights balance the terms (eq. 3.2 with eq. 4.1)', async () => {
    const { updateShares } = await import('./gramian');
    // Norms 5 and 0.01: raw weights 0.01/5.01 and 5/5.01, so both terms are 0.05/5.01 long.
    const shares = updateShares([0.01 / 5.01, 5 / 5.01], [5, 0.01]);
    expect(shares[0]).toBeCloseTo(0.5, 12);
    expect(shares[1]).toBeCloseTo(0.5, 12);
  });

  it('gives health about 4 % when GABA sits at its floor of 0.05 at a 500× ratio', async () => {
    const { updateShares } = await import('./gramian');
    // Floored and renormalised: 0.05/1.05 and 1/1.05. Terms 500·0.05/1.05 and 1/1.05: health 1/26.
    const shares = updateShares([0.05 / 1.05, 1 / 1.05], [500, 1]);
    expect(shares[1]).toBeCloseTo(1 / 26, 12);
    // At a ratio of exactly 1/m = 20 the floored weights still balance the terms.
    expect(updateShares([0.05 / 1.05, 1 / 1.05], [20, 1])[1]).toBeCloseTo(0.5, 12);
  });

  it('measures a negative coefficient by its length, and splits evenly when every term is zero', async () => {
    const { updateShares } = await import('./gramian');
    expect(updateShares([-1, 1], [3, 1])).toEqual([0.75, 0.25]);
    expect(updateShares([0, 0], [3, 1])).toEqual([0.5, 0.5]);
  });

  it('keeps the norms and the angle of the original pair', async () => {
    const { planarGradients, gramianFromVectors, cosineFromGramian, normsFromGramian } = await import('./gramian');
    const plane = planarGradients([3, 2], -0.6);
    const gramian = gramianFromVectors(plane);
    expect(normsFromGramian(gramian)[0]).toBeCloseTo(3, 12);
    expect(normsFromGramian(gramian)[1]).toBeCloseTo(2, 12);
    expect(cosineFromGramian(gramian)).toBeCloseTo(-0.6, 12);
  });
});
