/** Timing helpers for the benchmarks: warm-up, repeated timed runs, medians. */

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface Throughput {
  /** Median over the repeats of steps per second. */
  readonly medianStepsPerSecond: number;
  /** Steps per second of each repeat, in order. */
  readonly runs: number[];
}

export interface TimingPlan {
  /** Untimed steps first: kernel compilation, allocator growth and JIT warm-up happen here. */
  readonly warmupSteps: number;
  readonly stepsPerRepeat: number;
  readonly repeats: number;
}

/** Runs `step` warmupSteps times untimed, then `repeats` timed blocks of stepsPerRepeat steps. */
export async function measureThroughput(step: () => Promise<unknown>, plan: TimingPlan): Promise<Throughput> {
  for (let i = 0; i < plan.warmupSteps; i += 1) await step();
  const runs: number[] = [];
  for (let r = 0; r < plan.repeats; r += 1) {
    const start = performance.now();
    for (let i = 0; i < plan.stepsPerRepeat; i += 1) await step();
    runs.push((plan.stepsPerRepeat * 1000) / (performance.now() - start));
  }
  return { medianStepsPerSecond: median(runs), runs };
}
