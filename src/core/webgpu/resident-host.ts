/**
 * The host side every GPU-resident trainer shares (the dense one, resident-trainer.ts, and the
 * temporal one, temporal-resident-trainer.ts): enqueueing steps without a readback, one readback of
 * the control block and record ring per read(), the sticky NonFiniteError reported once, retunes
 * through the `hyper` uniform, the parameters copied back, and disposal. Each trainer brings its own
 * step programs as a `ResidentPrograms`.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { NonFiniteError } from '../errors';
import type { ExplicitParameters } from '../model';
import type { WeightingStrategy } from '../strategies/strategy';
import type { StepRecord } from '../trainer/trainer';
import { CONTROL_SIZE, RECORD_SIZE } from './resident-layout';
import { residentHyperUniform, residentPlanFor, type ResidentPlan } from './resident-plan';
import { decodeReadback } from './resident-readout';
import { residentCopySource } from './resident-shader';
import { unflattenParameters, type ResidentSetup } from './resident-setup';

export type { ResidentTrainerOptions } from './resident-setup';
import type { WebGPUBackendLike, WebGPUProgramLike } from './webgpu-program';

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
  /** Submit `steps` training steps (one dispatch per step program run, no readback). */
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

/** A trainer's own part: its state tensor (layout prefix as resident-layout.ts) and its step programs. */
export interface ResidentPrograms {
  readonly state: tf.Tensor;
  /** Tensors the trainer owns besides the state (the pool). */
  readonly owned: readonly tf.Tensor[];
  readonly control: number;
  readonly ring: number;
  readonly parameterCount: number;
  /** Submit `steps` steps with this `hyper` uniform; returns the dispatches submitted. */
  submit(steps: number, hyper: readonly number[]): number;
}

export function createResidentHost(setup: ResidentSetup, programs: ResidentPrograms): ResidentTrainer {
  const { strategy, optimiser, model } = setup;
  const { state, ring } = programs;
  const backend = tf.backend() as unknown as WebGPUBackendLike;
  let plan: ResidentPlan = setup.plan;
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
      if (unread + steps > ring) throw new Error(`at most ${ring} steps fit between readbacks; read() first`);
      dispatches += programs.submit(steps, residentHyperUniform(plan));
      enqueued += steps;
      unread += steps;
    },
    async read() {
      guard();
      const decoded = decodeReadback(await copy(programs.control, CONTROL_SIZE + ring * RECORD_SIZE), lastReadStep, ring);
      unread = 0;
      lastReadStep = decoded.applied;
      const failure = decoded.failure !== null && !failureReported ? decoded.failure : null;
      if (failure) failureReported = true;
      return { records: decoded.records, failure };
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
      return unflattenParameters(await copy(0, programs.parameterCount), model);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      tf.dispose([...programs.owned, state]);
    },
  };
}
