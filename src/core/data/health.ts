/**
 * What the training targets are derived from: the cap of the piecewise-linear RUL target and the
 * thresholds of the three health classes. The thresholds live here and nowhere else.
 */
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

/** Health class (0 normal, 1 degrading, 2 critical) of one RUL value. */
export function healthClass(rul: number, thresholds: HealthThresholds = HEALTH_THRESHOLDS): number {
  if (rul <= thresholds.critical) return 2;
  if (rul <= thresholds.degrading) return 1;
  return 0;
}
