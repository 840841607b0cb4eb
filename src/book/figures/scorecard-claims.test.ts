/**
 * Chapter 5's "Does the weighting matter here?" states what content/figures/scorecard.json shows; if
 * the file is regenerated and a statement no longer holds, this test says which.
 */
import { describe, expect, it } from 'vitest';
import scorecard from '../../../content/figures/scorecard.json';
import type { ScorecardReport } from '../../core/lab/scorecard-report';
import type { ScorecardMetric } from '../../core/lab/scorecard-summary';

const report = scorecard as unknown as ScorecardReport;
const DATASETS = ['fleet', 'fd001'] as const;
const metric = (data: string, strategy: string, name: ScorecardMetric) =>
  report.datasets.find((d) => d.id === data)!.strategies.find((s) => s.id === strategy)!.metrics[name];

describe('the scorecard the chapter quotes', () => {
  it('was made as the chapter says: 5 seeds, 800 steps, 100 test engines per data set', () => {
    expect(report.seeds).toHaveLength(5);
    expect(report.steps).toBe(800);
    expect(report.baselineId).toBe('fixed');
    for (const data of DATASETS) {
      const dataset = report.datasets.find((d) => d.id === data)!;
      expect(dataset.split).toBe('test');
      expect(dataset.count).toBe(100);
      expect(dataset.strategies).toHaveLength(10);
    }
  });

  it('Uncertainty, DWA, PCGrad and GABA carry no mark but DWA’s one, and GABA equals its inverse-norm variant', () => {
    for (const data of DATASETS) {
      for (const strategy of ['uncertainty', 'dwa', 'pcgrad', 'gaba']) {
        for (const name of ['rmse', 'nasaScore', 'healthAccuracy'] as const) {
          if (data === 'fd001' && strategy === 'dwa' && name === 'nasaScore') continue;
          expect(metric(data, strategy, name).mark, `${data} ${strategy} ${name}`).toBe('within');
        }
        const gaba = metric(data, 'gaba', 'rmse');
        expect(metric(data, 'gabaInverseNorm', 'rmse')).toEqual(gaba);
      }
    }
  });

  it('GradNorm is worse on RMSE on both data sets', () => {
    for (const data of DATASETS) expect(metric(data, 'gradnorm', 'rmse').mark).toBe('worse');
  });

  it('AMNL and AMNL-normalised lower FD001’s NASA score, AMNL the fleet’s; GRACE is better on FD001 where GABA is not', () => {
    expect(metric('fd001', 'amnl', 'nasaScore').mark).toBe('better');
    expect(metric('fd001', 'amnlNormalised', 'nasaScore').mark).toBe('better');
    expect(metric('fleet', 'amnl', 'nasaScore').mark).toBe('better');
    expect(metric('fleet', 'amnlNormalised', 'rmse').mark).toBe('better');
    expect(metric('fd001', 'grace', 'nasaScore').mark).toBe('better');
    expect(metric('fd001', 'gaba', 'nasaScore').mark).toBe('within');
  });

  it('DWA’s marked NASA gain on FD001 is about one percent of the baseline', () => {
    const dwa = metric('fd001', 'dwa', 'nasaScore');
    expect(dwa.mark).toBe('better');
    const share = Math.abs(dwa.difference!.mean!) / metric('fd001', 'fixed', 'nasaScore').mean!;
    expect(share).toBeLessThan(0.02);
  });
});
