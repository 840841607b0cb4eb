/**
 * Training targets derived from the remaining useful life: the piecewise-linear capped RUL and the
 * three health classes. The thresholds live here and nowhere else.
 */
import type { CmapssTable } from './cmapss-table';

/** The usual cap of the piecewise-linear RUL target, in cycles. */
export const DEFAULT_RUL_CAP = 125;

/**
 * Health class boundaries on the capped RUL y, in cycles: critical when y ≤ critical, degrading when
 * critical < y ≤ degrading, normal when y > degrading.
 */
export interface HealthThresholds {
  critical: number;
  degrading: number;
}

/** The source's current convention: 0 normal y > 80; 1 degrading 30 < y ≤ 80; 2 critical y ≤ 30. */
export const HEALTH_THRESHOLDS: Readonly<HealthThresholds> = Object.freeze({ critical: 30, degrading: 80 });

/** Class index → name, in label order. */
export const HEALTH_CLASS_NAMES = ['normal', 'degrading', 'critical'] as const;

/** Number of health classes. */
export const HEALTH_CLASS_COUNT = HEALTH_CLASS_NAMES.length;

/** Health class (0 normal, 1 degrading, 2 critical) of one RUL value. */
export function healthClass(rul: number, thresholds: HealthThresholds = HEALTH_THRESHOLDS): number {
  if (rul <= thresholds.critical) return 2;
  if (rul <= thresholds.degrading) return 1;
  return 0;
}

/** Health classes of many RUL values. */
export function healthClasses(rul: ArrayLike<number>, thresholds: HealthThresholds = HEALTH_THRESHOLDS): Int32Array {
  const labels = new Int32Array(rul.length);
  for (let i = 0; i < rul.length; i += 1) labels[i] = healthClass(rul[i], thresholds);
  return labels;
}

/** min(value, cap) for every value, as a new array. */
export function capRul(rul: ArrayLike<number>, cap: number = DEFAULT_RUL_CAP): Float32Array {
  const capped = new Float32Array(rul.length);
  for (let i = 0; i < rul.length; i += 1) capped[i] = Math.min(rul[i], cap);
  return capped;
}

/**
 * Training target of every row of a run-to-failure table: min(cycles to failure, cap), where an
 * engine's last recorded cycle is taken as its failure (RUL 0 on the last row).
 */
export function runToFailureRul(table: CmapssTable, cap: number = DEFAULT_RUL_CAP): Float32Array {
  const rul = new Float32Array(table.rows);
  for (let e = 0; e < table.engineCount; e += 1) {
    const end = table.engineStarts[e + 1];
    const lastCycle = table.cycles[end - 1];
    for (let r = table.engineStarts[e]; r < end; r += 1) rul[r] = Math.min(lastCycle - table.cycles[r], cap);
  }
  return rul;
}
