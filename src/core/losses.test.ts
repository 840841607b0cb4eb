import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { amnlSampleWeight, crossEntropyLoss, mseLoss, taskLoss, weightedMseLoss } from './losses';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function valueOf(tensor: tf.Tensor): Promise<number> {
  const data = await tensor.data();
  tensor.dispose();
  return data[0];
}

/** Central differences of a scalar function of one tensor, one coordinate at a time, in float32. */
async function centralDifferences(
  f: (x: tf.Tensor) => tf.Scalar,
  point: number[],
  shape: number[],
  step: number,
): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < point.length; i += 1) {
    const plus = point.slice();
    const minus = point.slice();
    plus[i] += step;
    minus[i] -= step;
    const up = await valueOf(tf.tidy(() => f(tf.tensor(plus, shape))));
    const down = await valueOf(tf.tidy(() => f(tf.tensor(minus, shape))));
    result.push((up - down) / (2 * step));
  }
  return result;
}

async function autodiff(f: (x: tf.Tensor) => tf.Scalar, point: number[], shape: number[]): Promise<number[]> {
  const gradient = tf.tidy(() => tf.grad(f)(tf.tensor(point, shape)));
  const data = await gradient.data();
  gradient.dispose();
  return Array.from(data);
}

function expectClose(actual: number[], expected: number[], tolerance: number): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => {
    const scale = Math.max(1, Math.abs(expected[i]));
    expect(Math.abs(value - expected[i]) / scale).toBeLessThan(tolerance);
  });
}

describe('amnlSampleWeight', () => {
  it('gives 1.2 at RUL 100, 1.6 at 50, 2.0 at 0 and 1.0 at or above the cap of 125', () => {
    expect(amnlSampleWeight(100)).toBeCloseTo(1.2, 12);
    expect(amnlSampleWeight(50)).toBeCloseTo(1.6, 12);
    expect(amnlSampleWeight(0)).toBe(2);
    expect(amnlSampleWeight(125)).toBe(1);
    expect(amnlSampleWeight(130)).toBe(1);
  });

  it('follows custom bounds: min 0.5, max 3, cap 100 gives 1.75 at RUL 50', () => {
    expect(amnlSampleWeight(50, { minWeight: 0.5, maxWeight: 3, rulCap: 100 })).toBeCloseTo(1.75, 12);
  });
});

