/**
 * Settings a lab takes mid-run: per run id, strategy hyperparameters the strategy reads afresh at each
 * step (GABA's β and floor, a fixed λ). A change to them retunes the running lab, history kept; any
 * other change to a lab's config needs a new run.
 */
import type { LabChange, LabConfig } from './types';

export type TunableValue = number | readonly number[];
export type Tunables = Readonly<Record<string, Readonly<Record<string, TunableValue>>>>;

/** The config with each run's tunables laid over its strategy's hyperparameters. */
export function withTunables(config: LabConfig, tunables: Tunables | undefined): LabConfig {
  if (!tunables) return config;
  return {
    ...config,
    runs: config.runs.map((run) => {
      const tuned = tunables[run.id];
      return tuned ? { ...run, strategy: { ...run.strategy, hyper: { ...run.strategy.hyper, ...tuned } } } : run;
    }),
  };
}

const same = (a: TunableValue | undefined, b: TunableValue): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((value, i) => value === b[i]) : a === b;

/** Per run, only the fields whose value differs from what the lab already has. */
export function tunableChanges(current: Tunables, next: Tunables): { runId: string; hyper: Record<string, TunableValue> }[] {
  const changes: { runId: string; hyper: Record<string, TunableValue> }[] = [];
  for (const [runId, fields] of Object.entries(next)) {
    const hyper: Record<string, TunableValue> = {};
    for (const [key, value] of Object.entries(fields)) if (!same(current[runId]?.[key], value)) hyper[key] = value;
    if (Object.keys(hyper).length > 0) changes.push({ runId, hyper });
  }
  return changes;
}

/**
 * Changes of one run closer than `minGap` steps shown as one (a slider dragged while the run goes on
 * retunes it at step after step): at the first step, with the latest values.
 */
export function mergeNearbyChanges(changes: readonly LabChange[], minGap: number): LabChange[] {
  const merged: LabChange[] = [];
  for (const change of changes) {
    let index = merged.length - 1;
    while (index >= 0 && merged[index].runId !== change.runId) index -= 1;
    const last = index >= 0 ? merged[index] : undefined;
    if (last && change.step - last.step < minGap) merged[index] = { ...last, hyper: { ...last.hyper, ...change.hyper } };
    else merged.push(change);
  }
  return merged;
}
