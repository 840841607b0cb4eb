/**
 * The wasm backend's in-place Slice and SplitV (src/core/wasm-slice.ts) against the cpu backend's,
 * on contiguous pieces (the fast path), strided ones (handed to tfjs's own kernel) and int32 data.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import { nodeWasmPaths } from '../../src/cli/node-tfjs';
import { selectBackend, type BackendName } from '../../src/core/backend';

interface Case {
  readonly label: string;
  readonly run: () => tf.Tensor | tf.Tensor[];
}

const values = (shape: number[], dtype: 'float32' | 'int32' = 'float32'): tf.Tensor =>
  tf.tensor(Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => (dtype === 'int32' ? i * 7 - 50 : Math.sin(i) * 10)), shape, dtype);

const CASES: readonly Case[] = [
  { label: 'flat update split into the network tensors', run: () => tf.split(values([1668]), [448, 32, 1024, 32, 32, 1, 96, 3]) },
  { label: 'rows of a matrix (contiguous)', run: () => tf.slice(values([6, 5]), [2, 0], [3, 5]) },
  { label: 'columns of a matrix (strided)', run: () => tf.slice(values([6, 5]), [0, 1], [6, 3]) },
  { label: 'split along the last axis (strided)', run: () => tf.split(values([4, 9]), [2, 3, 4], 1) },
  { label: 'split along the first axis of a rank-3 tensor', run: () => tf.split(values([4, 3, 2]), 2, 0) },
  { label: 'int32 split', run: () => tf.split(values([10], 'int32'), [3, 7]) },
  { label: 'one inner block of a rank-3 tensor', run: () => tf.slice(values([3, 4, 5]), [1, 2, 0], [1, 1, 5]) },
  { label: 'size -1 means to the end', run: () => tf.slice(values([10]), [4], [-1]) },
];

async function evaluate(backend: BackendName): Promise<{ shape: number[]; dtype: string; data: number[] }[][]> {
  await selectBackend({ order: [backend], wasmPaths: nodeWasmPaths() });
  const results = [];
  for (const testCase of CASES) {
    const before = tf.memory().numTensors;
    const output = tf.tidy(testCase.run);
    const pieces = Array.isArray(output) ? output : [output];
    results.push(await Promise.all(pieces.map(async (t) => ({ shape: t.shape, dtype: t.dtype, data: Array.from(await t.data()) }))));
    tf.dispose(pieces);
    expect(tf.memory().numTensors).toBe(before);
  }
  return results;
}

describe('wasm Slice and SplitV read pieces in place', () => {
  it('give exactly what the cpu backend gives, for every case', async () => {
    const onCpu = await evaluate('cpu');
    const onWasm = await evaluate('wasm');
    CASES.forEach((testCase, i) => {
      expect(onWasm[i], testCase.label).toEqual(onCpu[i]);
    });
  });

  it('split the flat update without copying the whole input out of the heap', async () => {
    await selectBackend({ order: ['wasm'], wasmPaths: nodeWasmPaths() });
    const update = values([1668]);
    const readSync = vi.spyOn(tf.backend(), 'readSync');
    try {
      tf.dispose(tf.split(update, [448, 32, 1024, 32, 32, 1, 96, 3]));
      expect(readSync).not.toHaveBeenCalled();
      // The strided case still goes through tfjs's own kernel, which does read the input out.
      tf.tidy(() => { tf.slice(values([6, 5]), [0, 1], [6, 3]); });
      expect(readSync).toHaveBeenCalled();
    } finally {
      readSync.mockRestore();
      update.dispose();
    }
  });
});
