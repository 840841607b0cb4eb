/**
 * Statistics over seeds for the scorecard: a mean with its 95 % Student-t interval, and the paired
 * difference of two strategies trained on the same seeds. Plain numbers, no tensors.
 *
 * Why t and not a normal interval: a scorecard has 3 to 10 seeds, and with so few the sample standard
 * deviation is itself uncertain; the t quantile (12.71 for 2 seeds, 2.78 for 5) widens the interval for
 * that, the normal 1.96 would not. The values are treated as independent draws over seeds, which they
 * are: a seed picks the initial parameters and the batch order, and nothing else is shared.
 *
 * Why paired: runs of one seed share their initial parameters and their batches, so much of the
 * seed-to-seed spread is common to every strategy. The per-seed difference cancels it; its own t
 * interval says whether the gap is larger than what is left of the spread.
 */

/**
 * Two-sided 95 % quantiles of Student's t, t_{0.975, df}, for df = 1 … 30 (standard tables, 4
 * decimals), then 40, 60, 120 and the normal limit.
 */
const T_975: readonly number[] = [
  12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281,
  2.201, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.093, 2.086,
  2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
];
const T_975_LARGE: readonly (readonly [number, number])[] = [[40, 2.0211], [60, 2.0003], [120, 1.9799]];
const NORMAL_975 = 1.96;

/**
 * t_{0.975, df}. Between the tabulated degrees of freedom above 30 it takes the entry of the next
 * smaller df, whose quantile is larger, so the interval errs on the wide side.
 */
export function tQuantile975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new Error(`degrees of freedom must be an integer >= 1, got ${df}`);
  if (df <= T_975.length) return T_975[df - 1];
  let quantile = T_975[T_975.length - 1];
  for (const [tabulated, value] of T_975_LARGE) if (df >= tabulated) quantile = value;
  return df >= 1000 ? NORMAL_975 : quantile;
}

/** A mean over seeds and its 95 % t interval; the interval is NaN with fewer than 2 finite values. */
export interface SeedInterval {
  /** Finite values summarised (a run that stopped on a non-finite loss has no value). */
  readonly count: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1). */
  readonly sd: number;
  /** t_{0.975, n−1} · sd / √n. */
  readonly halfWidth: number;
  readonly lower: number;
  readonly upper: number;
}

export function meanInterval(values: readonly number[]): SeedInterval {
  const finite = values.filter(Number.isFinite);
  const count = finite.length;
  if (count === 0) return { count, mean: NaN, sd: NaN, halfWidth: NaN, lower: NaN, upper: NaN };
  const mean = finite.reduce((sum, value) => sum + value, 0) / count;
  if (count === 1) return { count, mean, sd: NaN, halfWidth: NaN, lower: NaN, upper: NaN };
  const sd = Math.sqrt(finite.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (count - 1));
  const halfWidth = (tQuantile975(count - 1) * sd) / Math.sqrt(count);
  return { count, mean, sd, halfWidth, lower: mean - halfWidth, upper: mean + halfWidth };
}

/**
 * The interval of `values[i] − baseline[i]` over the seeds where both are finite (index i is one
 * seed for both).
 */
export function pairedDifference(values: readonly number[], baseline: readonly number[]): SeedInterval {
  if (values.length !== baseline.length) throw new Error(`paired values need one per seed on both sides, got ${values.length} and ${baseline.length}`);
  const differences = values.flatMap((value, i) => (Number.isFinite(value) && Number.isFinite(baseline[i]) ? [value - baseline[i]] : []));
  return meanInterval(differences);
}

/** Whether an interval lies wholly on one side of 0 (a gap larger than the seed spread). */
export function excludesZero(interval: SeedInterval): boolean {
  return interval.lower > 0 || interval.upper < 0;
}
