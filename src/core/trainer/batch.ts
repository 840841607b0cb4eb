/**
 * Batches on the device. A pool is uploaded once; each step slices its rows there, so training
 * never re-uploads the data. Row order follows docs/step-semantics.md ("Data in a scenario").
 */
import * as tf from '@tensorflow/tfjs-core';

/** One training or evaluation batch. The caller owns the tensors and disposes them ({@link disposeBatch}). */
export interface Batch {
  /** `[B, F]` float32 features. */
  readonly features: tf.Tensor2D;
  /** `[B]` float32 RUL targets in cycles. */
  readonly rul: tf.Tensor1D;
  /** `[B]` int32 health classes 0..2. */
  readonly health: tf.Tensor1D;
  /**
   * `[B]` int32 class labels of tasks 2…K−1, one tensor per task beyond the book's two (the book's
   * data has none; tests train a synthetic third task with them). A K-head model needs K − 2 here.
   */
  readonly extraLabels?: readonly tf.Tensor1D[];
}

/** Rows as host arrays: features as nested rows or one row-major Float32Array. */
export interface ArrayPool {
  readonly x: readonly (readonly number[])[] | Float32Array;
  readonly rul: ArrayLike<number>;
  readonly health: ArrayLike<number>;
  readonly featureCount: number;
  /** Class labels of tasks 2…K−1, one array of row labels per task (see {@link Batch.extraLabels}). */
  readonly extraLabels?: readonly ArrayLike<number>[];
}

/** Flatten and check a pool; returns the row count. */
function flattenPool(pool: ArrayPool): { features: Float32Array; rows: number } {
  const features = pool.x instanceof Float32Array ? pool.x : Float32Array.from(pool.x.flat());
  const rows = pool.rul.length;
  if (features.length !== rows * pool.featureCount) {
    throw new Error(`pool.x must hold ${rows} rows of ${pool.featureCount} features, got ${features.length} values`);
  }
  if (pool.health.length !== rows) throw new Error(`pool.health must have ${rows} entries, got ${pool.health.length}`);
  (pool.extraLabels ?? []).forEach((labels, i) => {
    if (labels.length !== rows) throw new Error(`pool.extraLabels[${i}] must have ${rows} entries, got ${labels.length}`);
  });
  return { features, rows };
}

/** Upload host arrays as one batch (all rows). */
export function createBatchFromArrays(pool: ArrayPool): Batch {
  const { features, rows } = flattenPool(pool);
  return {
    features: tf.tensor2d(features, [rows, pool.featureCount]),
    rul: tf.tensor1d(Float32Array.from(pool.rul)),
    health: tf.tensor1d(Int32Array.from(pool.health), 'int32'),
    ...(pool.extraLabels ? { extraLabels: pool.extraLabels.map((labels) => tf.tensor1d(Int32Array.from(labels), 'int32')) } : {}),
  };
}

/** Release a batch's tensors. */
export function disposeBatch(batch: Batch): void {
  batch.features.dispose();
  batch.rul.dispose();
  batch.health.dispose();
  batch.extraLabels?.forEach((labels) => labels.dispose());
}

/** Rows of step `step` (1-based): ((step − 1)·B + i) mod N for i = 0 … B − 1. */
export function poolRowsForStep(step: number, batchSize: number, poolSize: number): Int32Array {
  const rows = new Int32Array(batchSize);
  const start = ((step - 1) * batchSize) % poolSize;
  for (let i = 0; i < batchSize; i += 1) rows[i] = (start + i) % poolSize;
  return rows;
}

/**
 * The rows of step `step` ({@link poolRowsForStep}) as contiguous runs `[first, count]`: one run,
 * or more where the step wraps around the end of the pool.
 */
export function poolRunsForStep(step: number, batchSize: number, poolSize: number): [number, number][] {
  const runs: [number, number][] = [];
  let first = ((step - 1) * batchSize) % poolSize;
  for (let left = batchSize; left > 0; first = 0) {
    const count = Math.min(left, poolSize - first);
    runs.push([first, count]);
    left -= count;
  }
  return runs;
}

/** A pool on the device that hands out each step's batch. */
export interface PoolBatcher {
  readonly poolSize: number;
  readonly batchSize: number;
  /** A new batch for this step (the caller disposes it). */
  batchForStep(step: number): Batch;
  /** The whole pool as a batch, owned by the batcher (for evaluation); do not dispose it. */
  readonly all: Batch;
  dispose(): void;
}

/**
 * `runs` of `tensor`'s leading axis, joined. Slices rather than a gather: the rows of a step are
 * contiguous, and tfjs-wasm's GatherV2 took ~1 ms of CPU for 64 rows of 30-cycle windows
 * (`[64, 420]`), where a slice takes a few µs.
 */
function takeRuns<T extends tf.Tensor>(tensor: T, runs: readonly [number, number][]): T {
  const pieces = runs.map(([first, count]) => tf.slice(tensor, first, count));
  return (pieces.length === 1 ? pieces[0] : tf.concat(pieces)) as T;
}

/** Upload `pool` once and serve batches of `batchSize` rows by slicing on the device. */
export function createPoolBatcher(pool: ArrayPool, batchSize: number): PoolBatcher {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a positive integer, got ${batchSize}`);
  const all = createBatchFromArrays(pool);
  const poolSize = pool.rul.length;
  if (poolSize < 1) throw new Error('pool must hold at least one row');
  return {
    poolSize,
    batchSize,
    all,
    batchForStep: (step) =>
      tf.tidy(() => {
        const runs = poolRunsForStep(step, batchSize, poolSize);
        return {
          features: takeRuns(all.features, runs),
          rul: takeRuns(all.rul, runs),
          health: takeRuns(all.health, runs),
          ...(all.extraLabels ? { extraLabels: all.extraLabels.map((labels) => takeRuns(labels, runs)) } : {}),
        };
      }),
    dispose: () => disposeBatch(all),
  };
}
