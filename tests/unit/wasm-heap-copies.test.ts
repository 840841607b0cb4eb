/**
 * The wasm backend's heap-to-heap Slice, SplitV and Concat (src/core/wasm-heap-copies.ts) against the
 * cpu backend's: contiguous and strided pieces, short and long rows, int32 and bool data.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import { nodeWasmPaths } from '../../src/node/tfjs-setup';
import { selectBackend } from '../../src/core/backend';
import { runCases, type KernelCase } from './backend-cases';


const values = (shape: number[], dtype: 'float32' | 'int32' | 'bool' = 'float32'): tf.Tensor =>
  tf.tensor(
    Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => (dtype === 'int32' ? i * 7 - 50 : dtype === 'bool' ? i % 3 : Math.sin(i) * 10)),
    shape,
    dtype,
  );

const CASES: readonly KernelCase[] = [
  { label: 'flat update split into the network tensors', run: () => tf.split(values([1668]), [448, 32, 1024, 32, 32, 1, 96, 3]) },
  { label: 'rows of a matrix (contiguous)', run: () => tf.slice(values([6, 5]), [2, 0], [3, 5]) },
  { label: 'columns of a matrix (strided)', run: () => tf.slice(values([6, 5]), [0, 1], [6, 3]) },
  { label: 'split along the last axis (strided)', run: () => tf.split(values([4, 9]), [2, 3, 4], 1) },
  { label: 'split along the first axis of a rank-3 tensor', run: () => tf.split(values([4, 3, 2]), 2, 0) },
  { label: 'int32 split', run: () => tf.split(values([10], 'int32'), [3, 7]) },
  { label: 'one inner block of a rank-3 tensor', run: () => tf.slice(values([3, 4, 5]), [1, 2, 0], [1, 1, 5]) },
  { label: 'size -1 means to the end', run: () => tf.slice(values([10]), [4], [-1]) },
  { label: 'one head\'s columns of the stacked outputs (strided, short rows)', run: () => tf.slice(values([9, 64, 4]), [0, 0, 1], [9, 64, 3]) },
  { label: 'a strided block of a rank-4 tensor, long rows', run: () => tf.slice(values([3, 4, 2, 40]), [1, 1, 0, 3], [2, 2, 2, 30]) },
  { label: 'a run of rows through whole inner axes (time-major patches of a batch)', run: () => tf.slice(values([3, 7, 5]), [0, 2, 0], [3, 4, 5]) },
  { label: 'whole inner axes under a cut middle axis of a rank-4 tensor', run: () => tf.slice(values([2, 5, 3, 4]), [1, 1, 0, 0], [1, 3, 3, 4]) },
  { label: 'an empty piece', run: () => tf.slice(values([4, 5]), [1, 0], [0, 5]) },
  { label: 'int32 columns', run: () => tf.slice(values([5, 6], 'int32'), [1, 2], [3, 3]) },
  { label: 'task errors joined along the last axis', run: () => tf.concat([values([9, 64, 1]), values([9, 64, 3])], 2) },
  { label: 'three pieces along the middle axis, long rows', run: () => tf.concat([values([2, 3, 20]), values([2, 1, 20]), values([2, 2, 20])], 1) },
  { label: 'rows along the first axis', run: () => tf.concat([values([2, 5]), values([3, 5])], 0) },
  { label: 'bool concat', run: () => tf.concat([values([3, 2], 'bool'), values([3, 1], 'bool')], 1) },
  { label: 'concat with an empty piece', run: () => tf.concat([values([3, 0]), values([3, 2])], 1) },
];

describe('wasm Slice, SplitV and Concat copy heap to heap', () => {
  it('give exactly what the cpu backend gives, for every case', async () => {
    const onCpu = await runCases('cpu', CASES);
    const onWasm = await runCases('wasm', CASES);
    CASES.forEach((testCase, i) => {
      expect(onWasm[i], testCase.label).toEqual(onCpu[i]);
    });
  });

  it('split, slice and concat without copying any input out of the heap', async () => {
    await selectBackend({ order: ['wasm'], wasmPaths: nodeWasmPaths() });
    const update = values([1668]);
    const readSync = vi.spyOn(tf.backend(), 'readSync');
    try {
      tf.dispose(tf.split(update, [448, 32, 1024, 32, 32, 1, 96, 3]));
      expect(readSync).not.toHaveBeenCalled();
      tf.tidy(() => { tf.slice(values([6, 5]), [0, 1], [6, 3]); tf.concat([values([4, 1]), values([4, 3])], 1); });
      expect(readSync).not.toHaveBeenCalled();
    } finally {
      readSync.mockRestore();
      update.dispose();
    }
  });
});
