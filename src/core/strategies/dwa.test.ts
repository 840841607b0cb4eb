import { describe, expect, it } from 'vitest';
import { createDwaStrategy, dwaWeights } from './dwa';
import { observationFromNorms } from './testing';

describe('dwaWeights', () => {
  it('gives K·softmax(r/T): rates (0.5, 1) at T = 2 give (0.875647, 1.124353)', () => {
    const weights = dwaWeights([5, 2], [10, 2], 2);
    const a = Math.exp(0.25);
    const b = Math.exp(0.5);
    expect(weights[0]).toBeCloseTo((2 * a) / (a + b), 12);
    expect(weights[1]).toBeCloseTo((2 * b) / (a + b), 12);
    expect(weights[0]).toBeCloseTo(0.875647, 6);
  });

  it('stays finite for large rates', () => {
    const weights = dwaWeights([1e6, 1], [1, 1], 0.01);
    expect(weights).toEqual([2, 0]);
  });
});

describe('DWA strategy with blocks of 2 steps', () => {
  const losses = [[10, 4], [10, 4], [6, 4], [4, 4], [1, 1], [1, 1], [1, 1]];

  it('uses w = 1 for the first two blocks, then the softmax of the previous blocks’ rates', () => {
    const strategy = createDwaStrategy({ temperature: 2, blockSize: 2 }, 2);
    const plans = losses.map((l, i) => strategy.plan(observationFromNorms(i + 1, l, [1, 1])));
    for (let i = 0; i < 4; i += 1) expect(plans[i].sharedCoefficients).toEqual([1, 1]);
    // Block 2 (steps 5, 6): block means (10, 4) then (5, 4), rates (0.5, 1).
    const expected = dwaWeights([5, 4], [10, 4], 2);
    expect(plans[4].sharedCoefficients).toEqual(expected);
    expect(plans[5].sharedCoefficients).toEqual(expected);
    expect(plans[4].weights[0]).toBeCloseTo(expected[0] / 2, 12);
    // Block 3 (step 7): means (5, 4) then (1, 1), rates (0.2, 0.25).
    expect(plans[6].sharedCoefficients).toEqual(dwaWeights([1, 1], [5, 4], 2));
  });

  it('reports the next step’s weights without disturbing the running block', () => {
    const strategy = createDwaStrategy({ temperature: 2, blockSize: 2 }, 2);
    losses.slice(0, 4).forEach((l, i) => strategy.plan(observationFromNorms(i + 1, l, [1, 1])));
    const upcoming = strategy.currentWeights();
    expect(upcoming[0]).toBeCloseTo(dwaWeights([5, 4], [10, 4], 2)[0] / 2, 12);
    expect(strategy.snapshot()).toMatchObject({ step: 4, block: 1, stepsInBlock: 2 });
    const plan = strategy.plan(observationFromNorms(5, [1, 1], [1, 1]));
    expect(plan.weights).toEqual(upcoming);
  });

  it('starts again from w = 1 after reset', () => {
    const strategy = createDwaStrategy({ temperature: 2, blockSize: 1 }, 2);
    [[4, 1], [2, 1], [1, 1]].forEach((l, i) => strategy.plan(observationFromNorms(i + 1, l, [1, 1])));
    strategy.reset();
    expect(strategy.currentWeights()).toEqual([0.5, 0.5]);
    expect(strategy.plan(observationFromNorms(1, [1, 1], [1, 1])).sharedCoefficients).toEqual([1, 1]);
  });
});
