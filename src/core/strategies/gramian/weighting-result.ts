/** What the loss-only members of the family (RLW, GLS, FAMO, STCH) return, and their input check. */
export interface LossWeightingResult {
  /** c: the update is Σ_k c_k ∇L_k. */
  readonly coefficients: number[];
  /** The coefficients normalised to sum 1, for display. */
  readonly weights: number[];
}

export function checkPositiveLosses(losses: readonly number[], method: string): void {
  losses.forEach((loss, k) => {
    if (!(loss > 0) || !Number.isFinite(loss)) throw new Error(`${method} needs positive finite losses; task ${k} has ${loss}`);
  });
}

export function normalised(values: readonly number[]): number[] {
  const total = values.reduce((s, v) => s + v, 0);
  return values.map((v) => v / total);
}
