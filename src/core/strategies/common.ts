/** Small helpers shared by the strategy modules. */
import type { StepObservation } from './strategy';
import type { TaskLossKind } from '../losses';

/** [1/K, …, 1/K]. */
export function uniformWeights(taskCount: number): number[] {
  return new Array<number>(taskCount).fill(1 / taskCount);
}

/** v / Σv; uniform when the sum is not positive (nothing sensible to normalise). */
export function normaliseToSum(values: readonly number[], total = 1): number[] {
  const sum = values.reduce((acc, v) => acc + v, 0);
  if (!(sum > 0)) return uniformWeights(values.length).map((w) => w * total);
  return values.map((v) => (v * total) / sum);
}

/**
 * The loss of each task: task 0 (RUL) on `rulLoss`, every other task on cross-entropy. Tasks beyond
 * the two of the book only appear in K-task tests; they are treated as classification tasks.
 */
export function taskLossesFor(taskCount: number, rulLoss: 'mse' | 'weightedMse'): TaskLossKind[] {
  return Array.from({ length: taskCount }, (_, k) => (k === 0 ? rulLoss : 'crossEntropy'));
}

/** Throws when the observation does not describe `taskCount` tasks (a wiring bug, not bad data). */
export function checkObservation(observation: StepObservation, taskCount: number, needsGramian: boolean): void {
  if (observation.losses.length !== taskCount) {
    throw new Error(`expected ${taskCount} losses, got ${observation.losses.length}`);
  }
  if (needsGramian && observation.sharedGramian.length !== taskCount) {
    throw new Error(`expected a ${taskCount}×${taskCount} Gramian, got ${observation.sharedGramian.length} rows`);
  }
}
