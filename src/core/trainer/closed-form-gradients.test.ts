import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createModelParameters, DEFAULT_MODEL_CONFIG, DEFAULT_TEMPORAL_MODEL_CONFIG, disposeModelParameters, type ModelConfig } from '../model';
import type { TaskLossKind } from '../losses';
import { closedFormPerTaskGradients, hasClosedFormGradients } from './closed-form-gradients';
import { perTaskGradients } from './fused-step';
import type { PerTaskGradients } from './per-task-gradients';
import { disposeBatch } from './batch';
import { toyBatch } from './test-helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function values(gradients: PerTaskGradients): Promise<number[][]> {
  const all = [gradients.losses, ...gradients.sharedGradients, ...gradients.headGradients];
  return Promise.all(all.map(async (tensor) => Array.from(await tensor.data())));
}

/** Largest |a − b| relative to the largest |b| of the same tensor. */
function worstRelativeGap(closed: number[][], taped: number[][]): number {
  return Math.max(...closed.map((tensor, i) => {
    const scale = Math.max(1e-12, ...taped[i].map(Math.abs));
    return Math.max(...tensor.map((value, j) => Math.abs(value - taped[i][j]))) / scale;
  }));
}

const cases: { name: string; config: ModelConfig; kinds: TaskLossKind[] }[] = [
  { name: 'default 14 → 32 → 32 ReLU, MSE + cross-entropy', config: DEFAULT_MODEL_CONFIG, kinds: ['mse', 'crossEntropy'] },
  { name: 'AMNL weighted MSE + cross-entropy', config: DEFAULT_MODEL_CONFIG, kinds: ['weightedMse', 'crossEntropy'] },
  { name: 'tanh, one hidden layer', config: { ...DEFAULT_MODEL_CONFIG, hidden: [16], activation: 'tanh' }, kinds: ['mse', 'crossEntropy'] },
  { name: 'ELU, three hidden layers', config: { ...DEFAULT_MODEL_CONFIG, hidden: [24, 16, 8], activation: 'elu' }, kinds: ['mse', 'crossEntropy'] },
];

describe('closed-form per-task gradients', () => {
  afterEach(() => tf.disposeVariables());

  for (const { name, config, kinds } of cases) {
    it(`equal the taped replica trick: ${name}`, async () => {
      const params = createModelParameters(config, { seed: 3 });
      const batch = toyBatch(5, 48);
      const taped = perTaskGradients(params, batch, kinds);
      const closed = closedFormPerTaskGradients(params, batch, kinds);
      try {
        expect(closed.sharedGradients.map((g) => g.shape)).toEqual(taped.sharedGradients.map((g) => g.shape));
        expect(closed.headGradients.map((g) => g.shape)).toEqual(taped.headGradients.map((g) => g.shape));
        expect(worstRelativeGap(await values(closed), await values(taped))).toBeLessThan(2e-6);
      } finally {
        tf.dispose([taped.losses, ...taped.sharedGradients, ...taped.headGradients]);
        tf.dispose([closed.losses, ...closed.sharedGradients, ...closed.headGradients]);
        disposeBatch(batch);
        disposeModelParameters(params);
      }
    });
  }

  it('on a one-weight network, the shared gradient of each task is the hand-computed number', async () => {
    // x = 2, W = 0.5, b = 0 → h = relu(1) = 1; RUL head v = 3, c = 0 → ŷ = 3, target 1: dL/dŷ = 2·(3 − 1) = 4,
    // so ∂L_rul/∂W = 4 · v · relu′ · x = 4·3·1·2 = 24. Health head logits (1, 0, −1)·h with label 0:
    // dL/dz = softmax − onehot; ∂L_health/∂W = Σ_c (p_c − y_c)·u_c · x.
    const config: ModelConfig = { inputSize: 1, hidden: [1], activation: 'relu', headSizes: [1, 3] };
    const params = createModelParameters(config, {
      values: { shared: [{ weight: [[0.5]], bias: [0] }], heads: [{ weight: [[3]], bias: [0] }, { weight: [[1, 0, -1]], bias: [0, 0, 0] }] },
    });
    const batch = { features: tf.tensor2d([[2]]), rul: tf.tensor1d([1]), health: tf.tensor1d([0], 'int32') };
    const closed = closedFormPerTaskGradients(params, batch, ['mse', 'crossEntropy']);
    try {
      const weightGradients = Array.from(await closed.sharedGradients[0].data());
      const p = [Math.E, 1, 1 / Math.E].map((v, _, all) => v / all.reduce((s, u) => s + u, 0));
      const healthExpected = ((p[0] - 1) * 1 + p[1] * 0 + p[2] * -1) * 2;
      expect(weightGradients[0]).toBeCloseTo(24, 5);
      expect(weightGradients[1]).toBeCloseTo(healthExpected, 6);
    } finally {
      tf.dispose([closed.losses, ...closed.sharedGradients, ...closed.headGradients]);
      disposeBatch(batch);
      disposeModelParameters(params);
    }
  });

  it('covers dense models only; the temporal backbone has its own (temporal-gradients.ts)', () => {
    expect(hasClosedFormGradients(DEFAULT_MODEL_CONFIG)).toBe(true);
    expect(hasClosedFormGradients(DEFAULT_TEMPORAL_MODEL_CONFIG)).toBe(false);
  });
});
