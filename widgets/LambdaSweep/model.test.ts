import { describe, expect, it } from 'vitest';
import { latestSweepPoints, PUBLISHED_ABLATION, runIdFor, sweepLabConfig, SWEEP_LAMBDAS, sweepPhase } from './model';

describe('the λ_rul sweep model', () => {
  it('trains at least seven values of λ_rul including single-task 1.0, as fixed weights summing to 1', () => {
    const config = sweepLabConfig({ steps: 600, seed: 3, data: 'toy' });
    expect(config.runs.length).toBeGreaterThanOrEqual(7);
    expect(config.stacked).toBe(true);
    expect(SWEEP_LAMBDAS).toContain(1);
    for (const run of config.runs) {
      const weights = run.strategy.hyper?.weights as number[];
      expect(run.strategy.name).toBe('fixed');
      expect(weights[0] + weights[1]).toBeCloseTo(1, 12);
    }
  });

  it('keeps the published U-shape: best at 0.5 and a cliff at single-task', () => {
    const best = PUBLISHED_ABLATION.reduce((a, b) => (a.fd002 < b.fd002 ? a : b));
    expect(best.lambda).toBe(0.5);
    expect(PUBLISHED_ABLATION.at(-1)!.fd004 / best.fd004).toBeGreaterThan(3.8);
  });

  it('reports the latest evaluation of each λ in λ order', () => {
    const points = latestSweepPoints([
      { runId: runIdFor(0.5), split: 'validation', count: 200, step: 100, rmse: 30, nasaScore: 1, healthAccuracy: 0.5, perClassRecall: [] },
      { runId: runIdFor(0.1), split: 'validation', count: 200, step: 100, rmse: 40, nasaScore: 1, healthAccuracy: 0.6, perClassRecall: [] },
      { runId: runIdFor(0.5), split: 'validation', count: 200, step: 200, rmse: 20, nasaScore: 1, healthAccuracy: 0.7, perClassRecall: [] },
    ]);
    expect(points).toEqual([
      { lambda: 0.1, step: 100, rmse: 40, healthAccuracy: 0.6 },
      { lambda: 0.5, step: 200, rmse: 20, healthAccuracy: 0.7 },
    ]);
  });
});

describe('the sweep’s phase', () => {
  it('says cancelled for a stopped sweep until it is done or fails', () => {
    expect(sweepPhase(false, false, 'idle')).toBe('not started');
    expect(sweepPhase(true, false, 'starting')).toBe('starting');
    expect(sweepPhase(true, false, 'idle')).toBe('starting');
    expect(sweepPhase(true, false, 'running')).toBe('running');
    expect(sweepPhase(true, false, 'paused')).toBe('paused');
    expect(sweepPhase(true, true, 'paused')).toBe('cancelled');
    expect(sweepPhase(true, true, 'done')).toBe('done');
    expect(sweepPhase(true, false, 'error')).toBe('error');
  });
});
