import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPORAL_MODEL_CONFIG, layerShapes } from './model';
import { convolutionLength, convolutionShapes, unfoldInput, unfoldTime } from './temporal';
import { convolutionForward } from './trainer/forward';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** x[t][c] = 10·t + c: every value names its own time step and channel. */
const tiny = (length: number, channels: number): number[][] =>
  Array.from({ length }, (_, t) => Array.from({ length: channels }, (_, c) => 10 * t + c));

/** A 1-D convolution by its definition: y[p][o] = b[o] + Σ_j Σ_c x[p·s + j][c] · w[o][c][j] (torch's weight layout). */
function directConvolution(x: number[][], w: number[][][], b: number[], stride: number): number[][] {
  const kernel = w[0][0].length;
  const count = convolutionLength(x.length, { kernel, stride });
  return Array.from({ length: count }, (_, p) =>
    b.map((bias, o) => {
      let sum = bias;
      for (let j = 0; j < kernel; j += 1) for (let c = 0; c < x[0].length; c += 1) sum += x[p * stride + j][c] * w[o][c][j];
      return sum;
    }),
  );
}

describe('unfolding time into patches', () => {
  it('puts x[p·s + j][c] at patch p, column j·C + c (7 steps, 2 channels, kernel 3, stride 2 → 3 patches)', async () => {
    const patches = unfoldTime(tf.tensor3d([tiny(7, 2)]), 3, 2);
    expect(patches.shape).toEqual([1, 3, 6]);
    expect(await patches.array()).toEqual([[
      [0, 1, 10, 11, 20, 21],
      [20, 21, 30, 31, 40, 41],
      [40, 41, 50, 51, 60, 61],
    ]]);
    patches.dispose();
  });

  it('pads or trims the time axis to whole stride blocks without ever reading the padding (6 and 8 steps)', async () => {
    for (const length of [6, 8]) {
      const patches = unfoldTime(tf.tensor3d([tiny(length, 1)]), 3, 2);
      const expected = Array.from({ length: convolutionLength(length, { kernel: 3, stride: 2 }) }, (_, p) => [0, 1, 2].map((j) => 10 * (2 * p + j)));
      expect(await patches.array()).toEqual([expected]);
      patches.dispose();
    }
  });

  it('gives the same patches by gather (for the input windows) as by the differentiable one-hot matMul', async () => {
    const x = tf.tensor3d([tiny(30, 3), tiny(30, 3).map((row) => row.map((v) => -v / 3))]);
    const [gathered, multiplied] = [unfoldInput(x, 5, 2), unfoldTime(x, 5, 2)];
    expect(gathered.shape).toEqual([2, 13, 15]);
    // Equal as numbers (the matMul turns −0 into +0, a sum with exact zeros).
    const [a, b] = [await gathered.data(), await multiplied.data()];
    expect(Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])))).toBe(0);
    tf.dispose([x, gathered, multiplied]);
  });

  it('sends each step the gradient of every patch it appears in: steps 2 and 4 of 7 count twice with kernel 3, stride 2', async () => {
    const grad = tf.grad((x: tf.Tensor) => tf.sum(unfoldTime(x, 3, 2)))(tf.ones([1, 7, 1]));
    expect(Array.from(await grad.data())).toEqual([1, 1, 2, 1, 2, 1, 1]);
    grad.dispose();
  });
});

describe('a convolution as a dense layer over patches', () => {
  // Two output channels over two input channels, kernel 3: w[o][c][j], as torch's nn.Conv1d stores it.
  const w = [
    [[1, 0, -1], [0.5, 0.25, 0]],
    [[0, 2, 0], [-1, 0, 1]],
  ];
  const b = [0.5, -3];
  // The dense form: row j·C_in + c, column o.
  const dense = [0, 1, 2].flatMap((j) => [0, 1].map((c) => w.map((filter) => filter[c][j])));

  it('equals the direct loop computation of a 1-D convolution with stride 2 on a 7-step, 2-channel input', async () => {
    const x = tiny(7, 2).map((row, t) => row.map((v, c) => (c === 1 ? -v / 4 : v / 10) + t));
    const expected = directConvolution(x, w, b, 2);
    // By hand (x[t] = (2t, −1.5t − 0.25)), patch 0 output 0: b0 + x[0][0] − x[2][0] + 0.5·x[0][1] + 0.25·x[1][1]
    // = 0.5 + 0 − 4 − 0.125 − 0.4375 = −4.0625.
    expect(expected[0][0]).toBe(-4.0625);
    const y = tf.tidy(() => {
      const layer = { weight: tf.tensor2d(dense), bias: tf.tensor1d(b) };
      return tf.add(tf.matMul(tf.reshape(unfoldTime(tf.tensor3d([x]), 3, 2), [3, 6]), layer.weight), layer.bias);
    });
    const actual = (await y.array()) as number[][];
    actual.forEach((row, p) => row.forEach((v, o) => expect(v).toBeCloseTo(expected[p][o], 5)));
    y.dispose();
  });

  it('runs a batch of two windows, and a stack of two replicas, through convolutionForward (identity activation via ELU on positives)', async () => {
    const x = [tiny(7, 2), tiny(7, 2).map((row) => row.map((v) => v / 7 + 1))];
    const expected = x.map((window) => directConvolution(window, w, b.map((v) => v + 100), 2));
    const [single, stacked] = tf.tidy(() => {
      const layer = { weight: tf.tensor2d(dense), bias: tf.tensor1d(b.map((v) => v + 100)) };
      const patches = unfoldTime(tf.tensor3d(x), 3, 2);
      const replicas = { weight: tf.stack([layer.weight, layer.weight]), bias: tf.stack([layer.bias, layer.bias]) };
      return [
        convolutionForward(patches, layer, 'elu'),
        convolutionForward(tf.stack([patches, patches]), replicas, 'elu'),
      ];
    });
    expect(single.shape).toEqual([2, 3, 2]);
    expect(stacked.shape).toEqual([2, 2, 3, 2]);
    const check = (actual: number[][][]) => actual.forEach((windowRows, n) => windowRows.forEach((row, p) => row.forEach((v, o) => expect(v).toBeCloseTo(expected[n][p][o], 3))));
    check((await single.array()) as number[][][]);
    for (const replica of (await stacked.array()) as number[][][][]) check(replica);
    tf.dispose([single, stacked]);
  });
});

describe('the temporal model’s shapes', () => {
  it('turns 30 cycles of 14 features into 13 then 6 steps of 16 channels, then 32 units: 2,596 parameters', () => {
    const shapes = layerShapes(DEFAULT_TEMPORAL_MODEL_CONFIG);
    expect(shapes.shared).toEqual([[70, 16], [48, 16], [16, 32]]);
    expect(shapes.heads).toEqual([[32, 1], [32, 3]]);
    expect(convolutionShapes(14, DEFAULT_TEMPORAL_MODEL_CONFIG.temporal!).lengths).toEqual([13, 6]);
    const count = [...shapes.shared, ...shapes.heads].reduce((sum, [fanIn, fanOut]) => sum + (fanIn + 1) * fanOut, 0);
    expect(count).toBe(2596);
  });

  it('refuses a window too short for its stack, naming the convolution', () => {
    const config = { ...DEFAULT_TEMPORAL_MODEL_CONFIG, temporal: { ...DEFAULT_TEMPORAL_MODEL_CONFIG.temporal!, windowLength: 6 } };
    expect(() => layerShapes(config)).toThrow('model.temporal.convolutions[1] kernel 3 is wider than the 1 time steps it receives');
  });
});
