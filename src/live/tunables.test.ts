import { describe, expect, it } from 'vitest';
import { mergeNearbyChanges, tunableChanges, withTunables } from './tunables';
import type { LabChange, LabConfig } from './types';

const config: LabConfig = {
  seed: 3,
  data: { kind: 'toy', seed: 4 },
  runs: [
    { id: 'gaba', label: 'GABA', strategy: { name: 'gaba', hyper: { warmupSteps: 20 } } },
    { id: 'fixed', label: 'Fixed', strategy: { name: 'fixed' } },
  ],
};

describe('settings a lab takes mid-run', () => {
  it('are laid over the runs’ hyperparameters when the lab is created', () => {
    const tuned = withTunables(config, { gaba: { beta: 0.9 }, fixed: { weights: [0.7, 0.3] } });
    expect(tuned.runs[0].strategy.hyper).toEqual({ warmupSteps: 20, beta: 0.9 });
    expect(tuned.runs[1].strategy.hyper).toEqual({ weights: [0.7, 0.3] });
    expect(tuned.seed).toBe(3);
    expect(withTunables(config, undefined)).toBe(config);
  });

  it('send only the fields that changed, compared by value', () => {
    const before = { gaba: { beta: 0.9, minWeight: 0.05 }, fixed: { weights: [0.5, 0.5] } };
    expect(tunableChanges(before, { gaba: { beta: 0.9, minWeight: 0.05 }, fixed: { weights: [0.5, 0.5] } })).toEqual([]);
    expect(tunableChanges(before, { gaba: { beta: 0.5, minWeight: 0.05 }, fixed: { weights: [0.6, 0.4] } })).toEqual([
      { runId: 'gaba', hyper: { beta: 0.5 } },
      { runId: 'fixed', hyper: { weights: [0.6, 0.4] } },
    ]);
  });

  it('are shown as one when a run was retuned at steps close together', () => {
    const changes: LabChange[] = [
      { runId: 'gaba', step: 40, hyper: { beta: 0.9 } },
      { runId: 'gaba', step: 41, hyper: { beta: 0.8 } },
      { runId: 'gaba', step: 45, hyper: { minWeight: 0.2 } },
      { runId: 'gaba', step: 90, hyper: { beta: 0.5 } },
    ];
    expect(mergeNearbyChanges(changes, 10)).toEqual([
      { runId: 'gaba', step: 40, hyper: { beta: 0.8, minWeight: 0.2 } },
      { runId: 'gaba', step: 90, hyper: { beta: 0.5 } },
    ]);
    expect(mergeNearbyChanges(changes, 1)).toEqual(changes);
  });
});
