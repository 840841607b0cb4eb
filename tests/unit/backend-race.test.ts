// The measured choice races real backends: wasm and cpu both start in Node, so both are timed on
// the training step and the faster one is left active.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { selectMeasuredBackend } from '../../src/core/backend-probe';
import { nodeWasmPaths } from '../../src/node/tfjs-setup';

describe('racing backends on the training step', () => {
  it('activates the faster of wasm and cpu and lists the slower with its speed', async () => {
    const choice = await selectMeasuredBackend({ candidates: ['cpu', 'wasm'], wasmPaths: nodeWasmPaths(), budgetMs: 200 });
    const speeds = choice.speeds ?? [];
    expect(speeds.map((entry) => entry.name)).toEqual(['cpu', 'wasm']);
    const [slower, faster] = [...speeds].sort((a, b) => a.stepsPerSecond - b.stepsPerSecond);
    expect(choice.name).toBe(faster.name);
    expect(tf.getBackend()).toBe(faster.name);
    expect(choice.skipped).toEqual([
      { name: slower.name, reason: `${slower.name}: measured ${Math.round(slower.stepsPerSecond)} steps/s, slower than ${faster.name}` },
    ]);
  });
});
