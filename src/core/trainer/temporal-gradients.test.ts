import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createModelParameters, DEFAULT_MODEL_CONFIG, DEFAULT_TEMPORAL_MODEL_CONFIG, disposeModelParameters, inputWidth, type ModelConfig } from '../model';
import { createRandom } from '../random';
import type { TaskLossKind } from '../losses';
import { disposeBatch, type Batch } from './batch';
import { perTaskGradients } from './fused-step';
import type { PerTaskGradients } from './per-task-gradients';
import { hasTemporalClosedForm, temporalPerTaskGradients } from './temporal-gradients';
import { foldTimeMajor, unfoldTimeMajor, unfoldWindows } from './time-patches';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** `size` random windows for `config`, RUL in [0, 150), health labels 0..2. */
function randomBatch(config: ModelConfig, seed: number, size: number): Batch {
  const random = createRandom(seed);
  const width = inputWidth(config);
  const x = Float32Array.from({ length: size * width }, () => random.normal());
  return {
    features: tf.tensor2d(x, [size, width]),
    rul: tf.tensor1d(Array.from({ length: size }, () => 150 * random.next())),
    health: tf.tensor1d(Array.from({ length: size }, (_, i) => i % 3), 'int32'),
  };
}

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

const temporalModel = (overrides: Partial<ModelConfig>, convolutions?: { kernel: number; stride: number; channels: number }[], windowLength = 30): ModelConfig => ({
  ...DEFAULT_TEMPORAL_MODEL_CONFIG,
  ...overrides,
  temporal: convolutions === undefined ? DEFAULT_TEMPORAL_MODEL_CONFIG.temporal : { windowLength, convolutions },
});

const cases: { name: string; config: ModelConfig; kinds: TaskLossKind[] }[] = [
  { name: 'the default temporal model, MSE + cross-entropy', config: DEFAULT_TEMPORAL_MODEL_CONFIG, kinds: ['mse', 'crossEntropy'] },
  { name: 'AMNL weighted MSE + cross-entropy', config: DEFAULT_TEMPORAL_MODEL_CONFIG, kinds: ['weightedMse', 'crossEntropy'] },
  { name: 'tanh, no dense layer after the pool', config: temporalModel({ activation: 'tanh', hidden: [] }), kinds: ['mse', 'crossEntropy'] },
  {
    name: 'ELU, three convolutions (stride 1, a window with unused trailing steps, kernel 1) and two dense layers',
    config: temporalModel({ activation: 'elu', hidden: [12, 8], inputSize: 5 }, [
      { kernel: 3, stride: 1, channels: 6 },
      { kernel: 4, stride: 3, channels: 7 },
      { kernel: 1, stride: 1, channels: 5 },
    ], 17),
    kinds: ['mse', 'crossEntropy'],
  },
];

describe('closed-form per-task gradients of the temporal backbone', () => {
  afterEach(() => tf.disposeVariables());

  for (const { name, config, kinds } of cases) {
    it(`equal the taped replica trick within 2e-6 relative: ${name}`, async () => {
      const params = createModelParameters(config, { seed: 3 });
      const batch = randomBatch(config, 5, 24);
      const taped = perTaskGradients(params, batch, kinds);
      const before = tf.memory().numTensors;
      const closed = temporalPerTaskGradients(params, batch, kinds);
      try {
        // Only the returned gradients outlive the call.
        expect(tf.memory().numTensors - before).toBe(1 + closed.sharedGradients.length + closed.headGradients.length);
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

  it('covers temporal models only', () => {
    const dense = createModelParameters(DEFAULT_MODEL_CONFIG, { seed: 1 });
    const temporal = createModelParameters(DEFAULT_TEMPORAL_MODEL_CONFIG, { seed: 1 });
    expect(hasTemporalClosedForm(dense)).toBe(false);
    expect(hasTemporalClosedForm(temporal)).toBe(true);
    disposeModelParameters(dense);
    disposeModelParameters(temporal);
  });
});

describe('time-major patches', () => {
  it('cut patch p of example b from time steps p·s … p·s+k−1, tap-major, and fold back as the adjoint', async () => {
    // 2 examples, 7 time steps, 2 channels: value = 100·b + 10·t + c.
    const [batchSize, length, channels, kernel, stride] = [2, 7, 2, 3, 2];
    const rows = Array.from({ length: length * batchSize }, (_, r) => {
      const [t, b] = [Math.floor(r / batchSize), r % batchSize];
      return Array.from({ length: channels }, (_, c) => 100 * b + 10 * t + c);
    });
    const patches = unfoldTimeMajor(tf.tensor2d(rows), batchSize, kernel, stride);
    expect(patches.shape).toEqual([3 * batchSize, kernel * channels]);
    const cut = (await patches.array()) as number[][];
    // Row p·B + b, column j·C + c = x[b, p·s + j, c].
    expect(cut[2 * batchSize + 1]).toEqual([100 + 40, 100 + 41, 100 + 50, 100 + 51, 100 + 60, 100 + 61]);
    // Adjoint: ⟨unfold(x), y⟩ = ⟨x, fold(y)⟩ for a random y.
    const random = createRandom(2);
    const y = tf.tensor2d(Array.from({ length: patches.size }, () => random.normal()), patches.shape);
    const folded = foldTimeMajor(y, batchSize, length, kernel, stride);
    const left = (await tf.sum(tf.mul(patches, y)).data())[0];
    const right = (await tf.sum(tf.mul(tf.tensor2d(rows), folded)).data())[0];
    expect(left).toBeCloseTo(right, 2);
    // The windows as they arrive, [B, T·C] with value 100·b + 10·t + c, cut into the same patches.
    const windows = tf.tensor2d(Array.from({ length: batchSize }, (_, b) => Array.from({ length: length * channels }, (_, i) => 100 * b + 10 * Math.floor(i / channels) + (i % channels))));
    const fromWindows = unfoldWindows(windows, length, kernel, stride);
    expect(await fromWindows.array()).toEqual(cut);
    tf.dispose([patches, y, folded, windows, fromWindows]);
  });
});
