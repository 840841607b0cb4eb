/**
 * What every resident trainer (dense: resident-trainer.ts; temporal: temporal-resident-trainer.ts)
 * does before its first dispatch: the strategy and its GPU plan, the starting parameters, the pool as
 * flat arrays for the GPU, and the state buffer's starting values; and the flat parameters turned
 * back into their JSON form, in layerShapes order.
 */
import { checkExplicitParameters, drawInitialParameters, layerShapes, type ExplicitParameters, type LayerValues, type ModelConfig, type ParameterInit } from '../model';
import { DEFAULT_ADAM, type OptimiserConfig } from '../optimiser-config';
import { createStrategy, type StrategySpec } from '../strategies/index';
import type { ArrayPool } from '../trainer/batch';
import type { WeightingStrategy } from '../strategies/strategy';
import { residentPlanFor, type ResidentPlan } from './resident-plan';
import { initialControl } from './plans/index';

export interface ResidentTrainerOptions {
  readonly model?: ModelConfig;
  readonly parameters: ParameterInit;
  readonly strategy: StrategySpec;
  readonly optimiser?: OptimiserConfig;
  /** The training pool; step t takes rows ((t − 1)·B + i) mod N (docs/step-semantics.md). */
  readonly pool: ArrayPool;
  readonly batchSize: number;
  /** Records kept between readbacks (default 256): at most this many steps may be enqueued unread. */
  readonly ringSize?: number;
}

export interface ResidentSetup {
  readonly model: ModelConfig;
  readonly optimiser: OptimiserConfig;
  readonly strategy: WeightingStrategy;
  readonly plan: ResidentPlan;
  readonly values: ExplicitParameters;
  /** The pool: `rows` rows of `features` values each, and (RUL, health class) per row. */
  readonly rows: number;
  readonly features: Float32Array;
  readonly targets: Float32Array;
}

/** Everything but the programs, checked; throws with a sentence on a strategy without a plan or a pool that does not fit. */
export function prepareResident(options: ResidentTrainerOptions, model: ModelConfig, rowWidth: number): ResidentSetup {
  const optimiser = options.optimiser ?? DEFAULT_ADAM;
  const strategy = createStrategy(options.strategy, { taskCount: 2, optimiser });
  const plan = residentPlanFor(strategy, optimiser);
  if (typeof plan === 'string') throw new Error(plan);
  const values = 'values' in options.parameters ? options.parameters.values : drawInitialParameters(model, options.parameters.seed);
  checkExplicitParameters(model, values);
  const { pool } = options;
  const rows = pool.rul.length;
  const features = pool.x instanceof Float32Array ? pool.x : Float32Array.from(pool.x.flat());
  if (pool.featureCount !== rowWidth || features.length !== rows * rowWidth || pool.health.length !== rows || rows === 0) {
    throw new Error(`the pool must hold ${rowWidth} values, an RUL and a health class per row`);
  }
  const targets = new Float32Array(rows * 2);
  for (let i = 0; i < rows; i += 1) {
    targets[2 * i] = pool.rul[i];
    targets[2 * i + 1] = pool.health[i];
  }
  return { model, optimiser, strategy, plan, values, rows, features, targets };
}

/** The state buffer before the first step: parameters at 0 (moments and scratch 0), the control block at `control`. */
export function initialState(size: number, control: number, values: ExplicitParameters, plan: ResidentPlan): Float32Array {
  const state = new Float32Array(size);
  state.set([...values.shared, ...values.heads].flatMap((layer) => [...layer.weight.flat(), ...layer.bias]), 0);
  state.set(initialControl(plan), control);
  return state;
}

/** Flat parameters (each layer's W row-major, then b; shared layers, then heads) as JSON values. */
export function unflattenParameters(flat: Float32Array, config: ModelConfig): ExplicitParameters {
  let offset = 0;
  const layer = ([inputs, outputs]: [number, number]): LayerValues => {
    const weight = Array.from({ length: inputs }, (_, i) => Array.from(flat.subarray(offset + i * outputs, offset + (i + 1) * outputs)));
    offset += inputs * outputs;
    const bias = Array.from(flat.subarray(offset, offset + outputs));
    offset += outputs;
    return { weight, bias };
  };
  const shapes = layerShapes(config);
  const shared = shapes.shared.map(layer);
  const heads = shapes.heads.map(layer);
  if (offset !== flat.length) throw new Error(`expected ${offset} parameters, got ${flat.length}`);
  return { shared, heads };
}

/** A short key for a program's source, so tfjs compiles each distinct source once. */
export function sourceKey(text: string): string {
  let value = 5381;
  for (let i = 0; i < text.length; i += 1) value = ((value * 33) ^ text.charCodeAt(i)) >>> 0;
  return value.toString(36);
}
