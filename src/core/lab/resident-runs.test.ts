/**
 * The lab's GPU-resident runs on the cpu backend: the resident trainer is stood in for by the fused
 * trainer stepping on the rows the step program reads (((t − 1)·B + i) mod N of the pool the lab
 * hands over), taking k steps per enqueue and reporting them at read(). What is checked is the lab's
 * side: which runs go resident and why, the pool and row rule, k steps per call, evaluation through
 * the exported parameters, retunes from the next step, and a failure stopping only its run. The
 * WebGPU program itself is held against the cpu backend in tests/browser/resident-parity.test.mjs
 * and, inside a lab, in tests/browser/widgets-resident-lab.test.mjs.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { NonFiniteError } from '../errors';
import { exportParameters } from '../model';
import { createTrainer, type StepRecord } from '../trainer/trainer';
import type { ResidentTrainer, ResidentTrainerOptions } from '../webgpu/resident-trainer';
import { residentPlanFor } from '../webgpu/resident-plan';
import { createLab } from './lab';
import { RESIDENT_INSTEAD_OF_STACKED } from './lab-runs';
import { resolveLabData } from './lab-data';
import type { ResidentSupport } from './resident-run';
import type { LabConfig, LabStepRecord } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The fused trainer behind the resident interface, reading rows as the step program does. */
function standIn(options: ResidentTrainerOptions, log: number[]): ResidentTrainer {
  const trainer = createTrainer({ model: options.model, parameters: options.parameters, strategy: options.strategy, optimiser: options.optimiser });
  const { pool, batchSize } = options;
  const rows = pool.rul.length;
  const x = tf.tensor2d(pool.x as Float32Array, [rows, pool.featureCount]);
  const rul = tf.tensor1d(Float32Array.from(pool.rul));
  const health = tf.tensor1d(Int32Array.from(pool.health), 'int32');
  let enqueued = 0;
  let applied = 0;
  let failed = false;
  const plan = () => residentPlanFor(trainer.strategy, trainer.optimiser) as Exclude<ReturnType<typeof residentPlanFor>, string>;
  return {
    get plan() { return plan(); },
    strategy: trainer.strategy,
    get enqueuedSteps() { return enqueued; },
    dispatches: 0,
    enqueue(steps) {
      log.push(steps);
      enqueued += steps;
    },
    async read() {
      const records: StepRecord[] = [];
      let failure: NonFiniteError | null = null;
      while (!failed && applied < enqueued) {
        const t = applied + 1;
        const index = tf.tensor1d(Int32Array.from({ length: batchSize }, (_, i) => ((t - 1) * batchSize + i) % rows), 'int32');
        const batch = { features: tf.gather(x, index) as tf.Tensor2D, rul: tf.gather(rul, index) as tf.Tensor1D, health: tf.gather(health, index) as tf.Tensor1D };
        try {
          records.push(await trainer.step(batch));
          applied = t;
        } catch (error) {
          if (!(error instanceof NonFiniteError)) throw error;
          failed = true;
          failure = error;
        } finally {
          tf.dispose([index, batch.features, batch.rul, batch.health]);
        }
      }
      return { records, failure };
    },
    retune: (hyper) => trainer.strategy.retune?.(hyper),
    exportParameters: () => exportParameters(trainer.parameters),
    dispose() {
      trainer.dispose();
      tf.dispose([x, rul, health]);
    },
  };
}

function support(log: number[] = []): ResidentSupport {
  return { unsupportedReason: () => null, create: (options) => standIn(options, log) };
}
const fusedOnly: ResidentSupport = { unsupportedReason: () => 'fused on purpose', create: () => { throw new Error('not used'); } };

const toy = resolveLabData({ kind: 'toy', seed: 11, size: 1024 }, new Map());
const runs: LabConfig['runs'] = [
  { id: 'gaba', label: 'GABA', strategy: { name: 'gaba', hyper: { warmupSteps: 3 } } },
  { id: 'fixed', label: 'Fixed', strategy: { name: 'fixed', hyper: { weights: [0.7, 0.3] } } },
  { id: 'cagrad', label: 'CAGrad', strategy: { name: 'cagrad' } },
];
const config = (overrides: Partial<LabConfig> = {}): LabConfig => ({ seed: 4, data: { kind: 'toy', seed: 11, size: 1024 }, runs, batchSize: 48, ...overrides });
const stepsOf = (list: readonly LabStepRecord[] | undefined) => (list ?? []).map((r) => [r.step, ...r.losses, ...r.weights]);

