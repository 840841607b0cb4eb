import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { measureStepRate, selectMeasuredBackend } from './backend-probe';

describe('the measured backend choice', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('does not race a software WebGPU adapter, and says why', async () => {
    const requestAdapter = vi.fn(async () => ({ info: { isFallbackAdapter: true, vendor: 'google', architecture: 'swiftshader' } }));
    vi.stubGlobal('navigator', { gpu: { requestAdapter } });
    const choice = await selectMeasuredBackend({ candidates: ['webgpu', 'cpu'], budgetMs: 30 });
    expect(choice.name).toBe('cpu');
    expect(choice.skipped).toEqual([{ name: 'webgpu', reason: 'webgpu: a software WebGPU adapter (google swiftshader); only the dense GPU-resident step beats WASM on it, temporal runs and strategies without a GPU plan are far slower, so not raced' }]);
    expect(choice.speeds?.map((entry) => entry.name)).toEqual(['cpu']);
  });

  it('measures the training step on each candidate that starts and activates the fastest', async () => {
    const choice = await selectMeasuredBackend({ candidates: ['webgpu', 'cpu'], budgetMs: 60 });
    expect(choice.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(choice.skipped).toEqual([{ name: 'webgpu', reason: 'webgpu: navigator.gpu missing' }]);
    expect(choice.speeds?.map((entry) => entry.name)).toEqual(['cpu']);
    expect(choice.speeds?.[0].stepsPerSecond).toBeGreaterThan(0);
  });

  it("releases the probe's trainer and batch", async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    await measureStepRate(10);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('measures a forced backend too, so the badge can show its speed', async () => {
    const choice = await selectMeasuredBackend({ forced: 'cpu', budgetMs: 40 });
    expect(choice.name).toBe('cpu');
    expect(choice.speeds).toHaveLength(1);
    expect(Number.isFinite(choice.speeds?.[0].stepsPerSecond)).toBe(true);
  });

  it('times at least one step after the untimed warm-up', async () => {
    await tf.setBackend('cpu');
    expect(await measureStepRate(0)).toBeGreaterThan(0);
  });
});
