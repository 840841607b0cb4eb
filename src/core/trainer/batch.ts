/**
 * Batches on the device. A pool is uploaded once; each step slices its rows there, so training
 * never re-uploads the data. Row order follows docs/step-semantics.md ("Data in a scenario").
 */
import * as tf from '@tensorflow/tfjs-core';
import { convolutionLength, type TemporalConfig } from '../temporal';
import { unfoldWindows } from './time-patches';

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
  /** The first convolution's patches of these windows, when the pool cut them ({@link WindowPatches}). */
  readonly windowPatches?: WindowPatches;
}

/**
 * A temporal model's first-convolution patches of a batch's windows, cut once for the whole pool
 * and sliced per step like the other tensors: `[P·B, k·F]`, rows p·B + b, the layout of
 * time-patches.ts's `unfoldWindows`, for the cut it names.
 */
export interface WindowPatches {
  readonly windowLength: number;
  readonly kernel: number;
  readonly stride: number;
  readonly patches: tf.Tensor2D;
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
  batch.windowPatches?.patches.dispose();
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

/** Options of {@link createPoolBatcher}. */
export interface PoolBatcherOptions {
  /**
   * A temporal model's shape: the pool's windows are cut into its first convolution's patches once,
   * here, and each batch carries its slice of them, so a training step cuts none (about 2.2× the
   * windows' memory at the default shape), within {@link patchBudgetBytes}.
   */
  readonly cutPatchesFor?: TemporalConfig;
  /**
   * The most device memory the pool's patches may take (default {@link POOL_PATCH_BUDGET_BYTES});
   * above it batches carry none and the step cuts its own.
   */
  readonly patchBudgetBytes?: number;
}

/**
 * 64 MiB: the default shape's patches of FD001's training pool (13,908 windows × 910 values, 51 MB)
 * fit; the FD001 preset's (kernel 10, stride 1: 2,940 values a window, 164 MB) do not, and there
 * cutting per step is a small part of a much larger step.
 */
export const POOL_PATCH_BUDGET_BYTES = 64 * 1024 * 1024;

/** Bytes of float32 patches `temporal`'s first convolution cuts from `rows` windows. */
function poolPatchBytes(temporal: TemporalConfig, rows: number, featureCount: number): number {
  const { kernel, stride } = temporal.convolutions[0];
  return convolutionLength(temporal.windowLength, { kernel, stride }) * kernel * (featureCount / temporal.windowLength) * rows * 4;
}

/** The pool's patches for `temporal`'s first convolution, `[P, N, k·F]` (time-major over the pool). */
function cutPoolPatches(features: tf.Tensor2D, temporal: TemporalConfig): { cut: Omit<WindowPatches, 'patches'>; patches: tf.Tensor3D } {
  const { windowLength } = temporal;
  const { kernel, stride } = temporal.convolutions[0];
  const rows = features.shape[0];
  const count = convolutionLength(windowLength, { kernel, stride });
  const patches = tf.tidy(() => tf.reshape(unfoldWindows(features, windowLength, kernel, stride), [count, rows, -1]) as tf.Tensor3D);
  return { cut: { windowLength, kernel, stride }, patches };
}

/** Upload `pool` once and serve batches of `batchSize` rows by slicing on the device. */
export function createPoolBatcher(pool: ArrayPool, batchSize: number, options: PoolBatcherOptions = {}): PoolBatcher {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a positive integer, got ${batchSize}`);
  const all = createBatchFromArrays(pool);
  const poolSize = pool.rul.length;
  if (poolSize < 1) {
    disposeBatch(all);
    throw new Error('pool must hold at least one row');
  }
  const temporal = options.cutPatchesFor;
  const affordable = temporal !== undefined && poolPatchBytes(temporal, poolSize, pool.featureCount) <= (options.patchBudgetBytes ?? POOL_PATCH_BUDGET_BYTES);
  const poolPatches = affordable ? cutPoolPatches(all.features, temporal) : undefined;
  return {
    poolSize,
    batchSize,
    all,
    batchForStep: (step) =>
      tf.tidy(() => {
        const runs = poolRunsForStep(step, batchSize, poolSize);
        const patches = poolPatches && {
          ...poolPatches.cut,
          patches: tf.reshape(takePatchRuns(poolPatches.patches, runs), [-1, poolPatches.patches.shape[2]]) as tf.Tensor2D,
        };
        return {
          features: takeRuns(all.features, runs),
          rul: takeRuns(all.rul, runs),
          health: takeRuns(all.health, runs),
          ...(all.extraLabels ? { extraLabels: all.extraLabels.map((labels) => takeRuns(labels, runs)) } : {}),
          ...(patches ? { windowPatches: patches } : {}),
        };
      }),
    dispose: () => {
      disposeBatch(all);
      poolPatches?.patches.dispose();
    },
  };
}

/** `runs` of the pool axis (the middle one) of time-major pool patches, joined along it. */
function takePatchRuns(patches: tf.Tensor3D, runs: readonly [number, number][]): tf.Tensor3D {
  const [count, , width] = patches.shape;
  const pieces = runs.map(([first, rows]) => tf.slice(patches, [0, first, 0], [count, rows, width]));
  return pieces.length === 1 ? pieces[0] : tf.concat(pieces, 1);
}
