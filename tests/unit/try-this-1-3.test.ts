/**
 * Every "Try this" of chapters 1–3, performed on the widgets' own models (what the reader drives) and
 * checked against what the exercise promises. Chapters 4–6: try-this-4-6.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runLab } from '../../src/figures/lab-run';
import { COMBINER_SCHEMA, liveLabConfig as combinerLab, livePicture, staticPicture } from '../../widgets/GradientCombiner/model';
import { computeFrontier, PARETO_SCHEMA } from '../../widgets/ParetoFrontier/model';
import { defaultsOf, exerciseCount, figure, tryThisOf, useWasm } from './try-this-helpers';

beforeAll(useWasm);

it.each([['01-one-loss-for-two-tasks.mdx', 3], ['02-fixed-weights.mdx', 3], ['03-tug-of-war.mdx', 4]] as const)('%s has exactly the %i exercises performed below (a new one needs its test)', (chapter, count) => {
  expect(exerciseCount(chapter)).toBe(count);
});

describe('chapter 1, Try this', () => {
  const pareto = defaultsOf(PARETO_SCHEMA);

  it('1. the exchange rate is exactly 1 at λ = 0.5, and a louder RUL loss pulls that λ\'s optimum towards the RUL task', () => {
    expect(computeFrontier({ ...pareto, lambda: 0.5 }).optimum.exchangeRate).toBe(1);
    const losses = [1, 10, 100].map((scale) => computeFrontier({ ...pareto, lambda: 0.5, scale }).optimum.losses);
    expect(losses[1][1]).toBeGreaterThan(losses[0][1]);
    expect(losses[2][1]).toBeGreaterThan(losses[1][1]);
  });

  it('2. at scale 100×, λ = 1/101 puts the dot where λ = 0.5 puts it at 1×', () => {
    const middle = computeFrontier({ ...pareto, lambda: 0.5, scale: 1 }).optimum.theta;
    const back = computeFrontier({ ...pareto, lambda: 1 / 101, scale: 100 }).optimum.theta;
    expect(back[0]).toBeCloseTo(middle[0], 10);
    expect(back[1]).toBeCloseTo(middle[1], 10);
  });

  it('3. from 1× to 100× GABA\'s end point moves less than fixed λ\'s; at 1000× with floor 0.05 the two meet; floor 0.01 separates them', () => {
    // The figures are the widget's paths (src/figures/toy-figures.ts paretoEnds, checked by figures.test.ts).
    const fixedMove = figure('pareto.fixed.100x.healthLoss') - figure('pareto.fixed.1x.healthLoss');
    const gabaMove = figure('pareto.gaba.100x.floor05.healthLoss') - figure('pareto.gaba.1x.floor05.healthLoss');
    expect(gabaMove).toBeLessThan(fixedMove);
    const apartAt1000 = Math.abs(figure('pareto.gaba.1000x.floor05.healthLoss') - figure('pareto.fixed.1000x.healthLoss'));
    const apartWithLowerFloor = Math.abs(figure('pareto.gaba.1000x.floor01.healthLoss') - figure('pareto.fixed.1000x.healthLoss'));
    expect(apartAt1000).toBeLessThan(0.01);
    expect(apartWithLowerFloor).toBeGreaterThan(3 * apartAt1000);
  });
});

describe('chapter 2, Try this', () => {
  it('1. across seeds 0 and 1 no RMSE difference between λ values survives: each line is flatter than the gap between them', () => {
    const spread = (seed: number) => figure(`sweep.seed${seed}.rmseMax`) - figure(`sweep.seed${seed}.rmseMin`);
    const [low, high] = [0, 1].sort((a, b) => figure(`sweep.seed${a}.rmseMin`) - figure(`sweep.seed${b}.rmseMin`));
    const gap = figure(`sweep.seed${high}.rmseMin`) - figure(`sweep.seed${low}.rmseMax`);
    expect(gap).toBeGreaterThan(spread(0));
    expect(gap).toBeGreaterThan(spread(1));
  });

  it('2. the health head still learns at λ = 0.9, not at 1.0, with either seed', () => {
    for (const seed of [0, 1]) expect(figure(`sweep.seed${seed}.accuracy09`)).toBeGreaterThan(figure(`sweep.seed${seed}.accuracy10`) + 0.05);
  });

  it('3. the combiner at 500× and λ = 0.9 gives health about 0.02 %, a ninth of its share at 0.5', () => {
    const state = { ...defaultsOf(COMBINER_SCHEMA), ratio: 500 };
    const at09 = staticPicture({ ...state, lambda: 0.9 }).shares[1];
    const at05 = staticPicture({ ...state, lambda: 0.5 }).shares[1];
    expect((at09 * 100).toFixed(2)).toBe('0.02');
    expect(at05 / at09).toBeCloseTo(9, 0);
  });
});

describe('chapter 3, Try this', () => {
  const combiner = defaultsOf(COMBINER_SCHEMA);

  it('1. λ = 0.5 leaves health under 1 % above a ratio of 99×', () => {
    expect(staticPicture({ ...combiner, lambda: 0.5, ratio: 99 }).shares[1]).toBeCloseTo(0.01, 12);
    expect(staticPicture({ ...combiner, lambda: 0.5, ratio: 100 }).shares[1]).toBeLessThan(0.01);
  });

  it('2. at ratio 1×, "length kept" falls as cos(φ/2) from 0° to 180°', () => {
    for (const angle of [0, 45, 90, 135, 180]) {
      expect(staticPicture({ ...combiner, ratio: 1, lambda: 0.5, angle }).lengthKept).toBeCloseTo(Math.cos((angle * Math.PI) / 360), 10);
    }
  });

  it('3. live GABA keeps 0.5/0.5 up to step 20, then moves; by step 400 health\'s share is several times Fixed\'s, yet a percent or two', async () => {
    const live = { ...combiner, mode: 'live' as const };
    expect(combinerLab({ ...live, strategy: 'gaba' }).runs[0].strategy.hyper).toMatchObject({ warmupSteps: 20 });
    expect(tryThisOf('03-tug-of-war.mdx')).toMatch(/after step 20, when its\s+warm-up ends/);
    const gaba = (await runLab(combinerLab({ ...live, strategy: 'gaba' }), 400)).records.run;
    const fixed = (await runLab(combinerLab({ ...live, strategy: 'fixed', lambda: 0.5 }), 400)).records.run;
    expect(gaba.slice(0, 20).every((r) => r.weights[0] === 0.5)).toBe(true);
    expect(gaba[20].weights[0]).toBeLessThan(0.5);
    const gabaShare = livePicture(gaba[399]).shares[1];
    expect(gabaShare).toBeGreaterThan(3 * livePicture(fixed[399]).shares[1]);
    expect(gabaShare).toBeGreaterThan(0.005);
    expect(gabaShare).toBeLessThan(0.03);
  });

  it('4. with seed 1 the measured ratio also climbs into the hundreds within 400 steps', async () => {
    const records = (await runLab(combinerLab({ ...combiner, mode: 'live', strategy: 'fixed', lambda: 0.5, seed: 1 }), 400)).records.run;
    const end = records[records.length - 1];
    expect(end.gradNorms[0] / end.gradNorms[1]).toBeGreaterThan(100);
  });
});
