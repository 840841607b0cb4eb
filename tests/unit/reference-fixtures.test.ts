/**
 * The core against the PyTorch reference (reference/replay.py), through the committed fixtures:
 * no torch is needed here. `npm run fixtures` regenerates scenarios and fixtures.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ADAM } from '../../src/core/optimiser-config';
import { createStrategy } from '../../src/core/strategies';
import { scenarioVariants } from '../../reference/scenario-variants';
import { gramianFromRecord, loadFixturePairs, noError, trackWorst } from './fixture-compare';

const pairs = loadFixturePairs();

describe('the PyTorch fixtures', () => {
  it('cover every scenario variant with one fixture of the scenario’s length', () => {
    expect(pairs.map((p) => p.file).sort()).toEqual(scenarioVariants().map((v) => `${v.name}.json`).sort());
    for (const { scenario, fixture } of pairs) expect(fixture.steps).toHaveLength(scenario.steps);
  });

  it('include adaptive GABA steps, PCGrad projections and moving DWA weights, so the comparison is not vacuous', () => {
    const byName = new Map(pairs.map((p) => [p.scenario.name, p.fixture.steps]));
    const warmup20 = byName.get('gaba-warmup20') ?? [];
    // After the 20-step warm-up the RUL weight leaves 1/2 (the RUL gradient is hundreds of times larger).
    expect(warmup20[19].weights[0]).toBe(0.5);
    expect(warmup20[239].weights[0]).toBeLessThan(0.1);
    const projections = (byName.get('pcgrad') ?? []).reduce((sum, s) => sum + (s.projections ?? 0), 0);
    expect(projections).toBeGreaterThan(10);
    const dwa = byName.get('dwa') ?? [];
    expect(dwa[39].weights).toEqual([0.5, 0.5]);
    expect(Math.abs(dwa[40].weights[0] - 0.5)).toBeGreaterThan(1e-4);
  });
});

describe('the core’s strategies on the reference’s own observations', () => {
  // Host-side arithmetic is float64 in both implementations; the observations are rebuilt from the
  // recorded norms and cosine (a few ulps of float64 off), so 1e-9 leaves room only for that.
  const tolerance = 1e-9;
  for (const { file, scenario, fixture } of pairs) {
    it(`${file}: plan the same coefficients and weights as the reference at every step, within 1e-9`, () => {
      const strategy = createStrategy(scenario.strategy, { taskCount: 2, optimiser: scenario.optimiser ?? DEFAULT_ADAM });
      const worst = noError();
      for (const record of fixture.steps) {
        const plan = strategy.plan({
          step: record.step,
          losses: record.losses,
          sharedGramian: gramianFromRecord(record),
          lastLayerNorms: record.lastLayerNorms,
        });
        trackWorst(worst, record.step, 'sharedCoefficients', plan.sharedCoefficients, record.sharedCoefficients, 1e-12);
        trackWorst(worst, record.step, 'headCoefficients', plan.headCoefficients, record.headCoefficients, 1e-12);
        trackWorst(worst, record.step, 'weights', plan.weights, record.weights, 1e-12);
        expect(plan.projections).toBe(record.projections);
      }
      expect(worst.error, JSON.stringify(worst)).toBeLessThan(tolerance);
    });
  }
});
