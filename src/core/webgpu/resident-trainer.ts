/**
 * The GPU-resident trainer for the dense toy network on the WebGPU backend. Parameters, Adam's
 * moments, the strategy's state and a ring of step records live in one WebGPU tensor; the pool
 * lives in two more. `enqueue(k)` submits k whole steps as one dispatch of the step program
 * (resident-shader.ts) and uploads nothing; `read()` brings the new records back in one round trip.
 * A step that meets a NaN or ±∞ applies nothing and raises a sticky flag; every later step applies
 * nothing either, and `read()` reports the NonFiniteError with the parameters as before that step.
 */
import * as tf from '@tensorflow/tfjs-core';
import { NonFiniteError } from '../errors';
import { DEFAULT_MODEL_CONFIG, drawInitialParameters, checkExplicitParameters, type ExplicitParameters, type ModelConfig, type ParameterInit } from '../model';
import { DEFAULT_ADAM, type OptimiserConfig } from '../optimiser-config';
import { createStrategy, type StrategySpec } from '../strategies/index';
import type { WeightingStrategy } from '../strategies/strategy';
import type { ArrayPool } from '../trainer/batch';
import type { StepRecord } from '../trainer/trainer';
import { CLASSES, CONTROL, CONTROL_SIZE, FEATURES, PARAMETER_COUNT, RECORD_SIZE, WIDTH, stateLayout, type StateLayout } from './resident-layout';
import { residentHyperUniform, residentPlanFor, type ResidentPlan } from './resident-plan';
import { residentCopySource, residentStepSource } from './resident-shader';
import { laneColumnsFor } from './resident-passes';
import type { WebGPUBackendLike, WebGPUProgramLike } from './webgpu-program';
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

/** What one readback brings: the records of the steps applied since the last, and any failure. */
export interface ResidentReadout {
  readonly records: StepRecord[];
  /** Set once, at the readback after the step that met a non-finite value. */
  readonly failure: NonFiniteError | null;
}

export interface ResidentTrainer {
  /** The plan the next enqueued step uses (changes with retune). */
  readonly plan: ResidentPlan;
  /** The strategy whose definition the plan follows; it validates retunes (its own counters do not move). */
  readonly strategy: WeightingStrategy;
  /** Steps enqueued so far (applied or not), and dispatches submitted (step programs and readbacks). */
  readonly enqueuedSteps: number;
  readonly dispatches: number;
  /** Submit `steps` training steps as one dispatch. */
  enqueue(steps: number): void;
  read(): Promise<ResidentReadout>;
  /**
   * New hyperparameters from the next enqueued step on (see WeightingStrategy.retune), passed to the
   * step program as a uniform, so no program is compiled again. Throws, changing nothing, on a value
   * the strategy refuses or a warm-up change after the warm-up ended.
   */
  retune(hyper: Readonly<Record<string, unknown>>): void;
  exportParameters(): Promise<ExplicitParameters>;
  dispose(): void;
}


/** Why this configuration cannot train on the resident path, or null when it can. */
export function residentUnsupportedReason(model: ModelConfig, batchSize: number): string | null {
  const dense = DEFAULT_MODEL_CONFIG;
  const same = model.temporal === undefined && model.inputSize === FEATURES && model.activation === 'relu'
    && model.hidden.length === 2 && model.hidden.every((width) => width === WIDTH)
    && model.headSizes.length === 2 && model.headSizes[0] === dense.headSizes[0] && model.headSizes[1] === CLASSES;
  if (!same) return 'the GPU-resident step is written for the dense 14 → 32 → 32 ReLU network with heads 1 and 3';
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 256) return `the GPU-resident step takes batches of 1 to 256 rows, got ${batchSize}`;
  if (tf.getBackend() !== 'webgpu') return `the GPU-resident step needs the webgpu backend, not ${tf.getBackend()}`;
  return null;
}

function hash(text: string): string {
  let value = 5381;
  for (let i = 0; i < text.length; i += 1) value = ((value * 33) ^ text.charCodeAt(i)) >>> 0;
  return value.toString(36);
}

