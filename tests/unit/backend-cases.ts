/**
 * Runs a list of kernel cases on one backend and reads every result back, checking that each case
 * leaves the tensor count where it found it: the shared half of the wasm-kernel-vs-cpu tests.
 */
import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';
import { nodeWasmPaths } from '../../src/node/tfjs-setup';
import { selectBackend, type BackendName } from '../../src/core/backend';

export interface KernelCase {
  readonly label: string;
  readonly run: () => tf.Tensor | tf.Tensor[];
}

export interface Piece {
  readonly shape: number[];
  readonly dtype: string;
  readonly data: number[];
}

/** Every case's output pieces (one for a single tensor), on `backend`. */
export async function runCases(backend: BackendName, cases: readonly KernelCase[]): Promise<Piece[][]> {
  await selectBackend({ order: [backend], wasmPaths: nodeWasmPaths() });
  const results: Piece[][] = [];
  for (const testCase of cases) {
    const before = tf.memory().numTensors;
    const output = tf.tidy(testCase.run);
    const pieces = Array.isArray(output) ? output : [output];
    results.push(await Promise.all(pieces.map(async (t) => ({ shape: t.shape, dtype: t.dtype, data: Array.from(await t.data()) }))));
    tf.dispose(pieces);
    expect(tf.memory().numTensors, testCase.label).toBe(before);
  }
  return results;
}
