/** The measured training speed a live widget shows: lab steps per second over the last moments. */

export interface StepSample {
  /** performance.now() when the host's progress message arrived, ms. */
  readonly at: number;
  readonly step: number;
}

/** How far back the rate looks: long enough to smooth frame jitter, short enough to follow a speed change. */
export const RATE_WINDOW_MS = 1500;

/** Adds a sample and drops those older than the window (keeping at least the newest two). */
export function addSample(samples: readonly StepSample[], sample: StepSample, windowMs = RATE_WINDOW_MS): StepSample[] {
  const next = samples.concat(sample);
  const cutoff = sample.at - windowMs;
  let first = 0;
  while (first < next.length - 2 && next[first].at < cutoff) first += 1;
  return next.slice(first);
}

/** Steps per second between the oldest and newest sample; null until there are two at distinct times. */
export function stepsPerSecond(samples: readonly StepSample[]): number | null {
  if (samples.length < 2) return null;
  const first = samples[0];
  const last = samples[samples.length - 1];
  const seconds = (last.at - first.at) / 1000;
  if (!(seconds > 0) || last.step < first.step) return null;
  return (last.step - first.step) / seconds;
}

/** "240 steps/s", "12.5 steps/s", "0.80 steps/s". */
export function formatRate(rate: number): string {
  if (rate >= 100) return `${Math.round(rate).toLocaleString('en-GB')} steps/s`;
  return `${rate.toPrecision(rate >= 1 ? 3 : 2)} steps/s`;
}
