import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import {
  createGabaController,
  gabaClosedFormK2,
  gabaRawWeights,
  inverseNormWeights,
} from './gaba-controller';

const sum = (values: readonly number[]): number => values.reduce((acc, v) => acc + v, 0);

describe('gabaRawWeights (eq. 4)', () => {
  it('turns norms (5.0, 0.01) into (0.0020, 0.9980), summing to 1', () => {
    const [rul, health] = gabaRawWeights([5.0, 0.01]);
    expect(rul.toFixed(4)).toBe('0.0020');
    expect(health.toFixed(4)).toBe('0.9980');
    expect(rul).toBeCloseTo(0.01 / 5.01, 12);
    expect(rul + health).toBeCloseTo(1, 12);
  });

  it('agrees with the K = 2 closed form λ_rul = ‖g_health‖ / S', () => {
    for (const [a, b] of [[5, 0.01], [0.3, 0.7], [1e-6, 2], [123, 456]]) {
      const general = gabaRawWeights([a, b]);
      const closed = gabaClosedFormK2(a, b);
      // They differ only by ε/S, because eq. 4 keeps ε in the numerator S − ‖g_k‖.
      expect(general[0]).toBeCloseTo(closed[0], 10);
      expect(general[1]).toBeCloseTo(closed[1], 10);
    }
  });

  it('gives 1/K for equal norms with K = 2, 3 and 5', () => {
    for (const k of [2, 3, 5]) {
      const weights = gabaRawWeights(new Array<number>(k).fill(0.7));
      weights.forEach((w) => expect(w).toBeCloseTo(1 / k, 12));
    }
  });

  it('gives weights ≥ 0 that sum to 1 and fall as the norm grows, for 200 seeded random norm vectors', () => {
    const random = createRandom(7);
    for (let trial = 0; trial < 200; trial += 1) {
      const k = 2 + random.int(5);
      const norms = Array.from({ length: k }, () => Math.exp(random.uniform(-8, 8)));
      const weights = gabaRawWeights(norms);
      expect(sum(weights)).toBeCloseTo(1, 9);
      weights.forEach((w) => expect(w).toBeGreaterThanOrEqual(0));
      for (let i = 0; i < k; i += 1) {
        for (let j = 0; j < k; j += 1) {
          if (norms[i] > norms[j]) expect(weights[i]).toBeLessThanOrEqual(weights[j]);
        }
      }
    }
  });

  it('falls back to 1/K when every norm is zero and ε is 0', () => {
    expect(gabaRawWeights([0, 0, 0], 0)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });
});

describe('inverse-norm rule', () => {
  it('equals eq. 4 for K = 2', () => {
    const paper = gabaRawWeights([5, 0.01]);
    const inverse = inverseNormWeights([5, 0.01]);
    expect(inverse[0]).toBeCloseTo(paper[0], 12);
    expect(inverse[1]).toBeCloseTo(paper[1], 12);
  });

  it('makes every λ_k‖g_k‖ equal for norms (1, 2, 4), while eq. 4 gives 6/14, 10/14, 12/14', () => {
    const norms = [1, 2, 4];
    const inverse = inverseNormWeights(norms).map((w, k) => w * norms[k]);
    inverse.forEach((v) => expect(v).toBeCloseTo(4 / 7, 12));
    const paper = gabaRawWeights(norms).map((w, k) => w * norms[k]);
    expect(paper[0]).toBeCloseTo(6 / 14, 12);
    expect(paper[1]).toBeCloseTo(10 / 14, 12);
    expect(paper[2]).toBeCloseTo(12 / 14, 12);
  });
});

describe('createGabaController', () => {
  it('keeps 1/K and leaves the EMA untouched through warm-up, then starts adapting', () => {
    const controller = createGabaController({ warmupSteps: 3, taskCount: 3 });
    for (let t = 1; t <= 3; t += 1) {
      const update = controller.update([100, 1, 0.01]);
      expect(update.step).toBe(t);
      expect(update.inWarmup).toBe(true);
      expect(update.weights).toEqual([1 / 3, 1 / 3, 1 / 3]);
      expect(update.ema).toEqual([1 / 3, 1 / 3, 1 / 3]);
    }
    const adaptive = controller.update([100, 1, 0.01]);
    expect(adaptive.inWarmup).toBe(false);
    expect(adaptive.ema[0]).toBeCloseTo(0.99 / 3 + 0.01 * adaptive.raw[0], 12);
  });

  it('from EMA (0.5, 0.5) and raw ≈ (0, 1) moves the RUL weight to 0.4950, 0.49005, 0.485150 = 0.5·0.99^t', () => {
    const controller = createGabaController({ warmupSteps: 0 });
    const rulWeights = [1, 2, 3].map(() => controller.update([1, 1e-9]).weights[0]);
    expect(rulWeights[0]).toBeCloseTo(0.495, 8);
    expect(rulWeights[1]).toBeCloseTo(0.49005, 8);
    // With a raw RUL weight of 0 the third step is 0.5·0.99³ = 0.4851495. The source's smoke test prints
    // 0.4853, which is right for its own raw weight (≈ 0.0048, next test): EMA = 0.5·βⁿ + r·(1 − βⁿ).
    expect(rulWeights[2]).toBeCloseTo(0.4851495, 8);
    expect(rulWeights.map((w) => w.toFixed(4)).slice(0, 2)).toEqual(['0.4950', '0.4901']);
  });

  it('prints the source’s 0.4950, 0.4901, 0.4853 when the raw RUL weight is its ≈ 0.0048', () => {
    const controller = createGabaController({ warmupSteps: 0 });
    const raw = 0.0048;
    const norms = [1, raw / (1 - raw)];
    const rulWeights = [1, 2, 3].map(() => controller.update(norms).weights[0]);
    rulWeights.forEach((w, n) => expect(w).toBeCloseTo(0.5 * 0.99 ** (n + 1) + raw * (1 - 0.99 ** (n + 1)), 10));
    expect(rulWeights.map((w) => w.toFixed(4))).toEqual(['0.4950', '0.4901', '0.4853']);
  });

  it('pins the RUL weight at the floor for norms 100 : 0.001: 0.05 / (0.05 + ema_health) after renormalising', () => {
    const controller = createGabaController({ warmupSteps: 0 });
    let update = controller.update([100, 0.001]);
    for (let t = 1; t < 2000; t += 1) update = controller.update([100, 0.001]);
    const [emaRul, emaHealth] = update.ema;
    expect(emaRul).toBeLessThan(0.05);
    expect(emaRul).toBeCloseTo(1e-5, 6);
    expect(update.weights[0]).toBeCloseTo(0.05 / (0.05 + emaHealth), 12);
    expect(update.weights[0]).toBeCloseTo(0.047619, 5);
    expect(sum(update.weights)).toBeCloseTo(1, 12);
  });

  it('uses the inverse-norm rule when asked', () => {
    const controller = createGabaController({ taskCount: 3, rule: 'inverseNorm', warmupSteps: 0, beta: 0 });
    const update = controller.update([1, 2, 4]);
    expect(update.raw.map((w) => w.toFixed(6))).toEqual(['0.571429', '0.285714', '0.142857']);
    expect(update.weights[0]).toBeCloseTo(4 / 7, 12);
  });

  it('returns to step 0, EMA 1/K and weights 1/K on reset', () => {
    const controller = createGabaController({ warmupSteps: 0 });
    controller.update([3, 1]);
    controller.update([3, 1]);
    expect(controller.snapshot().step).toBe(2);
    controller.reset();
    expect(controller.snapshot()).toEqual({ step: 0, ema: [0.5, 0.5], weights: [0.5, 0.5] });
    expect(controller.currentWeights()).toEqual([0.5, 0.5]);
    expect(controller.update([3, 1]).ema[0]).toBeCloseTo(0.99 * 0.5 + 0.01 * 0.25, 12);
  });

  it('uses the published defaults β 0.99, warm-up 100, floor 0.05 and rejects the wrong number of norms', () => {
    const controller = createGabaController();
    expect(controller.hyper).toEqual({ beta: 0.99, warmupSteps: 100, minWeight: 0.05, epsilon: 1e-12 });
    expect(() => controller.update([1, 2, 3])).toThrow(/expected 2 norms/);
  });

  it('rejects slider values out of range, naming the field: β = 1 or a floor of 0.4 with K = 3', () => {
    expect(() => createGabaController({ beta: 1 })).toThrow('strategy.hyper.beta must be in [0, 1), got 1');
    expect(() => createGabaController({ taskCount: 3, minWeight: 0.4 })).toThrow(/minWeight must be at most 1\/K/);
  });

  it('retunes β and the floor mid-run keeping the EMA, and the warm-up only while it lasts', () => {
    const tuned = createGabaController({ beta: 0.9, warmupSteps: 2, minWeight: 0 });
    const reference = createGabaController({ beta: 0.9, warmupSteps: 2, minWeight: 0 });
    tuned.retune({ warmupSteps: 1 }); // still in the warm-up (step 0): allowed
    for (let i = 0; i < 3; i += 1) tuned.update([3, 1]);
    expect(tuned.snapshot().step).toBe(3);
    const emaBefore = tuned.snapshot().ema;
    tuned.retune({ beta: 0.5, minWeight: 0.4 });
    const next = tuned.update([3, 1]);
    // The next update folds with the new β into the kept EMA, then floors at 0.4.
    expect(next.ema[0]).toBeCloseTo(0.5 * emaBefore[0] + 0.5 * 0.25, 12);
    expect(next.weights[0]).toBeCloseTo(0.4 / (0.4 + next.ema[1]), 12);
    expect(tuned.hyper).toEqual({ beta: 0.5, warmupSteps: 1, minWeight: 0.4, epsilon: 1e-12 });
    expect(() => tuned.retune({ warmupSteps: 50 })).toThrow(/only during the warm-up/);
    expect(() => tuned.retune({ beta: 1 })).toThrow('strategy.hyper.beta must be in [0, 1), got 1');
    expect(tuned.hyper.beta).toBe(0.5);
    reference.update([3, 1]);
    expect(reference.snapshot().ema).toEqual([0.5, 0.5]); // untouched by the other controller
  });
});
