import type { CmapssTable } from './cmapss-table';

/** The piecewise-linear RUL cap: early in life an engine's RUL is taken as this many cycles. */
export const RUL_CAP = 125;

/**
 * Health-class thresholds on the capped RUL y, the single place they are defined:
 * class 2 (critical) y ≤ critical; class 1 (degrading) critical < y ≤ degrading; class 0 (normal) above.
 */
export const HEALTH_THRESHOLDS = { critical: 30, degrading: 80 } as const;

/** Threshold pair accepted by {@link healthClass}, so the data chapter can move them. */
export interface HealthThresholds {
  /** Largest RUL still called critical. */
  critical: number;
  /** Largest RUL still called degrading. */
  degrading: number;
}

/** Names of the health classes, indexed by class number. */
export const HEALTH_CLASS_NAMES: readonly string[] = ['normal', 'degrading', 'critical'];

/** Number of health classes. */
export const HEALTH_CLASS_COUNT = 3;

/** Health class of a (capped) RUL: 0 normal, 1 degrading, 2 critical. */
export function healthClass(rul: number, thresholds: HealthThresholds = HEALTH_THRESHOLDS): number {
  if (rul <= thresholds.critical) return 2;
  if (rul <= thresholds.degrading) return 1;
  return 0;
}

/** Health classes of many RUL values. */
export function healthClasses(rul: Float32Array, thresholds: HealthThresholds = HEALTH_THRESHOLDS): Int32Array {
  const labels = new Int32Array(rul.length);
  for (let i = 0; i < rul.length; i += 1) labels[i] = healthClass(rul[i], thresholds);
  return labels;
}

/**
 * RUL of every row, min(cycles to failure, cap). For a training table each engine fails right after
 * its last row; for a test table `finalRul[e]` (the RUL file) is the RUL after engine e's last row.
 */
export function rowRul(table: CmapssTable, cap: number = RUL_CAP, finalRul?: Float32Array): Float32Array {
  const rul = new Float32Array(table.rows);
  for (let engine = 0; engine < table.engineCount; engine += 1) {
    const start = table.engineStarts[engine];
    const end = table.engineStarts[engine + 1];
    const lastCycle = table.cycles[end - 1];
    const afterLast = finalRul ? finalRul[engine] : 0;
    for (let row = start; row < end; row += 1) {
      rul[row] = Math.min(lastCycle - table.cycles[row] + afterLast, cap);
    }
  }
  return rul;
}
