/**
 * The network the book trains: a shared backbone (dense on one cycle, or 1-D convolutions over a
 * window followed by dense layers) and one linear head per task. This file owns the parameters
 * (tfjs variables), their seeded initialisation and their JSON form; the forward pass lives in
 * trainer/forward.ts. Conventions follow docs/step-semantics.md ("Model", "Temporal model").
 */
import * as tf from '@tensorflow/tfjs-core';
import { ValidationError } from './errors';
import { createRandom, type RandomSource } from './random';
import { convolutionShapes, DEFAULT_TEMPORAL_CONFIG, type TemporalConfig } from './temporal';
import { shownValue } from './scenario-fields';

/** Shape of the network. */
export interface ModelConfig {
  /** Features per cycle (14 informative sensors). */
  readonly inputSize: number;
  /**
   * Width of each shared dense layer; the activation follows every one of them, the last too. In a
   * temporal model these follow the convolutions' time-pooled output.
   */
  readonly hidden: readonly number[];
  readonly activation: 'relu' | 'tanh' | 'elu';
  /** Outputs of each task head, task order: [1 (RUL), 3 (health classes)]. */
  readonly headSizes: readonly number[];
  /**
   * Absent: the dense backbone on one cycle (`[B, inputSize]` input). Present: convolutions over
   * windows, whose batch rows are `windowLength × inputSize` values, time-major.
   */
  readonly temporal?: TemporalConfig;
}

/** 14 → 32 → 32 ReLU, heads [1, 3]. */
export const DEFAULT_MODEL_CONFIG: ModelConfig = Object.freeze({
  inputSize: 14,
  hidden: Object.freeze([32, 32]),
  activation: 'relu',
  headSizes: Object.freeze([1, 3]),
});

/**
 * Windows of 30 cycles → conv 5/2 → conv 3/2 (16 channels each, ReLU) → mean over time → 32 ReLU →
 * heads [1, 3]: 2,596 parameters, against the dense model's 1,668.
 */
export const DEFAULT_TEMPORAL_MODEL_CONFIG: ModelConfig = Object.freeze({
  inputSize: 14,
  hidden: Object.freeze([32]),
  activation: 'relu',
  headSizes: Object.freeze([1, 3]),
  temporal: DEFAULT_TEMPORAL_CONFIG,
});

/** Values in one batch row: `inputSize`, or `windowLength × inputSize` for a temporal model. */
export function inputWidth(config: ModelConfig): number {
  return config.inputSize * (config.temporal?.windowLength ?? 1);
}

/** One dense layer: `y = x · weight + bias`, weight `[in, out]` (tfjs layout), bias `[out]`. */
export interface DenseLayer<T extends tf.Tensor = tf.Variable> {
  readonly weight: T;
  readonly bias: T;
}

/** A dense layer as plain numbers: weight[in][out], bias[out]. */
export interface LayerValues {
  readonly weight: readonly (readonly number[])[];
  readonly bias: readonly number[];
}

/** The JSON form of all parameters, grouped like {@link ModelParameters}. */
export interface ExplicitParameters {
  readonly shared: readonly LayerValues[];
  readonly heads: readonly LayerValues[];
}

/** The live parameters of one network. The owner disposes them with {@link disposeModelParameters}. */
export interface ModelParameters {
  readonly config: ModelConfig;
  readonly shared: readonly DenseLayer[];
  readonly heads: readonly DenseLayer[];
}

/** How to initialise: seeded uniform draws, or given values. */
export type ParameterInit = { readonly seed: number } | { readonly values: ExplicitParameters };

/**
 * `[in, out]` of every layer: shared layers first (a temporal model's convolutions as `[k·C_in, C_out]`,
 * then its dense layers), then heads.
 */
export function layerShapes(config: ModelConfig): { shared: [number, number][]; heads: [number, number][] } {
  const convolutions = config.temporal ? convolutionShapes(config.inputSize, config.temporal).shapes : [];
  const pooled = convolutions.length > 0 ? convolutions[convolutions.length - 1][1] : config.inputSize;
  const sizes = [pooled, ...config.hidden];
  const last = sizes[sizes.length - 1];
  return {
    shared: [...convolutions, ...config.hidden.map((out, i): [number, number] => [sizes[i], out])],
    heads: config.headSizes.map((out): [number, number] => [last, out]),
  };
}

/**
 * PyTorch's nn.Linear range [−1/√fan_in, 1/√fan_in): W row-major over [in][out], then b. For a
 * convolution fan_in = k·C_in, which is nn.Conv1d's default range too.
 */
