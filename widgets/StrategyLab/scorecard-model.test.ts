import { describe, expect, it } from 'vitest';
import type { LabConfig } from '../../src/live/types';
import { scorecardConfig, scoredOn } from './scorecard-model';

const lab: LabConfig = {
  seed: 7,
  data: { kind: 'syntheticFleet', seed: 8 },
  backbone: 'dense',
  runs: [{ id: 'gaba', label: 'GABA', strategy: { name: 'gaba' } }],
  totalSteps: 300,
};

describe('scorecardConfig', () => {
  it('trains the lab at consecutive seeds from its own, with Fixed 0.5 / 0.5 added as the baseline', () => {
    const config = scorecardConfig(lab, 3);
    expect(config.seeds).toEqual([7, 8, 9]);
    expect(config.runs.map((run) => run.id)).toEqual(['fixed', 'gaba']);
    expect(config.baselineId).toBe('fixed');
    expect(config.steps).toBe(300);
    expect(config.data).toEqual(lab.data);
  });

  it('keeps the lab’s own Fixed run when it has one', () => {
    const withFixed = { ...lab, runs: [{ id: 'fixed', label: 'Fixed weights', strategy: { name: 'fixed' as const } }, ...lab.runs] };
    expect(scorecardConfig(withFixed, 2).runs).toEqual(withFixed.runs);
  });

  it('says what was scored', () => {
    expect(scoredOn('test', 100)).toMatch(/100 test engines.*capped at 125/);
    expect(scoredOn('validation', 2048)).toMatch(/2,048 validation windows/);
  });
});
