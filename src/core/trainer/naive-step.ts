/**
 * The naive measurement, for tests and benchmarks only: one forward/backward pass per task for the
 * summaries, then another on the weighted loss Σ_k c_k L_k once the plan is known (and one on
 * Σ_k h_k L_k for the heads when h ≠ c). It must give the fused path's update to float tolerance.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { taskLoss } from '../losses';
import { listVariables, type ModelParameters } from '../model';
import type { TaskLossKind } from '../losses';
import type { Batch } from './batch';
import type { PendingStep } from './fused-step';
import { batchTargets, forwardOutputs, stackedTaskLosses } from './forward';
import { packMeasurement } from './measurement';
import { flattenDirections } from './optimiser';

/** Gradients of Σ_k coefficients[k]·L_k with respect to `variables`, in their order. */
function weightedLossGradients(
  params: ModelParameters,
  batch: Batch,
  kinds: readonly TaskLossKind[],
  coefficients: readonly number[],
  variables: tf.Variable[],
): tf.Tensor[] {
  const { value, grads } = tf.variableGrads(() => {
    const losses = stackedTaskLosses(forwardOutputs(params, batch.features), kinds, batch);
    return tf.sum(tf.mul(losses, tf.tensor1d(coefficients.slice())));
  }, variables);
  value.dispose();
  return variables.map((variable) => grads[variable.name]);
}

/** Measure a step on the naive path. */
export function measureNaive(params: ModelParameters, batch: Batch, kinds: readonly TaskLossKind[]): PendingStep {
  const sharedVariables = listVariables({ shared: params.shared, heads: [] });
  const headVariables = listVariables({ shared: [], heads: params.heads });
  const lastWeight = sharedVariables[sharedVariables.length - 2];
  const packed = tf.tidy(() => {
    const targets = batchTargets(batch, kinds.length);
    const perTask = kinds.map((kind, k) =>
      tf.variableGrads(() => taskLoss(kind, forwardOutputs(params, batch.features)[k], targets[k]), sharedVariables),
    );
    const rows = tf.stack(perTask.map(({ grads }) => tf.concat(sharedVariables.map((v) => tf.reshape(grads[v.name], [-1])))));
    const gramian = tf.matMul(rows, rows, false, true);
    const lastNorms = tf.stack(perTask.map(({ grads }) => tf.norm(grads[lastWeight.name])));
    return packMeasurement(tf.stack(perTask.map(({ value }) => value)), gramian, lastNorms);
  });
  return {
    packed,
    direction: (plan) =>
      tf.tidy(() => {
        const sameCoefficients = plan.sharedCoefficients.every((c, k) => c === plan.headCoefficients[k]);
        if (sameCoefficients) {
          return flattenDirections(weightedLossGradients(params, batch, kinds, plan.sharedCoefficients, [...sharedVariables, ...headVariables]));
        }
        return flattenDirections([
          ...weightedLossGradients(params, batch, kinds, plan.sharedCoefficients, sharedVariables),
          ...weightedLossGradients(params, batch, kinds, plan.headCoefficients, headVariables),
        ]);
      }),
    release: () => undefined,
  };
}
