import { describe, expect, it } from 'vitest';
import { gramianFromVectors } from '../../src/core/gramian';
import {
  ARENA_METHODS,
  ARENA_SCHEMA,
  conflictingTasks,
  dualConePolygon,
  formatValue,
  drawnVectors,
  evaluateAll,
  gramianFromNormsAndCosine,
  moveTip,
  planarEmbedding,
  type ArenaState,
  type MethodOutcome,
  type Vec,
} from './model';

const byId = (outcomes: readonly MethodOutcome[], id: string) => {
  const outcome = outcomes.find((o) => o.id === id);
  if (!outcome) throw new Error(`no method ${id}`);
  return outcome;
};

describe('planarEmbedding', () => {
  it('reproduces the Gramian it came from, for any pair of vectors in any dimension', () => {
    const pairs: number[][][] = [
      [[3, 1], [-1.5, 2]],
      [[1, 2, 3, 4], [-4, 0.5, 2, -1]],
      [[5, 0, 0], [-5, 0, 0]],
      [[0.01, 0.02], [300, -40]],
    ];
    for (const pair of pairs) {
      const gramian = gramianFromVectors(pair);
      const embedded = gramianFromVectors(planarEmbedding(gramian));
      for (let i = 0; i < 2; i += 1) {
        for (let j = 0; j < 2; j += 1) expect(embedded[i][j]).toBeCloseTo(gramian[i][j], 9);
      }
    }
  });

  it('puts g_0 on the first axis and g_1 in the upper half-plane; a zero g_0 leaves g_1 on the axis', () => {
    const [g0, g1] = planarEmbedding(gramianFromVectors([[0, 2], [3, -1]]));
    expect(g0[1]).toBe(0);
    expect(g0[0]).toBeCloseTo(2, 12);
    expect(g1[1]).toBeGreaterThanOrEqual(0);
    expect(planarEmbedding([[0, 0], [0, 9]])).toEqual([[0, 0], [3, 0]]);
  });

  it('reads the record’s norms and cosine as the same Gramian', () => {
    const vectors = [[2, 1, -1], [0.5, -3, 1]];
    const gramian = gramianFromVectors(vectors);
    const norms = [Math.sqrt(gramian[0][0]), Math.sqrt(gramian[1][1])];
    const fromRecord = gramianFromNormsAndCosine(norms, gramian[0][1] / (norms[0] * norms[1]));
    fromRecord.forEach((row, i) => row.forEach((value, j) => expect(value).toBeCloseTo(gramian[i][j], 12)));
  });
});

describe('the arena’s methods on drawn vectors', () => {
  it('two opposite gradients of equal length: MGDA, UPGrad, DualProj and PCGrad give d = 0; Nash-MTL has no answer', () => {
    const outcomes = evaluateAll([[2, 1], [-2, -1]]);
    for (const id of ['mgda', 'upgrad', 'dualproj', 'pcgrad']) {
      expect(byId(outcomes, id).length, id).toBeLessThan(1e-12);
      expect(byId(outcomes, id).conflicts, id).toEqual([]);
    }
    expect(byId(outcomes, 'nash').coefficients).toBeNull();
    expect(byId(outcomes, 'nash').failure).toMatch(/no solution/);
  });

  it('K = 2: UPGrad is half of PCGrad and IMTL-G equals GABA’s raw weights', () => {
    const outcomes = evaluateAll([[3, 1], [-1.5, 2]]);
    const [up, pc] = [byId(outcomes, 'upgrad'), byId(outcomes, 'pcgrad')];
    up.update.forEach((x, i) => expect(x).toBeCloseTo(pc.update[i] / 2, 12));
    byId(outcomes, 'imtlg').coefficients!.forEach((c, k) => expect(c).toBeCloseTo(byId(outcomes, 'gaba').coefficients![k], 6));
  });

  it('flags conflicts: the mean of a conflicting pair of unequal length conflicts with the short one; MGDA, UPGrad, DualProj never do', () => {
    const vectors: Vec[] = [[4, 0], [-1, 0.3]];
    const outcomes = evaluateAll(vectors);
    expect(byId(outcomes, 'mean').conflicts).toEqual([1]);
    expect(byId(outcomes, 'mean').innerProducts[1]).toBeLessThan(0);
    for (const id of ['mgda', 'upgrad', 'dualproj']) expect(byId(outcomes, id).conflicts, id).toEqual([]);
  });

  it('ignores rounding-sized inner products but not real ones', () => {
    const gramian = [[1, 0], [0, 1]];
    expect(conflictingTasks([-1e-15, 0.5], 1, gramian)).toEqual([]);
    expect(conflictingTasks([-1e-3, 0.5], 1, gramian)).toEqual([0]);
  });

  it('three gradients around the origin: MGDA, UPGrad and DualProj stop, Nash-MTL has no answer', () => {
    const outcomes = evaluateAll([[2, 0], [-1, 1.5], [-1, -1.5]]);
    for (const id of ['mgda', 'upgrad', 'dualproj']) expect(byId(outcomes, id).length, id).toBeLessThan(1e-9);
    expect(byId(outcomes, 'nash').coefficients).toBeNull();
  });

  it('three gradients in a half-plane: IMTL-G’s update is zero, Nash-MTL exists and conflicts with no task', () => {
    const outcomes = evaluateAll([[3, 1], [-1, 2], [0.5, 0.2]]);
    expect(byId(outcomes, 'imtlg').length).toBeLessThan(1e-9);
    expect(byId(outcomes, 'nash').coefficients).not.toBeNull();
    expect(byId(outcomes, 'nash').conflicts).toEqual([]);
  });

  it('evaluates every listed method, in order, and each update is Σ c_k g_k', () => {
    const vectors: Vec[] = [[1, 2], [2, -0.5], [-1, 1]];
    const outcomes = evaluateAll(vectors);
    expect(outcomes.map((o) => o.id)).toEqual(ARENA_METHODS.map((m) => m.id));
    for (const outcome of outcomes) {
      if (!outcome.coefficients) continue;
      const c = outcome.coefficients;
      const expected = [0, 1].map((i) => vectors.reduce((s, g, k) => s + c[k] * g[i], 0));
      outcome.update.forEach((x, i) => expect(x).toBeCloseTo(expected[i], 12));
    }
  });
});

