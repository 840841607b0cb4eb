/**
 * The wasm heap kernels that cut time patches and fold their gradients back
 * (src/core/wasm-time-patches.ts) against the cpu backend's one-hot products (time-patches.ts):
 * strides below, at and above the kernel, kernel 1, windows with unused trailing steps. Cutting is a
 * copy, so it must match exactly; folding adds the same values in another order, so to rounding.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../../src/core/backend';
import { convolutionLength } from '../../src/core/temporal';
import { foldTimeMajor, unfoldTimeMajor, unfoldWindows } from '../../src/core/trainer/time-patches';
import { hasWasmTimePatches } from '../../src/core/wasm-time-patches';
import { nodeWasmPaths } from '../../src/node/tfjs-setup';
import { runCases, type KernelCase } from './backend-cases';

const values = (rows: number, columns: number): tf.Tensor2D =>
  tf.tensor2d(Array.from({ length: rows * columns }, (_, i) => Math.sin(i * 1.7) * 10), [rows, columns]);

/** [batch, length, channels, kernel, stride]: the default model's two cuts, then the odd ones. */
const CUTS = [
  [64, 30, 14, 5, 2],
  [64, 13, 16, 3, 2],
  [3, 17, 5, 3, 1],
  [3, 15, 7, 4, 3],
  [2, 9, 4, 1, 1],
  [4, 11, 3, 2, 4],
] as const;

const CASES: readonly KernelCase[] = CUTS.flatMap(([batch, length, channels, kernel, stride]) => {
  const name = `B ${batch}, T ${length}, C ${channels}, kernel ${kernel}, stride ${stride}`;
  const patches = convolutionLength(length, { kernel, stride });
  return [
    { label: `windows, ${name}`, run: () => unfoldWindows(values(batch, length * channels), length, kernel, stride) },
    { label: `time-major, ${name}`, run: () => unfoldTimeMajor(values(length * batch, channels), batch, kernel, stride) },
    // Two tasks' errors per example: the groups are examples × tasks, as in the backward pass.
    { label: `fold, ${name}`, run: () => foldTimeMajor(values(patches * batch * 2, kernel * channels), batch * 2, length, kernel, stride) },
  ];
});

describe('wasm time patches on the heap', () => {
  it('cut exactly the patches and fold the gradients the cpu backend does', async () => {
    const onCpu = await runCases('cpu', CASES);
    await selectBackend({ order: ['wasm'], wasmPaths: nodeWasmPaths() });
    expect(hasWasmTimePatches()).toBe(true);
    const onWasm = await runCases('wasm', CASES);
    CASES.forEach((testCase, i) => {
      const [wasm, cpu] = [onWasm[i][0], onCpu[i][0]];
      expect(wasm.shape, testCase.label).toEqual(cpu.shape);
      if (!testCase.label.startsWith('fold')) {
        expect(wasm.data, testCase.label).toEqual(cpu.data);
        return;
      }
      const worst = Math.max(...wasm.data.map((value, j) => Math.abs(value - cpu.data[j])));
      expect(worst, testCase.label).toBeLessThan(1e-4);
    });
    await selectBackend({ order: ['cpu'] });
  }, 60_000);
});