function drawLayer(random: RandomSource, [fanIn, fanOut]: [number, number]): LayerValues {
  const bound = 1 / Math.sqrt(fanIn);
  const weight = Array.from({ length: fanIn }, () =>
    Array.from({ length: fanOut }, () => random.uniform(-bound, bound)),
  );
  const bias = Array.from({ length: fanOut }, () => random.uniform(-bound, bound));
  return { weight, bias };
}

/** The seeded initial values in the documented draw order: shared layers, then heads. */
export function drawInitialParameters(config: ModelConfig, seed: number): ExplicitParameters {
  const random = createRandom(seed);
  const shapes = layerShapes(config);
  const shared = shapes.shared.map((shape) => drawLayer(random, shape));
  const heads = shapes.heads.map((shape) => drawLayer(random, shape));
  return { shared, heads };
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function checkVector(value: unknown, length: number, path: string): void {
  if (!Array.isArray(value) || value.length !== length) {
    throw new ValidationError(path, `must be an array of ${length} numbers`);
  }
  const bad = value.findIndex((entry) => !isFiniteNumber(entry));
  if (bad >= 0) throw new ValidationError(`${path}[${bad}]`, `must be a finite number, got ${shownValue(value[bad])}`);
}

function checkLayer(value: unknown, [fanIn, fanOut]: [number, number], path: string): void {
  if (typeof value !== 'object' || value === null) throw new ValidationError(path, 'must be an object { weight, bias }');
  const { weight, bias } = value as { weight?: unknown; bias?: unknown };
  if (!Array.isArray(weight) || weight.length !== fanIn) {
    throw new ValidationError(`${path}.weight`, `must be ${fanIn} rows of ${fanOut} numbers`);
  }
  weight.forEach((row, i) => checkVector(row, fanOut, `${path}.weight[${i}]`));
  checkVector(bias, fanOut, `${path}.bias`);
}

/** Throws a {@link ValidationError} naming the first field whose shape or value does not fit `config`. */
export function checkExplicitParameters(
  config: ModelConfig,
  values: unknown,
  path = 'parameters.values',
): asserts values is ExplicitParameters {
  if (typeof values !== 'object' || values === null) throw new ValidationError(path, 'must be an object { shared, heads }');
  const shapes = layerShapes(config);
  for (const group of ['shared', 'heads'] as const) {
    const layers = (values as Record<string, unknown>)[group];
    if (!Array.isArray(layers) || layers.length !== shapes[group].length) {
      throw new ValidationError(`${path}.${group}`, `must be an array of ${shapes[group].length} layers`);
    }
    layers.forEach((layer, i) => checkLayer(layer, shapes[group][i], `${path}.${group}[${i}]`));
  }
}

function layerVariables(values: LayerValues): DenseLayer {
  return tf.tidy(() => {
    const fanOut = values.bias.length;
    const weight = tf.tensor2d(values.weight.flat(), [values.weight.length, fanOut]);
    // Names are left to tfjs, which makes them unique, so several trainers can coexist.
    return { weight: tf.variable(weight), bias: tf.variable(tf.tensor1d(values.bias.slice())) };
  });
}

/** Create the variables of a network, from a seed or from explicit values (validated against `config`). */
export function createModelParameters(config: ModelConfig, init: ParameterInit): ModelParameters {
  let values: ExplicitParameters;
  if ('values' in init) {
    checkExplicitParameters(config, init.values);
    values = init.values;
  } else {
    values = drawInitialParameters(config, init.seed);
  }
  return {
    config,
    shared: values.shared.map(layerVariables),
    heads: values.heads.map(layerVariables),
  };
}

/** Every variable in a fixed order: shared W, b, …, then head V, c, … (the optimiser relies on it). */
export function listVariables(params: Pick<ModelParameters, 'shared' | 'heads'>): tf.Variable[] {
  return [...params.shared, ...params.heads].flatMap((layer) => [layer.weight, layer.bias]);
}

/** Release the variables' memory. */
export function disposeModelParameters(params: ModelParameters): void {
  listVariables(params).forEach((variable) => variable.dispose());
}

/** Read all parameters back to JSON form in one device round trip. */
export async function exportParameters(params: ModelParameters): Promise<ExplicitParameters> {
  const variables = listVariables(params);
  const flat = tf.tidy(() => tf.concat(variables.map((variable) => tf.reshape(variable, [-1]))));
  const data = await flat.data();
  flat.dispose();
  let offset = 0;
  const take = (count: number): number[] => {
    const slice = Array.from(data.subarray(offset, offset + count));
    offset += count;
    return slice;
  };
  const readLayer = (layer: DenseLayer): LayerValues => {
    const [fanIn, fanOut] = layer.weight.shape;
    const weight = Array.from({ length: fanIn }, () => take(fanOut));
    return { weight, bias: take(fanOut) };
  };
  return { shared: params.shared.map(readLayer), heads: params.heads.map(readLayer) };
}
