import { describe, expect, it } from 'vitest';
import { computeFrontier, computePaths, PATH_STEPS, type ParetoState } from './model';

const base: ParetoState = { lambda: 0.5, scale: 100, mode: 'frontier', warmupSteps: 20, beta: 0.9, minWeight: 0.05, step: PATH_STEPS };

describe('the Pareto frontier model', () => {
  it('puts the optimum on the frontier, between its ends', () => {
    const { frontier, optimum } = computeFrontier(base);
    const rulLosses = frontier.map((p) => p.losses[0]);
    expect(optimum.losses[0]).toBeGreaterThanOrEqual(Math.min(...rulLosses));
    expect(optimum.losses[0]).toBeLessThanOrEqual(Math.max(...rulLosses));
  });

  it('is bent: near λ = 0.95 a small RUL gain costs 19 units of health loss per unit', () => {
    expect(computeFrontier({ ...base, lambda: 0.95 }).optimum.exchangeRate).toBeCloseTo(19, 10);
    expect(computeFrontier({ ...base, lambda: 0.05 }).optimum.exchangeRate).toBeCloseTo(1 / 19, 10);
  });

  it('draws a tangent whose slope is −λ/(1−λ)', () => {
    const { tangent } = computeFrontier({ ...base, lambda: 0.8 });
    const [[x0, y0], [x1, y1]] = tangent!;
    expect((y1 - y0) / (x1 - x0)).toBeCloseTo(-4, 10);
  });

  it('runs both descents from the same start for the same number of steps', () => {
    const { gaba, fixed } = computePaths({ ...base, mode: 'gaba' });
    expect(gaba.length).toBe(PATH_STEPS);
    expect(fixed.length).toBe(PATH_STEPS);
    expect(gaba[0].theta).toEqual(fixed[0].theta);
    // With the RUL loss 100× louder, a fixed 0.5/0.5 sum settles next to the RUL optimum; GABA turns the
    // RUL weight down and ends at a point that gives the health task a far better loss.
    expect(gaba[PATH_STEPS - 1].weights[0]).toBeLessThan(0.3);
    expect(gaba[PATH_STEPS - 1].losses[1]).toBeLessThan(fixed[PATH_STEPS - 1].losses[1] - 0.1);
  });
});