describe('loss values', () => {
  it('MSE of errors 1, −2, 3 is 14/3', async () => {
    const loss = tf.tidy(() => mseLoss(tf.tensor1d([11, 48, 103]), tf.tensor1d([10, 50, 100])));
    expect(await valueOf(loss)).toBeCloseTo(14 / 3, 5);
  });

  it('weighted MSE of errors 1, −2, 3 at RUL 10, 50, 130 is (1.92·1 + 1.6·4 + 1·9)/3 = 5.7733', async () => {
    const loss = tf.tidy(() => weightedMseLoss(tf.tensor1d([11, 48, 133]), tf.tensor1d([10, 50, 130])));
    expect(await valueOf(loss)).toBeCloseTo((1.92 + 6.4 + 9) / 3, 4);
  });

  it('cross-entropy of logits (0, 0, 0) is ln 3 and of (2, 1, 0) with label 0 is 0.40761', async () => {
    const loss = tf.tidy(() =>
      crossEntropyLoss(tf.tensor2d([[0, 0, 0], [2, 1, 0]]), tf.tensor1d([1, 0], 'int32')),
    );
    const second = Math.log(Math.exp(2) + Math.exp(1) + 1) - 2;
    expect(await valueOf(loss)).toBeCloseTo((Math.log(3) + second) / 2, 5);
    expect(second).toBeCloseTo(0.40761, 5);
  });

  it('cross-entropy stays finite for logits of ±1000: 0 when right, 2000 when wrong', async () => {
    const right = tf.tidy(() => crossEntropyLoss(tf.tensor2d([[1000, -1000, 0]]), tf.tensor1d([0], 'int32')));
    const wrong = tf.tidy(() => crossEntropyLoss(tf.tensor2d([[1000, -1000, 0]]), tf.tensor1d([1], 'int32')));
    expect(await valueOf(right)).toBeCloseTo(0, 5);
    expect(await valueOf(wrong)).toBeCloseTo(2000, 2);
  });

  it('cross-entropy accepts float labels by casting them to integers', async () => {
    const loss = tf.tidy(() => crossEntropyLoss(tf.tensor2d([[2, 1, 0]]), tf.tensor1d([0])));
    expect(await valueOf(loss)).toBeCloseTo(0.40761, 4);
  });

  it('taskLoss dispatches on the kind and rejects a wrongly shaped prediction', async () => {
    const mse = tf.tidy(() => taskLoss('mse', tf.tensor1d([1, 2]), tf.tensor1d([0, 0])));
    const weighted = tf.tidy(() => taskLoss('weightedMse', tf.tensor1d([1]), tf.tensor1d([0])));
    const ce = tf.tidy(() => taskLoss('crossEntropy', tf.tensor2d([[0, 0, 0]]), tf.tensor1d([2], 'int32')));
    expect(await valueOf(mse)).toBeCloseTo(2.5, 6);
    expect(await valueOf(weighted)).toBeCloseTo(2, 6);
    expect(await valueOf(ce)).toBeCloseTo(Math.log(3), 6);
    expect(() => tf.tidy(() => taskLoss('crossEntropy', tf.tensor1d([0]), tf.tensor1d([0])))).toThrow(/rank-2/);
  });

  it('leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    const loss = tf.tidy(() => crossEntropyLoss(tf.tensor2d([[1, 2, 3]]), tf.tensor1d([2], 'int32')));
    await valueOf(loss);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('loss gradients agree with central differences in float32', () => {
  const rulTarget = [10, 50, 100, 140];
  const rulPrediction = [12.5, 44, 103, 131];

  it('for MSE: autodiff gives 2(ŷ − y)/B = (1.25, −3, 1.5, −4.5)', async () => {
    const f = (x: tf.Tensor): tf.Scalar => mseLoss(x as tf.Tensor1D, tf.tensor1d(rulTarget));
    const analytic = await autodiff(f, rulPrediction, [4]);
    expectClose(analytic, [1.25, -3, 1.5, -4.5], 1e-5);
    expectClose(analytic, await centralDifferences(f, rulPrediction, [4], 0.05), 2e-3);
  });

  it('for weighted MSE: autodiff gives 2w(y)(ŷ − y)/B and matches central differences', async () => {
    const f = (x: tf.Tensor): tf.Scalar => weightedMseLoss(x as tf.Tensor1D, tf.tensor1d(rulTarget));
    const analytic = await autodiff(f, rulPrediction, [4]);
    const expected = rulPrediction.map((p, i) => (2 * amnlSampleWeight(rulTarget[i]) * (p - rulTarget[i])) / 4);
    expectClose(analytic, expected, 1e-5);
    expectClose(analytic, await centralDifferences(f, rulPrediction, [4], 0.05), 2e-3);
  });

  it('for cross-entropy: autodiff gives (softmax − onehot)/B and matches central differences', async () => {
    const logits = [0.3, -1.2, 2.0, 1.5, 0.1, -0.4];
    const labels = [2, 0];
    const f = (x: tf.Tensor): tf.Scalar => crossEntropyLoss(x as tf.Tensor2D, tf.tensor1d(labels, 'int32'));
    const analytic = await autodiff(f, logits, [2, 3]);
    const expected: number[] = [];
    for (let row = 0; row < 2; row += 1) {
      const z = logits.slice(row * 3, row * 3 + 3);
      const total = z.reduce((sum, v) => sum + Math.exp(v), 0);
      z.forEach((v, c) => expected.push((Math.exp(v) / total - (c === labels[row] ? 1 : 0)) / 2));
    }
    expectClose(analytic, expected, 1e-5);
    expectClose(analytic, await centralDifferences(f, logits, [2, 3], 1e-2), 2e-3);
  });

  it('for cross-entropy with huge logits: the gradient stays finite and equals (softmax − onehot)', async () => {
    const logits = [1000, -1000, 999];
    const f = (x: tf.Tensor): tf.Scalar => crossEntropyLoss(x as tf.Tensor2D, tf.tensor1d([1], 'int32'));
    const analytic = await autodiff(f, logits, [1, 3]);
    const p0 = 1 / (1 + Math.exp(-1));
    expectClose(analytic, [p0, -1, 1 - p0], 1e-5);
  });
});
