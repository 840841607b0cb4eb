/**
 * The one readback of a step: K losses, the K×K Gramian and the K last-layer norms arrive in a
 * single small tensor, are unpacked here and checked for NaN and ±∞ before anything is applied.
 */
import * as tf from '@tensorflow/tfjs-core';
import { NonFiniteError } from '../errors';

/** What a step measured, on the host. */
export interface Measurement {
  readonly losses: number[];
  /** G_ij = g_i·g_j over all shared tensors. */
  readonly gramian: number[][];
  /** ‖∇_W L_k‖ on the last shared layer's weight matrix. */
  readonly lastLayerNorms: number[];
}

/** Pack `[K]` losses, `[K, K]` Gramian and `[K]` norms into one `[K + K² + K]` tensor (caller tidies). */
export function packMeasurement(losses: tf.Tensor, gramian: tf.Tensor, lastLayerNorms: tf.Tensor): tf.Tensor1D {
  const flat = (t: tf.Tensor): tf.Tensor => (t.rank === 1 ? t : tf.reshape(t, [-1]));
  return tf.concat([flat(losses), flat(gramian), flat(lastLayerNorms)]) as tf.Tensor1D;
}

/** Split a packed readback back into its parts. */
export function unpackMeasurement(data: ArrayLike<number>, taskCount: number): Measurement {
  const values = Array.from(data);
  const losses = values.slice(0, taskCount);
  const gramian = Array.from({ length: taskCount }, (_, i) =>
    values.slice(taskCount + i * taskCount, taskCount + (i + 1) * taskCount),
  );
  const lastLayerNorms = values.slice(taskCount + taskCount * taskCount);
  return { losses, gramian, lastLayerNorms };
}

/**
 * The first task whose loss, then whose gradient summaries, are non-finite, or null. A gradient
 * problem is blamed on the task whose own diagonal or norm went bad, else on the first row with a bad
 * entry (an overflowing cross term).
 */
export function findNonFinite(measurement: Measurement): { task: number; quantity: 'loss' | 'gradient' } | null {
  const { losses, gramian, lastLayerNorms } = measurement;
  const lossTask = losses.findIndex((loss) => !Number.isFinite(loss));
  if (lossTask >= 0) return { task: lossTask, quantity: 'loss' };
  const ownTask = gramian.findIndex((row, k) => !Number.isFinite(row[k]) || !Number.isFinite(lastLayerNorms[k]));
  if (ownTask >= 0) return { task: ownTask, quantity: 'gradient' };
  const crossTask = gramian.findIndex((row) => row.some((entry) => !Number.isFinite(entry)));
  return crossTask >= 0 ? { task: crossTask, quantity: 'gradient' } : null;
}

/** Read the packed tensor back (one round trip), dispose it, and throw if anything is non-finite. */
export async function readMeasurement(packed: tf.Tensor, taskCount: number, step: number): Promise<Measurement> {
  let data: ArrayLike<number>;
  try {
    data = await packed.data();
  } finally {
    packed.dispose();
  }
  const measurement = unpackMeasurement(data, taskCount);
  const bad = findNonFinite(measurement);
  if (bad !== null) throw new NonFiniteError({ ...bad, step });
  return measurement;
}
