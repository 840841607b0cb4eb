import { describe, expect, it } from 'vitest';
import { parseScenario } from './scenario';
import { closestKey, ECHO_LIMIT, MAX_SCENARIO_STEPS, shownValue } from './scenario-fields';

const base = {
  parameters: { seed: 0 },
  data: { kind: 'synthetic', seed: 0, batchSize: 16, poolSize: 64 },
  strategy: { name: 'fixed' },
  steps: 5,
};

const messageOf = (json: unknown): string => {
  try {
    parseScenario(json);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('parseScenario accepted the scenario');
};

describe('parseScenario refuses what it cannot honour', () => {
  it('refuses an unknown top-level key and names the closest known one', () => {
    const message = messageOf({ ...base, optimizer: { kind: 'sgd', learningRate: 0.01 } });
    expect(message).toMatch(/^scenario\.optimizer is not a known field \(did you mean "optimiser"\?/);
  });

  it('refuses unknown keys inside nested objects, each under its own path', () => {
    expect(messageOf({ ...base, optimiser: { kind: 'adam', learningrate: 0.01 } })).toMatch(
      /^scenario\.optimiser\.learningrate is not a known field \(did you mean "learningRate"\?/,
    );
    expect(messageOf({ ...base, optimiser: { kind: 'sgd', learningRate: 0.01, beta1: 0.9 } })).toMatch(/^scenario\.optimiser\.beta1 is not a known field/);
    expect(messageOf({ ...base, data: { ...base.data, batch: 8 } })).toMatch(/^scenario\.data\.batch is not a known field \(did you mean "batchSize"\?/);
    expect(messageOf({ ...base, strategy: { name: 'gaba', hyperparameters: {} } })).toMatch(/^scenario\.strategy\.hyperparameters is not a known field/);
    expect(messageOf({ ...base, strategy: { name: 'gaba', hyper: { warmup: 3 } } })).toContain('did you mean "warmupSteps"?');
  });

  it('gives no suggestion when nothing known is close', () => {
    expect(messageOf({ ...base, zzzzzzzzzz: 1 })).toMatch(/^scenario\.zzzzzzzzzz is not a known field \(known: name, model,/);
    expect(closestKey('optimizer', ['optimiser', 'steps'])).toBe('optimiser');
    expect(closestKey('colour', ['optimiser', 'steps'])).toBeUndefined();
  });

  it('refuses parameters with both seed and values instead of dropping one', () => {
    expect(messageOf({ ...base, parameters: { seed: 0, values: { shared: [], heads: [] } } })).toBe(
      'scenario.parameters must give either seed or values, not both (one would be silently ignored)',
    );
  });

  it(`caps steps at ${MAX_SCENARIO_STEPS}`, () => {
    expect(parseScenario({ ...base, steps: MAX_SCENARIO_STEPS }).steps).toBe(MAX_SCENARIO_STEPS);
    expect(messageOf({ ...base, steps: 1e12 })).toBe('scenario.steps must be at most 1,000,000 steps, got 1000000000000');
  });

  it('cuts an echoed value to about 80 characters and says how long it was', () => {
    const huge = 'x'.repeat(5_000_000);
    const message = messageOf({ ...base, optimiser: { kind: huge } });
    expect(message.startsWith('scenario.optimiser.kind must be "adam" or "sgd", got "xxx')).toBe(true);
    expect(message).toContain('… (5,000,002 characters)');
    expect(message.length).toBeLessThan(200);
    expect(shownValue('y'.repeat(ECHO_LIMIT - 2))).toHaveLength(ECHO_LIMIT);
  });

  it('reports 1e999 (which JSON.parse reads as Infinity) as Infinity, not null', () => {
    const json: unknown = JSON.parse('{"kind":"sgd","learningRate":1e999}');
    expect(messageOf({ ...base, optimiser: json })).toBe(
      'scenario.optimiser.learningRate must be a positive number, got Infinity (too large for a double)',
    );
    expect(shownValue(-Infinity)).toBe('-Infinity (too large for a double)');
    expect(shownValue(NaN)).toBe('NaN');
  });
});
