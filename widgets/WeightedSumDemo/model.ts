/**
 * Pure numbers for the shell's demo widget: how a fixed weight splits the total loss between the
 * two tasks. Typical magnitudes: RUL mean squared error in cycles² is in the hundreds, health
 * cross-entropy is around one.
 */

export interface WeightedSumState {
  /** Weight on the RUL loss; the health loss gets 1 − weight. */
  readonly weight: number;
}

export interface TaskLosses {
  readonly rul: number;
  readonly health: number;
}

export const DEFAULT_LOSSES: TaskLosses = { rul: 420, health: 0.9 };

export function clampWeight(weight: number): number {
  return Number.isFinite(weight) ? Math.min(1, Math.max(0, weight)) : 0.5;
}

// #region listing:weighted-sum
/** What each task contributes to L = w·L_rul + (1 − w)·L_health. */
export function contributions(weight: number, losses: TaskLosses): TaskLosses & { total: number } {
  const w = clampWeight(weight);
  const rul = w * losses.rul;
  const health = (1 - w) * losses.health;
  return { rul, health, total: rul + health };
}
// #endregion listing:weighted-sum

// #region listing:balance-point
/** The weight at which both tasks contribute equally: w·a = (1 − w)·b  ⇒  w = b / (a + b). */
export function balancedWeight(losses: TaskLosses): number {
  return losses.health / (losses.rul + losses.health);
}
// #endregion listing:balance-point

/** URL state: `<id>.w=0.25`. */
export function parseState(params: URLSearchParams, id: string): WeightedSumState {
  const raw = params.get(`${id}.w`);
  return { weight: raw === null ? 0.5 : clampWeight(Number(raw)) };
}

export function serializeState(state: WeightedSumState, id: string): Record<string, string> {
  return { [`${id}.w`]: String(Number(state.weight.toFixed(3))) };
}
