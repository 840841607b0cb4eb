/**
 * The wasm backend's batched products through XNNPACK (src/core/wasm-batched-matmul.ts) against the
 * cpu backend: stacked factors, one shared factor, per-entry and shared biases, fused activations,
 * and the cases it hands back to tfjs's own kernel (transposes, plain products).
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import { nodeWasmPaths } from '../../src/node/tfjs-setup';
import { selectBackend } from '../../src/core/backend';
import { runCases, type KernelCase } from './backend-cases';

interface Case extends KernelCase {
  /**
   * Calls to the XNNPACK entry point `_FusedMatMul` this kernel makes: one per batch entry, one for a
   * stack times a plain matrix. tfjs's own kernels make one (fused) or none (BatchMatMul).
   */
  readonly xnnCalls: number;
}

const values = (shape: number[], phase = 0): tf.Tensor =>
  tf.tensor(Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => Math.sin(i * 0.37 + phase)), shape);

const CASES: readonly Case[] = [
  { label: 'stacked · stacked, the sweep\'s hidden layer', xnnCalls: 9, run: () => tf.matMul(values([9, 64, 32]), values([9, 32, 32], 1)) },
  { label: 'shared a · stacked b', xnnCalls: 4, run: () => tf.matMul(values([1, 16, 5]), values([4, 5, 3], 1)) },
  { label: 'stacked a · plain matrix b', xnnCalls: 1, run: () => tf.matMul(values([4, 16, 5]), values([5, 3], 1)) },
  { label: 'two batch axes', xnnCalls: 6, run: () => tf.matMul(values([2, 3, 6, 5]), values([2, 3, 5, 4], 1)) },
  {
    label: 'fused: per-entry bias and relu',
    xnnCalls: 9,
    run: () => tf.fused.matMul({ a: values([9, 64, 32]), b: values([9, 32, 4], 1), bias: values([9, 1, 4], 2), activation: 'relu' }),
  },
  {
    label: 'fused: shared bias, stacked b',
    xnnCalls: 3,
    run: () => tf.fused.matMul({ a: values([3, 8, 5]), b: values([3, 5, 6], 1), bias: values([6], 2) }),
  },
  {
    label: 'fused: per-entry bias, plain matrix b',
    xnnCalls: 3,
    run: () => tf.fused.matMul({ a: values([3, 8, 5]), b: values([5, 6], 1), bias: values([3, 1, 6], 2), activation: 'relu' }),
  },
  { label: 'transposed b (tfjs kernel)', xnnCalls: 0, run: () => tf.matMul(values([3, 8, 5]), values([3, 6, 5], 1), false, true) },
  { label: 'transposed a (tfjs kernel)', xnnCalls: 0, run: () => tf.matMul(values([3, 5, 8]), values([3, 5, 6], 1), true, false) },
  { label: 'plain product (tfjs kernel)', xnnCalls: 0, run: () => tf.matMul(values([8, 5]), values([5, 6], 1)) },
  {
    label: 'fused: elu after the product',
    xnnCalls: 3,
    run: () => tf.fused.matMul({ a: values([3, 8, 5]), b: values([3, 5, 6], 1), bias: values([6], 2), activation: 'elu' }),
  },
];

describe('wasm batched matMul through XNNPACK', () => {
  it('gives what the cpu backend gives, for every case, to float rounding', async () => {
    const onCpu = (await runCases('cpu', CASES)).map(([piece]) => piece);
    const onWasm = (await runCases('wasm', CASES)).map(([piece]) => piece);
    CASES.forEach((testCase, i) => {
      expect(onWasm[i].shape, testCase.label).toEqual(onCpu[i].shape);
      const worst = Math.max(...onWasm[i].data.map((value, j) => Math.abs(value - onCpu[i].data[j])));
      expect(worst, testCase.label).toBeLessThan(1e-4);
    });
  });

  it('takes the per-entry XNNPACK path exactly where it should', async () => {
    await selectBackend({ order: ['wasm'], wasmPaths: nodeWasmPaths() });
    const wasmModule = (tf.backend() as unknown as { wasm: { __FusedMatMul: (...args: number[]) => void } }).wasm;
    const calls = vi.spyOn(wasmModule, '__FusedMatMul');
    try {
      for (const testCase of CASES) {
        calls.mockClear();
        tf.tidy(testCase.run);
        expect(calls.mock.calls.length, testCase.label).toBe(testCase.xnnCalls);
      }
    } finally {
      calls.mockRestore();
    }
  });

  it('frees every per-entry XNNPACK operator: the heap does not grow over 3,000 products', async () => {
    await selectBackend({ order: ['wasm'], wasmPaths: nodeWasmPaths() });
    const heap = () => (tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.length;
    const a = values([9, 64, 32]);
    const b = values([9, 32, 32], 1);
    const bias = values([32], 2);
    const product = () => tf.dispose(tf.fused.matMul({ a, b, bias, activation: 'relu' }));
    for (let i = 0; i < 100; i += 1) product();
    const before = heap();
    // A leaked operator holds its packed 32×32 weights: 9 × 3,000 of them would be over 40 MB.
    for (let i = 0; i < 3000; i += 1) product();
    expect(heap()).toBe(before);
    tf.dispose([a, b, bias]);
  });
});
