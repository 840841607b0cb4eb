/**
 * The GPU-resident trainer (src/core/webgpu/) in Chromium: replayed against the cpu backend's fused
 * trainer on the committed scenarios (parity), and timed against the op-by-op WebGPU trainer.
 */
import { selectBackend } from '../../src/core/backend';
import { createToyDataset } from '../../src/core/data/toy-dataset';
import { NonFiniteError } from '../../src/core/errors';
import { exportParameters, type ExplicitParameters, type ModelConfig, type ParameterInit } from '../../src/core/model';
import { parseScenario, scenarioPool, type Scenario } from '../../src/core/scenario';
import type { LearningRateSchedule, OptimiserConfig } from '../../src/core/optimiser-config';
import { createPoolBatcher, disposeBatch, type ArrayPool } from '../../src/core/trainer/batch';
import type { StrategySpec } from '../../src/core/strategies/index';
import { createTrainer, type StepRecord } from '../../src/core/trainer/trainer';
import { createResidentTrainer } from '../../src/core/webgpu/resident-trainer';
import { createTemporalResidentTrainer } from '../../src/core/webgpu/temporal-resident-trainer';
import { median } from '../timing';

/** Largest |a − b| / max(|b|, floor) over paired values. */
function maxRelative(a: readonly number[], b: readonly number[], floor = 1e-6): number {
  let worst = 0;
  a.forEach((value, i) => {
    const error = Math.abs(value - b[i]) / Math.max(Math.abs(b[i]), floor);
    worst = Number.isNaN(error) ? Infinity : Math.max(worst, error);
  });
  return worst;
}

/**
 * Parameters are compared relative to at least 1e-2, a tenth of a typical initial weight: a weight
 * that sits near 0 after 200 Adam steps carries float32 noise of a few 1e-7 absolute (uncertainty-libmtl:
 * 2.7e-7 on a weight of −1.6e-3), which a smaller floor would count as a relative disagreement.
 */
const PARAMETER_FLOOR = 1e-2;

function worstIndex(a: readonly number[], b: readonly number[], floor: number): { index: number; resident: number; cpu: number } {
  let index = 0;
  a.forEach((value, i) => {
    if (Math.abs(value - b[i]) / Math.max(Math.abs(b[i]), floor) > Math.abs(a[index] - b[index]) / Math.max(Math.abs(b[index]), floor)) index = i;
  });
  return { index, resident: a[index], cpu: b[index] };
}

const flatParameters = (values: ExplicitParameters): number[] =>
  [...values.shared, ...values.heads].flatMap((layer) => [...layer.weight.flat(), ...layer.bias]);

interface Run {
  readonly records: StepRecord[];
  readonly parameters: ExplicitParameters;
  readonly failure: { step: number; task: number; quantity: string } | null;
}

/** What a parity replay trains: the cpu fused trainer and a resident one start from the same. */
export interface ParitySetup {
  readonly model: ModelConfig;
  readonly parameters: ParameterInit;
  readonly strategy: StrategySpec;
  readonly optimiser: OptimiserConfig;
  readonly pool: ArrayPool;
  readonly batchSize: number;
}

async function runOnCpu(setup: ParitySetup, steps: number): Promise<Run> {
  await selectBackend({ order: ['cpu'] });
  const batcher = createPoolBatcher(setup.pool, setup.batchSize);
  const trainer = createTrainer({ model: setup.model, parameters: setup.parameters, strategy: setup.strategy, optimiser: setup.optimiser });
  const records: StepRecord[] = [];
  let failure: Run['failure'] = null;
  try {
    for (let step = 1; step <= steps; step += 1) {
      const batch = batcher.batchForStep(step);
      try {
        records.push(await trainer.step(batch));
      } catch (error) {
        if (!(error instanceof NonFiniteError)) throw error;
        failure = { step: error.step, task: error.task, quantity: error.quantity };
        break;
      } finally {
        disposeBatch(batch);
      }
    }
    return { records, parameters: await exportParameters(trainer.parameters), failure };
  } finally {
    trainer.dispose();
    batcher.dispose();
  }
}

async function runResident(setup: ParitySetup, steps: number, stepsPerDispatch: number): Promise<Run & { dispatches: number }> {
  await selectBackend({ order: ['webgpu'] });
  const create = setup.model.temporal ? createTemporalResidentTrainer : createResidentTrainer;
  const trainer = create({ ...setup, ringSize: Math.max(256, stepsPerDispatch) });
  const records: StepRecord[] = [];
  let failure: Run['failure'] = null;
  try {
    for (let done = 0; done < steps; done += stepsPerDispatch) {
      trainer.enqueue(Math.min(stepsPerDispatch, steps - done));
      const readout = await trainer.read();
      records.push(...readout.records);
      if (readout.failure) {
        failure = { step: readout.failure.step, task: readout.failure.task, quantity: readout.failure.quantity };
        break;
      }
    }
    return { records, parameters: await trainer.exportParameters(), failure, dispatches: trainer.dispatches };
  } finally {
    trainer.dispose();
  }
}

function withSchedule(entry: unknown): { json: unknown; schedule?: LearningRateSchedule } {
  if (typeof entry === 'object' && entry !== null && 'scenario' in entry && 'schedule' in entry) {
    return { json: entry.scenario, schedule: entry.schedule as LearningRateSchedule };
  }
  return { json: entry };
}