describe('state', () => {
  const base: ArenaState = { mode: 'draw', k: 2, x0: 1, y0: 2, x1: 3, y1: 4, x2: 5, y2: -5, seed: 0 };

  it('draws K tips from the URL state', () => {
    expect(drawnVectors(base)).toEqual([[1, 2], [3, 4]]);
    expect(drawnVectors({ ...base, k: 3 })).toEqual([[1, 2], [3, 4], [5, -5]]);
  });

  it('moves a tip clamped to the arena and snapped to the 0.1 grid', () => {
    expect(moveTip(0, [9, -0.123])).toEqual({ x0: 5, y0: -0.1 });
    expect(moveTip(2, [-3.01 + 0.1, 2.04])).toEqual({ x2: -2.9, y2: 2 });
  });

  it('defaults to a conflicting pair whose mean conflicts with g₁, and to three gradients around the origin', () => {
    const fallback = (key: keyof ArenaState) => {
      const field = ARENA_SCHEMA[key];
      return field.kind === 'number' ? field.fallback : NaN;
    };
    const state = { ...base, k: 2, x0: fallback('x0'), y0: fallback('y0'), x1: fallback('x1'), y1: fallback('y1'), x2: fallback('x2'), y2: fallback('y2') };
    const [g0, g1] = drawnVectors(state);
    expect(g0[0] * g1[0] + g0[1] * g1[1]).toBeLessThan(0);
    expect(evaluateAll([g0, g1]).find((o) => o.id === 'mean')!.conflicts).toEqual([1]);
    expect(evaluateAll(drawnVectors({ ...state, k: 3 })).find((o) => o.id === 'mgda')!.length).toBeLessThan(1e-12);
  });

  it('a rounding-sized update conflicts with nothing', () => {
    expect(conflictingTasks([-1e-30, -1e-30], 1e-17, [[4, 0], [0, 4]])).toEqual([]);
  });
});

describe('dualConePolygon', () => {
  it('is the quarter-plane for two orthogonal gradients and a single point when they surround the origin', () => {
    const quarter = dualConePolygon([[1, 0], [0, 1]], 2);
    const area = (poly: readonly Vec[]) => Math.abs(poly.reduce((s, p, i) => s + p[0] * poly[(i + 1) % poly.length][1] - poly[(i + 1) % poly.length][0] * p[1], 0)) / 2;
    expect(area(quarter)).toBeCloseTo(4, 12);
    expect(area(dualConePolygon([[2, 0], [-1, 1.5], [-1, -1.5]], 2))).toBeCloseTo(0, 12);
    // Every vertex satisfies every constraint.
    for (const p of dualConePolygon([[3, 1], [-1.5, 2]], 5)) {
      expect(3 * p[0] + p[1]).toBeGreaterThanOrEqual(-1e-12);
      expect(-1.5 * p[0] + 2 * p[1]).toBeGreaterThanOrEqual(-1e-12);
    }
  });
});

describe('formatValue', () => {
  it('shows rounding-sized values as 0 and others with three significant digits', () => {
    expect(formatValue(1e-17, 2)).toBe('0');
    expect(formatValue(0.123456)).toBe('0.123');
    expect(formatValue(-2)).toBe('-2.00');
    expect(formatValue(12345)).toBe('1.23e+4');
  });
});

describe('Nash-MTL in the arena', () => {
  it('has an update of length √K whatever the gradients: ‖δ‖² = Σ_k c_k (Gc)_k = K', () => {
    for (const vectors of [[[3, 1], [-1.5, 2]], [[0.01, 0.3], [40, 2]], [[3, 1], [-1, 2], [0.5, 0.2]]] as Vec[][]) {
      const nash = evaluateAll(vectors).find((o) => o.id === 'nash')!;
      expect(nash.length).toBeCloseTo(Math.sqrt(vectors.length), 9);
    }
  });
});
