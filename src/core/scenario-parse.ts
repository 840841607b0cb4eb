/**
 * Validation of scenario files: every field is checked, with an error naming its path
 * ("scenario.optimiser.learningRate must be a positive number, got \"fast\""), and defaults are
 * filled in. The format is documented in docs/scenario.md; scenario.ts runs them.
 */
import { ValidationError } from './errors';
import { MAX_SCENARIO_STEPS, refuseUnknownKeys, shownValue } from './scenario-fields';
import { checkExplicitParameters, DEFAULT_MODEL_CONFIG, type ModelConfig, type ParameterInit } from './model';
import { DEFAULT_ADAM, type OptimiserConfig } from './optimiser-config';
import { createStrategy, isStrategyName, STRATEGY_NAMES, type StrategySpec } from './strategies';

/** Rows given in the file; step t uses rows ((t − 1)·B + i) mod N. */
export interface ExplicitData {
  readonly kind: 'explicit';
  readonly x: readonly (readonly number[])[];
  readonly rul: readonly number[];
  readonly health: readonly number[];
  readonly batchSize: number;
}

/** Rows drawn from the seeded synthetic fleet (`createToyDataset`); same row order as explicit data. */
export interface SyntheticData {
  readonly kind: 'synthetic';
  readonly seed: number;
  readonly batchSize: number;
  /** Rows in the training pool (default {@link DEFAULT_SYNTHETIC_POOL_SIZE}). */
  readonly poolSize: number;
}

export const DEFAULT_SYNTHETIC_POOL_SIZE = 4096;

/** A validated scenario, with defaults filled in. */
export interface Scenario {
  readonly name?: string;
  readonly model: ModelConfig;
  readonly parameters: ParameterInit;
  readonly data: ExplicitData | SyntheticData;
  readonly strategy: StrategySpec;
  readonly optimiser: OptimiserConfig;
  readonly steps: number;
}

type Fields = Readonly<Record<string, unknown>>;

function fail(path: string, expected: string, value: unknown): never {
  throw new ValidationError(path, `must be ${expected}, got ${shownValue(value)}`);
}

function objectAt(value: unknown, path: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object', value);
  return value as Fields;
}

function positiveNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) fail(path, 'a positive number', value);
  return value;
}

function positiveInteger(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) fail(path, 'a positive integer', value);
  return value;
}

function stepCount(value: unknown, path: string): number {
  const steps = positiveInteger(value, path);
  if (steps > MAX_SCENARIO_STEPS) fail(path, `at most ${MAX_SCENARIO_STEPS.toLocaleString('en-US')} steps`, value);
  return steps;
}

function integer(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(path, 'an integer', value);
  return value;
}

function fraction(value: unknown, path: string): number {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) fail(path, 'a number in [0, 1)', value);
  return value;
}

function parseModel(value: unknown, path: string): ModelConfig {
  if (value === undefined) return DEFAULT_MODEL_CONFIG;
  const fields = objectAt(value, path);
  refuseUnknownKeys(fields, ['inputSize', 'hidden', 'activation', 'headSizes'], path);
  const inputSize = positiveInteger(fields.inputSize, `${path}.inputSize`);
  if (!Array.isArray(fields.hidden) || fields.hidden.length === 0) fail(`${path}.hidden`, 'a non-empty array of layer widths', fields.hidden);
  const hidden = fields.hidden.map((width, i) => positiveInteger(width, `${path}.hidden[${i}]`));
  const activation = fields.activation;
  if (activation !== 'relu' && activation !== 'tanh' && activation !== 'elu') fail(`${path}.activation`, 'one of relu, tanh, elu', activation);
  const heads = fields.headSizes;
  if (!Array.isArray(heads) || heads.length !== 2) fail(`${path}.headSizes`, 'two head sizes [1, classes]', heads);
  if (heads[0] !== 1) fail(`${path}.headSizes[0]`, '1 (the RUL head has one output)', heads[0]);
  const classes = positiveInteger(heads[1], `${path}.headSizes[1]`);
  return { inputSize, hidden, activation, headSizes: [1, classes] };
}

function parseParameters(value: unknown, model: ModelConfig, path: string): ParameterInit {
  const fields = objectAt(value, path);
  refuseUnknownKeys(fields, ['seed', 'values'], path);
  if ('seed' in fields && 'values' in fields) {
    throw new ValidationError(path, 'must give either seed or values, not both (one would be silently ignored)');
  }
  if ('seed' in fields) return { seed: integer(fields.seed, `${path}.seed`) };
  if ('values' in fields) {
    checkExplicitParameters(model, fields.values, `${path}.values`);
    return { values: fields.values };
  }
  return fail(path, 'either { seed } or { values }', value);
}

