/**
 * The scorecard's table: per strategy and metric, the mean over seeds with its 95 % t interval, and
 * the paired per-seed difference from the baseline with its own interval (seed-statistics.ts). A
 * difference whose interval excludes 0 is marked better or worse; the others are within the seed spread.
 */
import type { ScorecardRuns } from './scorecard';
import { excludesZero, meanInterval, pairedDifference, type SeedInterval } from './seed-statistics';

export const SCORECARD_METRICS = ['rmse', 'nasaScore', 'healthAccuracy'] as const;
export type ScorecardMetric = (typeof SCORECARD_METRICS)[number];

/** Lower RMSE and NASA score are better; higher accuracy is. */
const HIGHER_IS_BETTER: Readonly<Record<ScorecardMetric, boolean>> = { rmse: false, nasaScore: false, healthAccuracy: true };

/** 'better' or 'worse' than the baseline beyond the seed spread, 'within' the spread, or null for the baseline itself. */
export type DifferenceMark = 'better' | 'worse' | 'within' | null;

export interface MetricSummary {
  readonly interval: SeedInterval;
  /** Strategy − baseline, paired by seed; null for the baseline. */
  readonly difference: SeedInterval | null;
  readonly mark: DifferenceMark;
}

export interface ScorecardRow {
  readonly runId: string;
  readonly isBaseline: boolean;
  /** Seeds at which the run stopped on a non-finite value (they have no score). */
  readonly failedSeeds: readonly number[];
  readonly metrics: Readonly<Record<ScorecardMetric, MetricSummary>>;
}

function markOf(difference: SeedInterval, metric: ScorecardMetric): DifferenceMark {
  if (!excludesZero(difference)) return 'within';
  return (difference.mean > 0) === HIGHER_IS_BETTER[metric] ? 'better' : 'worse';
}

/** One row per run, in `runIds` order. */
export function summariseScorecard(runs: ScorecardRuns, runIds: readonly string[], baselineId: string): ScorecardRow[] {
  const seeds = [...new Set(runs.scores.map((score) => score.seed))];
  const valuesOf = (runId: string, metric: ScorecardMetric): number[] =>
    seeds.map((seed) => runs.scores.find((score) => score.runId === runId && score.seed === seed)?.[metric] ?? NaN);
  return runIds.map((runId) => {
    const isBaseline = runId === baselineId;
    const summary = (metric: ScorecardMetric): MetricSummary => {
      const values = valuesOf(runId, metric);
      if (isBaseline) return { interval: meanInterval(values), difference: null, mark: null };
      const difference = pairedDifference(values, valuesOf(baselineId, metric));
      return { interval: meanInterval(values), difference, mark: markOf(difference, metric) };
    };
    return {
      runId,
      isBaseline,
      failedSeeds: runs.scores.filter((score) => score.runId === runId && score.failure !== undefined).map((score) => score.seed),
      metrics: { rmse: summary('rmse'), nasaScore: summary('nasaScore'), healthAccuracy: summary('healthAccuracy') },
    };
  });
}
