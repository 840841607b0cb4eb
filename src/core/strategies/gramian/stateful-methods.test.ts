import { describe, expect, it } from 'vitest';
import { gramianFromVectors, pcgradCoefficients } from '../../gramian';
import { createRandom } from '../../random';
import { drawProjectionOrder } from '../pcgrad';
import { famoCoefficients, famoUpdate, initialFamoState } from './famo';
import { glsCoefficients } from './gls';
import { cosineWith, gradVacStep, initialGradVacState } from './gradvac';
import { rlwCoefficients } from './rlw';
import { initialStchState, stchStep } from './stch';
import { randomGramian } from './test-helpers';

describe('GradVac', () => {
  it('equals PCGrad on its first step (targets 0) and moves the targets by β·ρ', () => {
    const g = randomGramian(71, 3);
    const pcgrad = pcgradCoefficients(g, drawProjectionOrder(3, createRandom(9))).coefficients;
    const { coefficients } = gradVacStep(g, initialGradVacState(3), createRandom(9), { beta: 0.5 });
    coefficients.forEach((c, k) => expect(c).toBeCloseTo(pcgrad[k], 12));
    // K = 2 by hand: cos = −0.447…, so φ̂ becomes β·cos after one step.
    const g2 = gramianFromVectors([[3, 4], [1, -2]]);
    const cosine = -5 / (5 * Math.sqrt(5));
    const next = gradVacStep(g2, initialGradVacState(2), createRandom(1), { beta: 0.5 }).state;
    expect(next.targets[0][1]).toBeCloseTo(0.5 * cosine, 14);
    expect(next.targets[1][0]).toBeCloseTo(0.5 * cosine, 14);
  });

  it('moves only adjusted pairs’ targets under LibMTL’s rule', () => {
    // Agreeing gradients: no pair is adjusted, so only the paper's rule moves the targets.
    const g = gramianFromVectors([[3, 4], [1, 2]]);
    const paper = gradVacStep(g, initialGradVacState(2), createRandom(1), { beta: 0.5 }).state;
    const libmtl = gradVacStep(g, initialGradVacState(2), createRandom(1), { beta: 0.5, targetUpdate: 'whenAdjusted' }).state;
    expect(paper.targets[0][1]).toBeCloseTo(0.5 * (11 / (5 * Math.sqrt(5))), 14);
    expect(libmtl.targets[0][1]).toBe(0);
  });

  it('lifts the cosine to exactly the target when it is below it', () => {
    const g = gramianFromVectors([[3, 4], [1, -2]]);
    const state = { targets: [[0, 0.3], [0.3, 0]] };
    const { coefficients, adjustments } = gradVacStep(g, state, createRandom(1), { beta: 0.01 });
    expect(adjustments).toBe(2);
    // For K = 2, c_0 − 1 is what task 1's vector gained from g_0 and vice versa.
    expect(cosineWith(g, [1, coefficients[1] - 1], 1)).toBeCloseTo(0.3, 12);
    expect(cosineWith(g, [coefficients[0] - 1, 1], 0)).toBeCloseTo(0.3, 12);
  });
});

describe('RLW', () => {
  it('is the softmax of K standard normal draws from the seeded stream, fresh every step', () => {
    const random = createRandom(5);
    const first = rlwCoefficients(3, random);
    const draws = createRandom(5);
    const z = [draws.normal(), draws.normal(), draws.normal()];
    const total = z.reduce((s, v) => s + Math.exp(v), 0);
    first.coefficients.forEach((c, k) => expect(c).toBeCloseTo(Math.exp(z[k]) / total, 15));
    expect(rlwCoefficients(3, random).coefficients).not.toEqual(first.coefficients);
  });
});

describe('GLS', () => {
  it('gives c_k = (Π L)^(1/K)/(K·L_k): losses (4, 1) → (1/4, 1)', () => {
    const { coefficients, weights, geometricMean } = glsCoefficients([4, 1]);
    expect(geometricMean).toBeCloseTo(2, 14);
    expect(coefficients[0]).toBeCloseTo(0.25, 14);
    expect(coefficients[1]).toBeCloseTo(1, 14);
    expect(weights[0]).toBeCloseTo(0.2, 14);
  });

  it('rejects a non-positive loss with the task named', () => {
    expect(() => glsCoefficients([1, 0])).toThrow(/task 1/);
  });
});

describe('FAMO', () => {
  it('starts at z = 1/K, so c_k ∝ 1/L_k: losses (2, 0.5) → (0.2, 0.8)', () => {
    const { coefficients, weights } = famoCoefficients(initialFamoState(2), [2, 0.5]);
    expect(weights).toEqual([0.5, 0.5]);
    expect(coefficients[0]).toBeCloseTo(0.2, 8);
    expect(coefficients[1]).toBeCloseTo(0.8, 8);
  });

  it('moves weight away from the task whose log-loss fell more; the first Adam step is lr·sign', () => {
    // Task 0 halves, task 1 stays: δ = (log 2, 0), grad ξ = z ⊙ (δ − zᵀδ) = (+, −) log 2 / 4.
    const state = famoUpdate(initialFamoState(2), [2, 1], [1, 1]);
    expect(state.logits[0]).toBeCloseTo(-0.025, 6);
    expect(state.logits[1]).toBeCloseTo(0.025, 6);
    const after = famoCoefficients(state, [1, 1]);
    expect(after.coefficients[0]).toBeLessThan(0.5);
  });
});

describe('STCH', () => {
  it('uses 1/L_k during warm-up, then K·softmax(log(L/N)/μ)_k/L_k with N the warm-up mean', () => {
    let state = initialStchState(2);
    const warm1 = stchStep(state, [2, 1], { warmupSteps: 2, mu: 0.5 });
    expect(warm1.coefficients).toEqual([0.5, 1]);
    state = stchStep(warm1.state, [4, 3], { warmupSteps: 2, mu: 0.5 }).state; // nadir N = (3, 2)
    const after = stchStep(state, [3, 4], { warmupSteps: 2, mu: 0.5 });
    expect(after.inWarmup).toBe(false);
    // log(L/N) = (0, log 2); /μ → (0, 2 log 2): softmax = (1/5, 4/5).
    expect(after.weights[0]).toBeCloseTo(0.2, 12);
    expect(after.coefficients[0]).toBeCloseTo((2 * 0.2) / 3, 12);
    expect(after.coefficients[1]).toBeCloseTo((2 * 0.8) / 4, 12);
    expect(after.state.nadir).toEqual([3, 2]);
  });
});