export interface ParityResult {
  readonly name: string;
  readonly steps: number;
  readonly recordsCompared: number;
  readonly losses: number;
  readonly gradNorms: number;
  readonly weights: number;
  readonly coefficients: number;
  readonly cosine: number;
  /** Steps whose PCGrad projection count (or its absence) differs between the paths. */
  readonly projectionsDiffer: number;
  readonly parameters: number;
  /** Where the parameters differ most: flat index (listVariables order), resident and cpu values. */
  readonly parameterWorstAt?: { index: number; resident: number; cpu: number };
  readonly cpuFailure: Run['failure'];
  readonly residentFailure: Run['failure'];
  readonly error?: string;
}

/** `setup` for `steps` steps on cpu and on the resident path (50 steps per read); the worst relative errors. */
export async function replayBoth(name: string, setup: ParitySetup, steps: number): Promise<ParityResult> {
  try {
    const cpu = await runOnCpu(setup, steps);
    const gpu = await runResident(setup, steps, 50);
    const pairs = Math.min(cpu.records.length, gpu.records.length);
    const field = (pick: (record: StepRecord) => number[]) => (run: Run) => run.records.slice(0, pairs).flatMap(pick);
    const compare = (pick: (record: StepRecord) => number[], floor?: number) => maxRelative(field(pick)(gpu), field(pick)(cpu), floor);
    return {
      name, steps, recordsCompared: pairs,
      losses: compare((r) => r.losses),
      gradNorms: compare((r) => r.gradNorms),
      weights: compare((r) => r.weights),
      coefficients: compare((r) => [...r.sharedCoefficients, ...r.headCoefficients]),
      cosine: compare((r) => [r.cosine], 1),
      projectionsDiffer: gpu.records.slice(0, pairs).filter((record, i) => record.projections !== cpu.records[i].projections).length,
      parameters: maxRelative(flatParameters(gpu.parameters), flatParameters(cpu.parameters), PARAMETER_FLOOR),
      parameterWorstAt: worstIndex(flatParameters(gpu.parameters), flatParameters(cpu.parameters), PARAMETER_FLOOR),
      cpuFailure: cpu.failure, residentFailure: gpu.failure,
    };
  } catch (error) {
    return {
      name, steps, recordsCompared: 0, losses: NaN, gradNorms: NaN, weights: NaN, coefficients: NaN, cosine: NaN, projectionsDiffer: NaN, parameters: NaN,
      cpuFailure: null, residentFailure: null, error: error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * Each scenario (JSON as committed) for `steps` steps on cpu and on the resident path; the worst
 * relative errors. An entry `{ scenario, schedule }` trains both under that learning-rate schedule, which
 * scenario files do not carry (the PyTorch reference replays constant rates only).
 */
export async function residentParity(scenarios: readonly unknown[], steps: number): Promise<ParityResult[]> {
  const results: ParityResult[] = [];
  for (const entry of scenarios) {
    const { json, schedule } = withSchedule(entry);
    const parsed = parseScenario(json);
    const scenario: Scenario = schedule ? { ...parsed, optimiser: { ...parsed.optimiser, schedule } } : parsed;
    const name = `${scenario.name ?? scenario.strategy.name}${schedule ? '-scheduled' : ''}`;
    const setup: ParitySetup = { ...scenario, pool: scenarioPool(scenario), batchSize: scenario.data.batchSize };
    results.push(await replayBoth(name, setup, steps));
  }
  return results;
}

export interface ResidentSpeed {
  readonly medianStepsPerSecond: number;
  readonly runs: number[];
  /** Step-program and readback dispatches per training step. */
  readonly dispatchesPerStep: number;
  readonly stepsPerDispatch: number;
}

/**
 * The toy step (GABA unless `strategy` names another; batch 64 from a 64-row pool, so every step sees the batch the op-by-op bench
 * reuses) on the resident path: `stepsPerDispatch` steps per dispatch, one readback per block of
 * `stepsPerRepeat` steps (a frame's worth), median steps/s over the repeats.
 */
export async function residentSpeed(
  plan: { warmupSteps: number; stepsPerRepeat: number; repeats: number },
  stepsPerDispatch: number,
  strategy: StrategySpec = { name: 'gaba' },
): Promise<ResidentSpeed> {
  await selectBackend({ order: ['webgpu'] });
  const toy = createToyDataset({ seed: 0, size: 64 });
  const trainer = createResidentTrainer({
    parameters: { seed: 1 }, strategy,
    pool: { x: toy.features, rul: toy.rul, health: toy.health, featureCount: toy.featureCount }, batchSize: 64, ringSize: 1024,
  });
  const block = async (steps: number): Promise<void> => {
    for (let done = 0; done < steps; done += stepsPerDispatch) trainer.enqueue(Math.min(stepsPerDispatch, steps - done));
    const readout = await trainer.read();
    if (readout.failure) throw readout.failure;
  };
  try {
    await block(Math.max(plan.warmupSteps, 1));
    const runs: number[] = [];
    const [stepsBefore, dispatchesBefore] = [trainer.enqueuedSteps, trainer.dispatches];
    for (let r = 0; r < plan.repeats; r += 1) {
      const started = performance.now();
      await block(plan.stepsPerRepeat);
      runs.push((plan.stepsPerRepeat * 1000) / (performance.now() - started));
    }
    const dispatchesPerStep = (trainer.dispatches - dispatchesBefore) / (trainer.enqueuedSteps - stepsBefore);
    return { medianStepsPerSecond: median(runs), runs, dispatchesPerStep, stepsPerDispatch };
  } finally {
    trainer.dispose();
  }
}
