import { describe, expect, it } from 'vitest';
import {
  createDefaultQuadraticPair,
  descendFixed,
  descendGaba,
  paretoFrontier,
  taskGradientAt,
  taskLossAt,
  weightedOptimum,
} from './quadratic-pair';

describe('the two-task quadratic problem', () => {
  const pair = createDefaultQuadraticPair(100);

  it('puts the weighted optimum at each task centre when the other weight is zero', () => {
    expect(weightedOptimum(pair, 1).theta[0]).toBeCloseTo(1, 10);
    expect(weightedOptimum(pair, 1).theta[1]).toBeCloseTo(0.2, 10);
    expect(weightedOptimum(pair, 0).theta[0]).toBeCloseTo(-0.6, 10);
    expect(weightedOptimum(pair, 0).losses[1]).toBeCloseTo(0, 10);
  });

  it('makes the weighted gradient vanish at the weighted optimum', () => {
    for (const lambda of [0.1, 0.5, 0.9]) {
      const { theta } = weightedOptimum(pair, lambda);
      const g0 = taskGradientAt(pair.tasks[0], theta);
      const g1 = taskGradientAt(pair.tasks[1], theta);
      expect(lambda * g0[0] + (1 - lambda) * g1[0]).toBeCloseTo(0, 8);
      expect(lambda * g0[1] + (1 - lambda) * g1[1]).toBeCloseTo(0, 8);
    }
  });

  it('matches the analytic gradient with central differences', () => {
    const theta: [number, number] = [0.3, -0.7];
    const h = 1e-6;
    const analytic = taskGradientAt(pair.tasks[1], theta);
    const numeric = [
      (taskLossAt(pair.tasks[1], [theta[0] + h, theta[1]]) - taskLossAt(pair.tasks[1], [theta[0] - h, theta[1]])) / (2 * h),
      (taskLossAt(pair.tasks[1], [theta[0], theta[1] + h]) - taskLossAt(pair.tasks[1], [theta[0], theta[1] - h])) / (2 * h),
    ];
    expect(numeric[0]).toBeCloseTo(analytic[0], 6);
    expect(numeric[1]).toBeCloseTo(analytic[1], 6);
  });

  it('traces a frontier on which one loss falls while the other rises', () => {
    const frontier = paretoFrontier(pair, 51);
    for (let i = 1; i < frontier.length; i += 1) {
      expect(frontier[i].losses[0]).toBeLessThanOrEqual(frontier[i - 1].losses[0] + 1e-9);
      expect(frontier[i].losses[1]).toBeGreaterThanOrEqual(frontier[i - 1].losses[1] - 1e-9);
    }
  });

  it('is bent: the exchange rate between the tasks grows without bound towards the ends', () => {
    expect(weightedOptimum(pair, 0.5).exchangeRate).toBeCloseTo(1, 12);
    expect(weightedOptimum(pair, 0.99).exchangeRate).toBeCloseTo(99, 8);
    expect(weightedOptimum(pair, 0.01).exchangeRate).toBeCloseTo(1 / 99, 8);
  });

  it('lets a fixed 0.5/0.5 sum land near the louder task when that task is scaled up', () => {
    const quiet = weightedOptimum(createDefaultQuadraticPair(1), 0.5);
    const loud = weightedOptimum(createDefaultQuadraticPair(1000), 0.5);
    const distanceToRulCentre = (t: readonly number[]) => Math.hypot(t[0] - 1, t[1] - 0.2);
    expect(distanceToRulCentre(loud.theta)).toBeLessThan(0.01);
    expect(distanceToRulCentre(quiet.theta)).toBeGreaterThan(0.3);
  });

  it('converges with a fixed weight to the exact weighted optimum', () => {
    const path = descendFixed(pair, 0.3, { start: [0, -1], steps: 400 });
    const end = path[path.length - 1].theta;
    const exact = weightedOptimum(pair, 0.3).theta;
    expect(end[0]).toBeCloseTo(exact[0], 4);
    expect(end[1]).toBeCloseTo(exact[1], 4);
  });

  it('brings unsmoothed GABA to the same end point whatever the scale of the RUL loss', () => {
    // Raw inverse-norm weights make the update direction the bisector of the two unit gradients,
    // which does not change when a loss is multiplied by a constant.
    const options = { start: [0, -1] as const, steps: 3000 };
    const raw = { warmupSteps: 0, beta: 0, minWeight: 0 };
    const endA = descendGaba(createDefaultQuadraticPair(1), options, raw).at(-1)!.theta;
    const endB = descendGaba(createDefaultQuadraticPair(1000), options, raw).at(-1)!.theta;
    expect(Math.hypot(endA[0] - endB[0], endA[1] - endB[1])).toBeLessThan(1e-6);
    const fixedA = weightedOptimum(createDefaultQuadraticPair(1), 0.5).theta;
    const fixedB = weightedOptimum(createDefaultQuadraticPair(1000), 0.5).theta;
    expect(Math.hypot(fixedA[0] - fixedB[0], fixedA[1] - fixedB[1])).toBeGreaterThan(0.5);
  });

  it('stays wherever it reached the frontier, because every Pareto point is a fixed point of GABA', () => {
    // With a long warm-up the descent reaches the 0.5/0.5 optimum first; GABA's weights then hold it.
    const path = descendGaba(createDefaultQuadraticPair(100), { start: [0, -1], steps: 400 }, { warmupSteps: 100 });
    const end = path.at(-1)!.theta;
    const fixed = weightedOptimum(createDefaultQuadraticPair(100), 0.5).theta;
    expect(Math.hypot(end[0] - fixed[0], end[1] - fixed[1])).toBeLessThan(1e-3);
  });
});
