/**
 * Early stopping without stopping: a copy of a run's parameters at its best validation score so far,
 * put back before the test engines are scored. Training still runs its full schedule (the reader sees
 * the whole curve), but the model that meets the test set is the one the validation engines chose.
 */
import * as tf from '@tensorflow/tfjs-core';
import { listVariables, type ModelParameters } from '../model';

export interface BestParameters {
  /** Offer a run's current parameters at `score` (lower is better); kept if it beats the best so far. */
  offer(runId: string, parameters: ModelParameters, score: number, step: number): void;
  /** The step whose parameters are kept for `runId`, or undefined before any offer. */
  bestStep(runId: string): number | undefined;
  /** Put every kept copy back into its run's variables. */
  restore(parametersOf: (runId: string) => ModelParameters | undefined): void;
  dispose(): void;
}

interface Kept {
  readonly score: number;
  readonly step: number;
  readonly values: tf.Tensor[];
}

export function createBestParameters(): BestParameters {
  const kept = new Map<string, Kept>();
  return {
    offer(runId, parameters, score, step) {
      const previous = kept.get(runId);
      // A NaN score never wins, so a run that went bad keeps its last good parameters.
      if (!Number.isFinite(score) || (previous && previous.score <= score)) return;
      const values = listVariables(parameters).map((variable) => tf.clone(variable));
      if (previous) tf.dispose(previous.values);
      kept.set(runId, { score, step, values });
    },
    bestStep: (runId) => kept.get(runId)?.step,
    restore(parametersOf) {
      for (const [runId, { values }] of kept) {
        const parameters = parametersOf(runId);
        if (!parameters) continue;
        listVariables(parameters).forEach((variable, i) => variable.assign(values[i]));
      }
    },
    dispose() {
      kept.forEach(({ values }) => tf.dispose(values));
      kept.clear();
    },
  };
}
