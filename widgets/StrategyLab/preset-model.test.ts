import { describe, expect, it } from 'vitest';
import { isCitationKey } from '../../src/book/content/bibliography';
import { formatDuration, presetConfig, PUBLISHED_FD001, secondsLeft } from './preset-model';

describe('the lab’s preset as the widget sees it', () => {
  it('estimates the time left from the pace so far, and gives none before there is a pace', () => {
    expect(secondsLeft(250, 1000, 0, 10_000)).toBeCloseTo(30, 9);
    expect(secondsLeft(10, 1000, 0, 10_000)).toBeNull();
    expect(secondsLeft(250, 1000, 0, 500)).toBeNull();
    expect(secondsLeft(1000, 1000, 0, 40_000)).toBeNull();
    expect(secondsLeft(250, 1000, null, 10_000)).toBeNull();
    expect(formatDuration(42.4)).toBe('42 s');
    expect(formatDuration(75)).toBe('1 min 15 s');
  });

  it('builds the preset lab on the loaded files, keeping the best validation parameters', () => {
    const config = presetConfig(['fixed', 'gaba'], 3, 'FD001-x', 200)!;
    expect(config).toMatchObject({ seed: 3, backbone: 'temporal', keepBest: true, totalSteps: 200, data: { kind: 'loaded', datasetId: 'FD001-x' } });
    expect(config.runs.map((run) => run.id)).toEqual(['fixed', 'gaba']);
    expect(presetConfig([], 3, 'FD001-x', 200)).toBeNull();
  });

  it('cites every published figure it shows', () => {
    expect(PUBLISHED_FD001.map((row) => row.rmse)).toEqual([18.45, 16.14, 12.61]);
    for (const row of PUBLISHED_FD001) expect(isCitationKey(row.source)).toBe(true);
  });
});