function parseExplicitData(fields: Fields, model: ModelConfig, path: string): ExplicitData {
  refuseUnknownKeys(fields, ['kind', 'x', 'rul', 'health', 'batchSize'], path);
  const { x, rul, health } = fields;
  if (!Array.isArray(x) || x.length === 0) fail(`${path}.x`, 'a non-empty array of rows', x);
  x.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== model.inputSize) fail(`${path}.x[${i}]`, `a row of ${model.inputSize} numbers`, row);
    row.forEach((entry: unknown, f) => {
      if (typeof entry !== 'number' || !Number.isFinite(entry)) fail(`${path}.x[${i}][${f}]`, 'a finite number', entry);
    });
  });
  if (!Array.isArray(rul) || rul.length !== x.length) fail(`${path}.rul`, `an array of ${x.length} numbers`, rul);
  rul.forEach((entry: unknown, i) => {
    if (typeof entry !== 'number' || !Number.isFinite(entry)) fail(`${path}.rul[${i}]`, 'a finite number', entry);
  });
  if (!Array.isArray(health) || health.length !== x.length) fail(`${path}.health`, `an array of ${x.length} class labels`, health);
  const classes = model.headSizes[1];
  health.forEach((entry: unknown, i) => {
    if (typeof entry !== 'number' || !Number.isInteger(entry) || entry < 0 || entry >= classes) {
      fail(`${path}.health[${i}]`, `an integer class in 0..${classes - 1}`, entry);
    }
  });
  const batchSize = positiveInteger(fields.batchSize, `${path}.batchSize`);
  return { kind: 'explicit', x: x as number[][], rul: rul as number[], health: health as number[], batchSize };
}

function parseData(value: unknown, model: ModelConfig, path: string): ExplicitData | SyntheticData {
  const fields = objectAt(value, path);
  if (fields.kind === 'explicit') return parseExplicitData(fields, model, path);
  if (fields.kind !== 'synthetic') return fail(`${path}.kind`, '"explicit" or "synthetic"', fields.kind);
  // The synthetic fleet has 14 informative sensors and three health classes.
  if (model.inputSize !== 14) fail('scenario.model.inputSize', '14 for synthetic data', model.inputSize);
  if (model.headSizes[1] !== 3) fail('scenario.model.headSizes[1]', '3 for synthetic data', model.headSizes[1]);
  refuseUnknownKeys(fields, ['kind', 'seed', 'batchSize', 'poolSize'], path);
  return {
    kind: 'synthetic',
    seed: integer(fields.seed, `${path}.seed`),
    batchSize: positiveInteger(fields.batchSize, `${path}.batchSize`),
    poolSize: fields.poolSize === undefined ? DEFAULT_SYNTHETIC_POOL_SIZE : positiveInteger(fields.poolSize, `${path}.poolSize`),
  };
}

function parseOptimiser(value: unknown, path: string): OptimiserConfig {
  if (value === undefined) return DEFAULT_ADAM;
  const fields = objectAt(value, path);
  refuseUnknownKeys(fields, fields.kind === 'sgd' ? ['kind', 'learningRate'] : ['kind', 'learningRate', 'beta1', 'beta2', 'epsilon'], path);
  const learningRate = positiveNumber(fields.learningRate ?? DEFAULT_ADAM.learningRate, `${path}.learningRate`);
  if (fields.kind === 'sgd') return { kind: 'sgd', learningRate };
  if (fields.kind !== 'adam') return fail(`${path}.kind`, '"adam" or "sgd"', fields.kind);
  const defaults = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
  return {
    kind: 'adam',
    learningRate,
    beta1: fraction(fields.beta1 ?? defaults.beta1, `${path}.beta1`),
    beta2: fraction(fields.beta2 ?? defaults.beta2, `${path}.beta2`),
    epsilon: positiveNumber(fields.epsilon ?? defaults.epsilon, `${path}.epsilon`),
  };
}

function parseStrategy(value: unknown, optimiser: OptimiserConfig, path: string): StrategySpec {
  const fields = objectAt(value, path);
  refuseUnknownKeys(fields, ['name', 'hyper'], path);
  const name = fields.name;
  if (!isStrategyName(name)) {
    fail(`${path}.name`, `one of ${STRATEGY_NAMES.join(', ')}`, name);
  }
  const hyper = fields.hyper === undefined ? undefined : { ...objectAt(fields.hyper, `${path}.hyper`) };
  const spec: StrategySpec = hyper === undefined ? { name } : { name, hyper };
  try {
    // Building one is the registry's own validation of every hyperparameter.
    createStrategy(spec, { taskCount: 2, optimiser });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ValidationError(path, `is invalid: ${message.startsWith('strategy.') ? `scenario.${message}` : message}`);
  }
  return spec;
}

/** Validate a parsed JSON value as a scenario, filling in defaults. Throws {@link ValidationError}. */
export function parseScenario(json: unknown): Scenario {
  const fields = objectAt(json, 'scenario');
  refuseUnknownKeys(fields, ['name', 'model', 'parameters', 'data', 'strategy', 'optimiser', 'steps'], 'scenario');
  const name = fields.name;
  if (name !== undefined && typeof name !== 'string') fail('scenario.name', 'a string', name);
  const model = parseModel(fields.model, 'scenario.model');
  const optimiser = parseOptimiser(fields.optimiser, 'scenario.optimiser');
  const scenario: Scenario = {
    model,
    parameters: parseParameters(fields.parameters, model, 'scenario.parameters'),
    data: parseData(fields.data, model, 'scenario.data'),
    strategy: parseStrategy(fields.strategy, optimiser, 'scenario.strategy'),
    optimiser,
    steps: stepCount(fields.steps, 'scenario.steps'),
  };
  return name === undefined ? scenario : { name, ...scenario };
}
