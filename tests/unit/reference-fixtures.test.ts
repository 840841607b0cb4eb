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

describe('the Gramian family’s fixtures', () => {
  const family = ['mgda', 'imtl-g', 'cagrad', 'nash-mtl', 'fairgrad', 'aligned-mtl', 'upgrad', 'dualproj', 'gradvac', 'rlw', 'famo-next-batch', 'gls', 'stch'];
  const byName = new Map(pairs.map((p) => [p.scenario.name, p.fixture.steps]));

  it('move the coefficients at nearly every step, so agreeing with them is not vacuous', () => {
    for (const name of family) {
      const steps = byName.get(name) ?? [];
      expect(steps, name).toHaveLength(240);
      const first = steps[0].sharedCoefficients;
      const moved = steps.filter((s) => s.sharedCoefficients.some((c, k) => Math.abs(c - first[k]) > 1e-6 * Math.abs(first[k]))).length;
      expect({ name, moved }).toEqual({ name, moved: 239 });
    }
  });

  it('include steps with and without a conflict for the cone projections, and STCH past its warm-up', () => {
    for (const name of ['upgrad', 'dualproj']) {
      const shares = (byName.get(name) ?? []).map((s) => s.weights[0]);
      // No conflict: the mean gradient, shown as 1/2 each; a conflict moves the RUL share.
      expect(shares.some((w) => Math.abs(w - 0.5) < 1e-12), name).toBe(true);
      expect(shares.some((w) => w < 0.1), name).toBe(true);
    }
    const stch = byName.get('stch') ?? [];
    expect(stch[99].weights[0]).toBeLessThan(0.01);
    expect(stch[100].weights[0]).toBeGreaterThan(0.1);
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