describe('a lab with GPU-resident runs', () => {
  it('puts the runs with a GPU plan on the resident step and says why the others are fused', () => {
    const lab = createLab(config(), toy, { resident: support() });
    expect(lab.paths.gaba).toEqual({ path: 'gpuResident' });
    expect(lab.paths.fixed).toEqual({ path: 'gpuResident' });
    expect(lab.paths.cagrad.path).toBe('fused');
    expect(lab.paths.cagrad.reason).toMatch(/^CAGrad alternates a simplex QP .*an iteration a GPU plan cannot bound/);
    lab.dispose();
    const onCpu = createLab(config(), toy);
    for (const runId of ['gaba', 'fixed', 'cagrad']) expect(onCpu.paths[runId]).toEqual({ path: 'fused', reason: 'the GPU-resident step needs the webgpu backend, not cpu' });
    onCpu.dispose();
  });

  it('trains each resident run on the same batches and parameters as the fused path, k steps per enqueue, and evaluates alike', async () => {
    const enqueues: number[] = [];
    const resident = createLab(config({ evaluateEvery: 5 }), toy, { resident: support(enqueues) });
    const fused = createLab(config(), toy, { resident: fusedOnly });
    const taken: Record<string, LabStepRecord[]> = {};
    for (const count of [5, 1, 6]) {
      const { records, failures } = await resident.steps(count);
      expect(failures).toEqual({});
      for (const [runId, list] of Object.entries(records)) (taken[runId] ??= []).push(...list);
    }
    expect(enqueues).toEqual([5, 5, 1, 1, 6, 6]);
    const expected: Record<string, LabStepRecord[]> = {};
    for (let i = 0; i < 12; i += 1) {
      for (const [runId, record] of Object.entries((await fused.step()).records)) (expected[runId] ??= []).push(record);
    }
    for (const run of runs) expect(stepsOf(taken[run.id])).toEqual(stepsOf(expected[run.id]));
    expect(resident.stepCount).toBe(12);
    expect(await resident.evaluate()).toEqual(await fused.evaluate());
    resident.dispose();
    fused.dispose();
  });

  it('takes a retune of a resident run from the next step, as the fused path does', async () => {
    const resident = createLab(config(), toy, { resident: support() });
    const fused = createLab(config(), toy, { resident: fusedOnly });
    await resident.steps(4);
    for (let i = 0; i < 4; i += 1) await fused.step();
    for (const lab of [resident, fused]) {
      lab.retune('gaba', { beta: 0.5, minWeight: 0.3 });
      lab.retune('fixed', { weights: [0.2, 0.8] });
    }
    const after = await resident.steps(3);
    const reference: LabStepRecord[] = [];
    for (let i = 0; i < 3; i += 1) reference.push((await fused.step()).records.fixed);
    expect(after.records.fixed.map((r) => r.weights)).toEqual([[0.2, 0.8], [0.2, 0.8], [0.2, 0.8]]);
    expect(stepsOf(after.records.fixed)).toEqual(stepsOf(reference));
    expect(() => resident.retune('gaba', { beta: 1 })).toThrow('strategy.hyper.beta must be in [0, 1), got 1');
    resident.dispose();
    fused.dispose();
  });

  it('stops a resident run that meets a non-finite value with the fused path’s message, and the others go on', async () => {
    const diverging = config({ optimiser: { kind: 'sgd', learningRate: 1e6 }, runs: [runs[1], { ...runs[1], id: 'twin', label: 'Twin' }] });
    const resident = createLab(diverging, toy, { resident: support() });
    const fused = createLab(diverging, toy, { resident: fusedOnly });
    const residentFailures: Record<string, string> = {};
    const fusedFailures: Record<string, string> = {};
    for (let i = 0; i < 10; i += 1) Object.assign(fusedFailures, (await fused.step()).failures);
    Object.assign(residentFailures, (await resident.steps(10)).failures);
    expect(Object.keys(fusedFailures)).toEqual(['fixed', 'twin']);
    expect(residentFailures).toEqual(fusedFailures);
    expect(residentFailures.fixed).toMatch(/^Fixed stopped: Non-finite .* at step \d+; parameters left as they were before this step$/);
    expect(await resident.evaluate()).toEqual([]);
    resident.dispose();
    fused.dispose();
  });

  it('holds no more tensors after many multi-step calls and evaluations than after the first, and releases all on dispose', async () => {
    const before = tf.memory().numTensors;
    const lab = createLab(config(), toy, { resident: support() });
    await lab.steps(3);
    await lab.evaluate();
    const settled = tf.memory().numTensors;
    for (let i = 0; i < 10; i += 1) await lab.steps(7);
    await lab.evaluate();
    expect(tf.memory().numTensors).toBe(settled);
    lab.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  describe('a stacked request, which stacks only where stacking is the fast path', () => {
    const sweep: LabConfig['runs'] = [0.1, 0.5, 0.9].map((lambda) => ({ id: `l${lambda}`, label: `λ_rul = ${lambda}`, strategy: { name: 'fixed', hyper: { weights: [lambda, 1 - lambda] } } }));
    const stackedConfig = (overrides: Partial<LabConfig> = {}) => config({ runs: sweep, stacked: true, evaluateEvery: 5, ...overrides });

    it('trains every run on the resident step when all can take it, with the stacked program’s numbers to float rounding', async () => {
      const resident = createLab(stackedConfig(), toy, { resident: support() });
      const stacked = createLab(stackedConfig(), toy, { resident: fusedOnly });
      for (const run of sweep) {
        expect(resident.paths[run.id]).toEqual({ path: 'gpuResident', reason: RESIDENT_INSTEAD_OF_STACKED });
        expect(stacked.paths[run.id]).toEqual({ path: 'stacked', reason: `one stacked program trains every run, since ${sweep[0].label} cannot take the GPU-resident step: fused on purpose` });
      }
      const taken = (await resident.steps(8)).records;
      const expected: Record<string, LabStepRecord[]> = {};
      for (let i = 0; i < 8; i += 1) for (const [runId, record] of Object.entries((await stacked.step()).records)) (expected[runId] ??= []).push(record);
      for (const run of sweep) {
        expect(taken[run.id].map((r) => [r.step, ...r.weights])).toEqual(expected[run.id].map((r) => [r.step, ...r.weights]));
        taken[run.id].forEach((record, i) => record.losses.forEach((loss, k) => expect(Math.abs(loss - expected[run.id][i].losses[k]) / Math.abs(loss)).toBeLessThan(1e-5)));
      }
      const [a, b] = [await resident.evaluate(), await stacked.evaluate()];
      expect(a.map((e) => e.runId)).toEqual(sweep.map((run) => run.id));
      a.forEach((evaluation, i) => expect(Math.abs(evaluation.rmse - b[i].rmse) / b[i].rmse).toBeLessThan(1e-5));
      resident.dispose();
      stacked.dispose();
    });

    it('stacks when any run cannot take the resident step, naming the run and the reason', () => {
      const refusesWideBatches: ResidentSupport = { unsupportedReason: (_model, batchSize) => (batchSize > 32 ? `no batches over 32, got ${batchSize}` : null), create: support().create };
      const wide = createLab(stackedConfig(), toy, { resident: refusesWideBatches });
      expect(wide.paths['l0.1']).toEqual({ path: 'stacked', reason: 'one stacked program trains every run, since λ_rul = 0.1 cannot take the GPU-resident step: no batches over 32, got 48' });
      wide.dispose();
      const narrow = createLab(stackedConfig({ batchSize: 32 }), toy, { resident: refusesWideBatches });
      expect(narrow.paths['l0.9'].path).toBe('gpuResident');
      narrow.dispose();
      const onCpu = createLab(stackedConfig(), toy);
      expect(onCpu.paths['l0.5']).toEqual({ path: 'stacked', reason: 'one stacked program trains every run, since λ_rul = 0.1 cannot take the GPU-resident step: the GPU-resident step needs the webgpu backend, not cpu' });
      onCpu.dispose();
    });

    it('refuses runs that may not be stacked on every backend, resident or not', () => {
      const moving = stackedConfig({ runs: [...sweep, runs[0]] });
      expect(() => createLab(moving, toy, { resident: support() })).toThrow(/a stacked lab trains fixed weights only, and GABA is/);
      expect(() => createLab(stackedConfig({ keepBest: true }), toy, { resident: support() })).toThrow('keeping the best parameters needs separate runs, not a stacked lab');
    });
  });
});
