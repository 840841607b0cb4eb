import { describe, expect, it } from 'vitest';
import { combineVectors, gramianFromVectors } from '../gramian';
import { createRandom } from '../random';
import { createPcgradStrategy, drawProjectionOrder } from './pcgrad';
import { observationFromVectors } from './testing';

describe('PCGrad strategy', () => {
  it('gives c = (1 − G01/G00, 1 − G01/G11) = (1.2, 2) for conflicting gradients (3, 4) and (1, −2), unit heads', () => {
    const strategy = createPcgradStrategy({ seed: 0 }, 2);
    const plan = strategy.plan(observationFromVectors(1, [1, 1], [[3, 4], [1, -2]]));
    expect(plan.sharedCoefficients).toEqual([1.2, 2]);
    expect(plan.headCoefficients).toEqual([1, 1]);
    expect(plan.weights).toEqual([0.5, 0.5]);
    expect(plan.projections).toBe(2);
  });

  it('gives c = (1, 1) and no projections when the gradients agree', () => {
    const plan = createPcgradStrategy({ seed: 0 }, 2).plan(observationFromVectors(1, [1, 1], [[3, 4], [1, 2]]));
    expect(plan.sharedCoefficients).toEqual([1, 1]);
    expect(plan.projections).toBe(0);
  });

  it('yields an update whose projected parts are orthogonal to the other original gradient', () => {
    const vectors = [[2, -1, 0.5], [-1, 3, 1]];
    const plan = createPcgradStrategy({ seed: 0 }, 2).plan(observationFromVectors(1, [1, 1], vectors));
    const update = combineVectors(plan.sharedCoefficients, vectors);
    const projected0 = combineVectors([1, plan.sharedCoefficients[1] - 1], vectors);
    const dot = (a: number[], b: readonly number[]): number => a.reduce((s, v, i) => s + v * b[i], 0);
    // c1 − 1 is the part of g1 removed from g0; c0 − 1 the part of g0 removed from g1.
    expect(dot(projected0, vectors[1])).toBeCloseTo(0, 12);
    expect(dot(combineVectors([plan.sharedCoefficients[0] - 1, 1], vectors), vectors[0])).toBeCloseTo(0, 12);
    expect(update).toHaveLength(3);
  });

  it('draws one permutation of the other tasks per task per step, and repeats them after reset', () => {
    const orders = drawProjectionOrder(4, createRandom(3));
    orders.forEach((order, k) => expect([...order].sort()).toEqual([0, 1, 2, 3].filter((j) => j !== k)));
    const vectors = [[1, 0, 0], [-1, 1, 0], [-0.5, -1, 1]];
    const strategy = createPcgradStrategy({ seed: 5 }, 3);
    const first = [1, 2, 3].map((step) => strategy.plan(observationFromVectors(step, [1, 1, 1], vectors)));
    strategy.reset();
    const again = [1, 2, 3].map((step) => strategy.plan(observationFromVectors(step, [1, 1, 1], vectors)));
    expect(again).toEqual(first);
    expect(gramianFromVectors(vectors)[0][1]).toBe(-1);
  });
});
