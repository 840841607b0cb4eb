/**
 * The lab's scorecard: the lab as configured, trained again at several seeds (the lab's seed, the next
 * one, …) with Fixed 0.5 / 0.5 always among the runs, because every other strategy is compared with it.
 */
import type { ScorecardConfig } from '../../src/core/lab/scorecard';
import type { LabConfig } from '../../src/live/types';
import type { Schema } from '../shared/url-state';

export const SCORECARD_BASELINE = 'fixed';
export const SCORECARD_SEEDS = { min: 2, max: 10, fallback: 5 } as const;

/** The scorecard's own URL field, `<widget id>.seeds`, beside the lab's fields under the same prefix. */
export const SCORECARD_URL_SCHEMA: Schema<{ readonly seeds: number }> = {
  seeds: { kind: 'number', min: SCORECARD_SEEDS.min, max: SCORECARD_SEEDS.max, fallback: SCORECARD_SEEDS.fallback, integer: true },
};

export function scorecardConfig(lab: LabConfig, seedCount: number): ScorecardConfig {
  const hasBaseline = lab.runs.some((run) => run.id === SCORECARD_BASELINE);
  const baseline = { id: SCORECARD_BASELINE, label: 'Fixed weights', strategy: { name: 'fixed' as const } };
  return {
    runs: hasBaseline ? lab.runs : [baseline, ...lab.runs],
    seeds: Array.from({ length: seedCount }, (_, i) => lab.seed + i),
    steps: lab.totalSteps ?? 800,
    data: lab.data,
    backbone: lab.backbone,
    baselineId: SCORECARD_BASELINE,
  };
}

/** What the scorecard scores, in words, for the table's caption. */
export function scoredOn(split: 'test' | 'validation', count: number): string {
  return split === 'test'
    ? `${count} test engines, each on its last window against its true RUL capped at 125`
    : `${count.toLocaleString('en')} validation windows of held-out engines (this data has no test engines; the NASA score is a sum over the windows)`;
}
