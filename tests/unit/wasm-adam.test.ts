/**
 * Adam's one-pass wasm kernel (src/core/wasm-adam.ts) against the same optimiser on the cpu backend,
 * where it runs one tfjs kernel per operation: the parameters must agree bit for bit over 25 updates
 * (the bias corrections move the step size each time), directions spanning five orders of magnitude.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { selectBackend, type BackendName } from '../../src/core/backend';
import { DEFAULT_ADAM, type OptimiserConfig } from '../../src/core/optimiser-config';
import { createNetworkOptimiser } from '../../src/core/trainer/optimiser';
import { hasWasmAdam } from '../../src/core/wasm-adam';
import { nodeWasmPaths } from '../../src/node/tfjs-setup';

async function parametersAfterUpdates(backend: BackendName, config: OptimiserConfig): Promise<number[][]> {
  await selectBackend({ order: [backend], wasmPaths: nodeWasmPaths() });
  expect(hasWasmAdam()).toBe(backend === 'wasm');
  const variables = [tf.variable(tf.tensor2d([[0.3, -1.2, 2.5], [1e-3, 4, -0.7]])), tf.variable(tf.tensor1d([0.05, -3e-4]))];
  const optimiser = createNetworkOptimiser(config, variables);
  const before = tf.memory().numTensors;
  for (let step = 1; step <= 25; step += 1) {
    const direction = tf.tensor1d(Array.from({ length: 8 }, (_, i) => Math.sin(step * 1.3 + i) * 10 ** ((i % 5) - 3)));
    optimiser.apply(direction);
    direction.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }
  const values = await Promise.all(variables.map(async (variable) => Array.from(await variable.data())));
  optimiser.dispose();
  tf.dispose(variables);
  return values;
}

describe('Adam as one wasm kernel', () => {
  it('updates the parameters to the same bits as the per-operation kernels on cpu', async () => {
    const config: OptimiserConfig = { ...DEFAULT_ADAM, learningRate: 5e-3 };
    const onCpu = await parametersAfterUpdates('cpu', config);
    const onWasm = await parametersAfterUpdates('wasm', config);
    expect(onWasm).toEqual(onCpu);
    await selectBackend({ order: ['cpu'] });
  }, 60_000);
});