function initialState(layout: StateLayout, values: ExplicitParameters, plan: ResidentPlan): Float32Array {
  const state = new Float32Array(layout.size);
  const flat = [...values.shared, ...values.heads].flatMap((layer) => [...layer.weight.flat(), ...layer.bias]);
  state.set(flat, 0);
  state.set(initialControl(plan), layout.control);
  return state;
}

function unflatten(flat: Float32Array, config: ModelConfig): ExplicitParameters {
  let offset = 0;
  const layer = (inputs: number, outputs: number) => {
    const weight = Array.from({ length: inputs }, (_, i) => Array.from(flat.subarray(offset + i * outputs, offset + (i + 1) * outputs)));
    offset += inputs * outputs;
    const bias = Array.from(flat.subarray(offset, offset + outputs));
    offset += outputs;
    return { weight, bias };
  };
  const shared = [layer(config.inputSize, WIDTH), layer(WIDTH, WIDTH)];
  const heads = config.headSizes.map((size) => layer(WIDTH, size));
  return { shared, heads };
}

/** Build a resident trainer; throws with the reason when the model, batch, strategy or backend does not fit. */
export function createResidentTrainer(options: ResidentTrainerOptions): ResidentTrainer {
  const model = options.model ?? DEFAULT_MODEL_CONFIG;
  const optimiser = options.optimiser ?? DEFAULT_ADAM;
  const unsupported = residentUnsupportedReason(model, options.batchSize);
  if (unsupported !== null) throw new Error(unsupported);
  const strategy = createStrategy(options.strategy, { taskCount: 2, optimiser });
  const firstPlan = residentPlanFor(strategy, optimiser);
  if (typeof firstPlan === 'string') throw new Error(firstPlan);
  let plan: ResidentPlan = firstPlan;
  const values = 'values' in options.parameters ? options.parameters.values : drawInitialParameters(model, options.parameters.seed);
  checkExplicitParameters(model, values);
  const { pool, batchSize } = options;
  const rows = pool.rul.length;
  const features = pool.x instanceof Float32Array ? pool.x : Float32Array.from(pool.x.flat());
  if (pool.featureCount !== FEATURES || features.length !== rows * FEATURES || pool.health.length !== rows || rows === 0) {
    throw new Error(`the pool must hold ${FEATURES} features, an RUL and a health class per row`);
  }
  const layout = stateLayout(batchSize, options.ringSize ?? 256);
  const backend = tf.backend() as unknown as WebGPUBackendLike;
  const targets = new Float32Array(rows * 2);
  for (let i = 0; i < rows; i += 1) {
    targets[2 * i] = pool.rul[i];
    targets[2 * i + 1] = pool.health[i];
  }
  const poolX = tf.tensor1d(features);
  const poolT = tf.tensor1d(targets);
  const state = tf.tensor1d(initialState(layout, values, plan));
  const laneColumns = laneColumnsFor(backend);
  const stepSource = residentStepSource({ plan, layout, poolRows: rows, laneColumns });
  const stepKey = `baResidentStep_${hash(stepSource)}`;
  // A fresh object per dispatch: tfjs extends `shaderKey` in place with the shapes, so a reused
  // program would get a new key, and a new compilation, at every call.
  const stepProgram = (): WebGPUProgramLike => ({
    variableNames: ['poolX', 'poolT'],
    outputShape: [layout.size],
    shaderKey: stepKey,
    dispatchLayout: { x: [0] },
    dispatch: [1, 1, 1],
    workgroupSize: [WIDTH / laneColumns, 1, 1],
    uniforms: 'steps : i32, hyper : vec4<f32>,',
    getUserCode: () => stepSource,
  });
  let enqueued = 0;
  let unread = 0;
  let lastReadStep = 0;
  let failureReported = false;
  let dispatches = 0;
  let disposed = false;

  const copy = async (offset: number, length: number): Promise<Float32Array> => {
    const source = residentCopySource(offset, length);
    const program: WebGPUProgramLike = {
      variableNames: ['state'],
      outputShape: [length],
      shaderKey: `baResidentCopy_${offset}_${length}`,
      dispatchLayout: { x: [0] },
      dispatch: [Math.ceil(length / 64), 1, 1],
      workgroupSize: [64, 1, 1],
      getUserCode: () => source,
    };
    const copied = tf.engine().makeTensorFromTensorInfo(backend.runWebGPUProgram(program, [state], 'float32'));
    dispatches += 1;
    try {
      return (await copied.data()) as Float32Array;
    } finally {
      copied.dispose();
    }
  };

  const guard = (): void => {
    if (disposed) throw new Error('this resident trainer has been disposed');
  };

  return {
    get plan() {
      return plan;
    },
    strategy,
    get enqueuedSteps() {
      return enqueued;
    },
    get dispatches() {
      return dispatches;
    },
    enqueue(steps) {
      guard();
      if (!Number.isInteger(steps) || steps < 1) throw new Error(`steps must be a positive integer, got ${steps}`);
      if (unread + steps > layout.ring) throw new Error(`at most ${layout.ring} steps fit between readbacks; read() first`);
      const uniforms = [{ type: 'int32', data: [steps] }, { type: 'float32', data: residentHyperUniform(plan) }];
      backend.runWebGPUProgram(stepProgram(), [poolX, poolT], 'float32', uniforms, state);
      dispatches += 1;
      enqueued += steps;
      unread += steps;
    },
    async read() {
      guard();
      const block = await copy(layout.control, CONTROL_SIZE + layout.ring * RECORD_SIZE);
      unread = 0;
      const applied = block[CONTROL.steps];
      const records: StepRecord[] = [];
      for (let step = lastReadStep + 1; step <= applied; step += 1) {
        const at = CONTROL_SIZE + ((step - 1) % layout.ring) * RECORD_SIZE;
        const r = Array.from(block.subarray(at, at + RECORD_SIZE));
        const record: StepRecord = {
          step: r[0], losses: [r[1], r[2]], gradNorms: [r[3], r[4]], cosine: r[5], weights: [r[6], r[7]],
          sharedCoefficients: [r[10], r[11]], headCoefficients: [r[12], r[13]], lastLayerNorms: [r[8], r[9]],
        };
        records.push(r[14] < 0 ? record : { ...record, projections: r[14] });
      }
      lastReadStep = applied;
      let failure: NonFiniteError | null = null;
      if (block[CONTROL.failed] !== 0 && !failureReported) {
        failureReported = true;
        failure = new NonFiniteError({
          task: block[CONTROL.failedTask],
          step: block[CONTROL.failedStep],
          quantity: block[CONTROL.failedQuantity] === 0 ? 'loss' : 'gradient',
        });
      }
      return { records, failure };
    },
    retune(hyper) {
      guard();
      if (!strategy.retune) throw new Error(`${strategy.label} cannot change its settings mid-run; press Reset`);
      const before = strategy.hyper as Readonly<Record<string, unknown>>;
      const warmup = before.warmupSteps;
      // The strategy's own counter stays at 0 here (the GPU counts), so the warm-up rule of
      // gaba-controller.ts is checked against the steps enqueued.
      if (typeof warmup === 'number' && hyper.warmupSteps !== undefined && hyper.warmupSteps !== warmup && enqueued >= warmup && enqueued > 0) {
        throw new Error(`warmupSteps can change only during the warm-up; it ended at step ${warmup} (now ${enqueued}), so a new warm-up needs a new run`);
      }
      strategy.retune(hyper);
      const next = residentPlanFor(strategy, optimiser);
      if (typeof next === 'string') throw new Error(next);
      plan = next;
    },
    async exportParameters() {
      guard();
      return unflatten(await copy(0, PARAMETER_COUNT), model);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      tf.dispose([poolX, poolT, state]);
    },
  };
}
