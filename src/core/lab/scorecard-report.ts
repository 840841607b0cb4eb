/**
 * The scorecard as plain JSON, the form the CLI writes (content/figures/scorecard.json) and the book
 * quotes: per dataset, per strategy and metric, the mean, its 95 % half-width, the paired difference
 * from the baseline and its mark, plus every per-seed score so any figure can be recomputed.
 */
import type { ScorecardRuns, SeedScore } from './scorecard';
import { SCORECARD_METRICS, summariseScorecard, type DifferenceMark, type ScorecardMetric } from './scorecard-summary';

export interface ReportedMetric {
  readonly mean: number | null;
  /** 95 % t half-width over seeds; null with fewer than 2 scored seeds. */
  readonly halfWidth: number | null;
  readonly seeds: number;
  /** Mean paired difference from the baseline, and its half-width; null for the baseline. */
  readonly difference: { readonly mean: number | null; readonly halfWidth: number | null } | null;
  readonly mark: DifferenceMark;
}

export interface ReportedStrategy {
  readonly id: string;
  readonly label: string;
  readonly failedSeeds: readonly number[];
  readonly metrics: Readonly<Record<ScorecardMetric, ReportedMetric>>;
}

export interface ScorecardDatasetReport {
  readonly id: string;
  readonly label: string;
  readonly split: ScorecardRuns['split'];
  /** What was scored, in words (e.g. "100 test engines, last window, truth capped at 125"). */
  readonly scoredOn: string;
  readonly count: number;
  readonly stackedRunIds: readonly string[];
  readonly wallSeconds: number;
  readonly strategies: readonly ReportedStrategy[];
  /** Every run at every seed (JSON writes a stopped run's NaN as null). */
  readonly perSeed: readonly SeedScore[];
}

/** JSON has no NaN: a missing number is null. */
const plain = (value: number): number | null => (Number.isFinite(value) ? value : null);

export function datasetReport(
  dataset: { readonly id: string; readonly label: string; readonly wallSeconds: number },
  runs: ScorecardRuns,
  strategies: readonly { readonly id: string; readonly label: string }[],
  baselineId: string,
): ScorecardDatasetReport {
  const rows = summariseScorecard(runs, strategies.map((s) => s.id), baselineId);
  return {
    ...dataset,
    split: runs.split,
    scoredOn: runs.split === 'test'
      ? `${runs.count} test engines, each on its last window, truth capped at 125`
      : `${runs.count} validation windows of held-out engines`,
    count: runs.count,
    stackedRunIds: runs.stackedRunIds,
    strategies: rows.map((row, i) => ({
      id: row.runId,
      label: strategies[i].label,
      failedSeeds: row.failedSeeds,
      metrics: Object.fromEntries(SCORECARD_METRICS.map((metric) => {
        const { interval, difference, mark } = row.metrics[metric];
        return [metric, {
          mean: plain(interval.mean), halfWidth: plain(interval.halfWidth), seeds: interval.count,
          difference: difference && { mean: plain(difference.mean), halfWidth: plain(difference.halfWidth) }, mark,
        }];
      })) as Record<ScorecardMetric, ReportedMetric>,
    })),
    perSeed: runs.scores,
  };
}

/** The whole file: how it was made, then one report per dataset. */
export interface ScorecardReport {
  readonly command: string;
  readonly commit: string;
  readonly date: string;
  readonly backend: string;
  readonly machine: string;
  /** 1-minute load average before and after: the machine may have been shared. */
  readonly loadAverage: readonly number[];
  readonly steps: number;
  readonly seeds: readonly number[];
  readonly batchSize: number;
  readonly optimiser: string;
  readonly model: string;
  readonly baselineId: string;
  readonly statistics: string;
  readonly datasets: readonly ScorecardDatasetReport[];
}
