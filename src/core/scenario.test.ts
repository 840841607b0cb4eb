import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_CONFIG } from './model';
import { parseScenario, runScenario } from './scenario';
import { STRATEGY_NAMES } from './strategies/registry';
import type { StepRecord } from './trainer/trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const synthetic = {
  name: 'small',
  parameters: { seed: 0 },
  data: { kind: 'synthetic', seed: 0, batchSize: 16, poolSize: 64 },
  strategy: { name: 'gaba', hyper: { warmupSteps: 2 } },
  steps: 5,
};

const withField = (path: string[], value: unknown): unknown => {
  const copy = structuredClone(synthetic) as Record<string, unknown>;
  let target = copy;
  path.slice(0, -1).forEach((key) => {
    target[key] ??= {};
    target = target[key] as Record<string, unknown>;
  });
  target[path[path.length - 1]] = value;
  return copy;
};

describe('parseScenario', () => {
  it('fills in the default model and PyTorch’s Adam', () => {
    const scenario = parseScenario(synthetic);
    expect(scenario.model).toEqual(DEFAULT_MODEL_CONFIG);
    expect(scenario.optimiser).toEqual({ kind: 'adam', learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
    expect(scenario.data).toEqual({ kind: 'synthetic', seed: 0, batchSize: 16, poolSize: 64 });
  });

  const cases: [string[], unknown, string][] = [
    [['optimiser'], { kind: 'adam', learningRate: 'fast' }, 'scenario.optimiser.learningRate must be a positive number, got "fast"'],
    [['steps'], 0, 'scenario.steps must be a positive integer, got 0'],
    [['data', 'kind'], 'csv', 'scenario.data.kind must be "explicit" or "synthetic", got "csv"'],
    [['strategy', 'name'], 'magic', `scenario.strategy.name must be one of ${STRATEGY_NAMES.join(', ')}, got "magic"`],
    [['model'], { inputSize: 14, hidden: [8], activation: 'gelu', headSizes: [1, 3] }, 'scenario.model.activation must be one of relu, tanh, elu, got "gelu"'],
    [['parameters'], { values: { shared: [], heads: [] } }, 'scenario.parameters.values.shared must be an array of 2 layers'],
  ];
  for (const [path, value, message] of cases) {
    it(`rejects ${path.join('.')} = ${JSON.stringify(value)} with “${message}”`, () => {
      expect(() => parseScenario(withField(path, value))).toThrow(message);
    });
  }

  it('names the row and column of a bad explicit feature', () => {
    const data = { kind: 'explicit', x: [new Array(14).fill(0), [...new Array(13).fill(0), 'x']], rul: [1, 2], health: [0, 1], batchSize: 2 };
    expect(() => parseScenario({ ...synthetic, data })).toThrow('scenario.data.x[1][13] must be a finite number, got "x"');
  });

  it('passes the registry’s hyperparameter errors on under the scenario’s path', () => {
    expect(() => parseScenario(withField(['strategy', 'hyper'], { beta: 2 }))).toThrow(/^scenario\.strategy is invalid: .*beta/);
  });
});

describe('runScenario', () => {
  it('takes every step of a small synthetic scenario and scores a held-out set', async () => {
    const records: StepRecord[] = [];
    const summary = await runScenario(parseScenario(synthetic), (record) => records.push(record));
    expect(records.map((record) => record.step)).toEqual([1, 2, 3, 4, 5]);
    expect(records[1].weights).toEqual([0.5, 0.5]);
    // After the 2-step warm-up the much larger RUL gradient pulls the RUL weight below 1/2.
    expect(records[4].weights[0]).toBeLessThan(0.5);
    expect(summary.finalLosses).toEqual(records[4].losses);
    expect(summary.parameters?.shared).toHaveLength(2);
    expect(summary.validation?.accuracy).toBeGreaterThan(0);
    expect(summary.validation?.rmse).toBeGreaterThan(1);
  });
});
