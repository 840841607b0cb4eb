/**
 * A lab's runs as one trainer each. On the webgpu backend a dense run whose strategy has a GPU plan
 * trains on the GPU-resident step (resident-run.ts), several steps per dispatch and one readback per
 * call; every other run keeps the fused trainer, one readback per step. Both start from the same
 * initial parameters and take the same rows at every step (the pool's row rule), and a run that meets
 * a non-finite value stops with the same message on either path.
 */
import * as tf from '@tensorflow/tfjs-core';
import { NonFiniteError } from '../errors';
import type { ExplicitParameters, ModelConfig } from '../model';
import type { OptimiserConfig } from '../optimiser-config';
import { disposeBatch, type ArrayPool, type Batch } from '../trainer/batch';
import { createTrainer, type Trainer } from '../trainer/trainer';
import { createResidentRun, residentRunRefusal, type ResidentRun, type ResidentSupport } from './resident-run';
import type { LabConfig, LabRuns, LabStepRecord, LabStepsResult, RunOutputs, RunPath } from './types';

export interface SeparateRunsOptions {
  readonly config: LabConfig;
  readonly model: ModelConfig;
  readonly initial: ExplicitParameters;
  readonly optimiser: OptimiserConfig;
  /** The lab's shuffled training pool, the one its batcher serves. */
  readonly pool: ArrayPool;
  readonly batchSize: number;
  readonly resident: ResidentSupport;
  /** Why the resident runs train there, when that is not the plain default (a stacked request, lab-runs.ts). */
  readonly residentReason?: string;
}

type Run = { readonly kind: 'fused'; readonly trainer: Trainer } | { readonly kind: 'resident'; readonly run: ResidentRun };

function createRun(options: SeparateRunsOptions, strategy: LabConfig['runs'][number]['strategy'], paths: Record<string, RunPath>, runId: string): Run {
  const { model, initial, optimiser, batchSize, pool } = options;
  const refusal = residentRunRefusal(options.resident, model, batchSize, strategy, optimiser);
  if (refusal === null) {
    paths[runId] = options.residentReason ? { path: 'gpuResident', reason: options.residentReason } : { path: 'gpuResident' };
    return { kind: 'resident', run: createResidentRun(options.resident, { model, initial, strategy, optimiser, pool, batchSize }) };
  }
  paths[runId] = { path: 'fused', reason: refusal };
  return { kind: 'fused', trainer: createTrainer({ model, parameters: { values: initial }, strategy, optimiser }) };
}

const disposeRun = (run: Run): void => (run.kind === 'fused' ? run.trainer.dispose() : run.run.dispose());

export function createSeparateRuns(options: SeparateRunsOptions): LabRuns {
  const { config } = options;
  const runs = new Map<string, Run>();
  const paths: Record<string, RunPath> = {};
  try {
    for (const spec of config.runs) runs.set(spec.id, createRun(options, spec.strategy, paths, spec.id));
  } catch (error) {
    runs.forEach(disposeRun);
    throw error;
  }
  const stop = (runId: string, error: unknown, failures: Record<string, string>): void => {
    if (!(error instanceof NonFiniteError)) throw error;
    const label = config.runs.find((r) => r.id === runId)?.label ?? runId;
    failures[runId] = `${label} stopped: ${error.message}`;
    const run = runs.get(runId);
    if (run) disposeRun(run);
    runs.delete(runId);
  };
  const fusedRuns = () => [...runs].flatMap(([runId, run]) => (run.kind === 'fused' ? [[runId, run.trainer] as const] : []));
  const residentRuns = () => [...runs].flatMap(([runId, run]) => (run.kind === 'resident' ? [[runId, run.run] as const] : []));

  const steps = async (count: number, first: number, batchForStep: (step: number) => Batch): Promise<LabStepsResult> => {
    const records: Record<string, LabStepRecord[]> = {};
    const failures: Record<string, string> = {};
    // The resident runs' steps are submitted first, so the GPU works on them while the fused runs step.
    const resident = residentRuns().map(([runId, run]) => [runId, run.advance(count)] as const);
    let fusedError: unknown = null;
    try {
      for (let step = first; step < first + count; step += 1) {
        const fused = fusedRuns();
        if (fused.length === 0) break;
        const batch = batchForStep(step);
        try {
          for (const [runId, trainer] of fused) {
            try {
              (records[runId] ??= []).push(await trainer.step(batch));
            } catch (error) {
              stop(runId, error, failures);
            }
          }
        } finally {
          disposeBatch(batch);
        }
      }
    } catch (error) {
      fusedError = error;
    }
    // Every readback settles before anything is thrown, so no run is left mid-read.
    const settled = await Promise.allSettled(resident.map(([, advancing]) => advancing));
    if (fusedError !== null) throw fusedError;
    settled.forEach((outcome, i) => {
      if (outcome.status === 'rejected') throw outcome.reason;
      const runId = resident[i][0];
      records[runId] = outcome.value.records;
      if (outcome.value.failure) stop(runId, outcome.value.failure, failures);
    });
    return { records, failures };
  };

  return {
    paths,
    steps,
    async step(batch) {
      const result = await steps(1, 0, () => ({ features: tf.clone(batch.features), rul: tf.clone(batch.rul), health: tf.clone(batch.health) }));
      const records: Record<string, LabStepRecord> = {};
      for (const [runId, list] of Object.entries(result.records)) if (list.length > 0) records[runId] = list[0];
      return { records, failures: result.failures };
    },
    async syncParameters() {
      for (const [, run] of residentRuns()) await run.sync();
    },
    async outputs(batch) {
      const outputs = new Map<string, RunOutputs>();
      for (const [runId, run] of runs) outputs.set(runId, run.kind === 'fused' ? await run.trainer.evaluate(batch) : await run.run.outputs(batch));
      return outputs;
    },
    retune(runId, hyper) {
      const run = runs.get(runId);
      if (!run) throw new Error(`no running run "${runId}" in this lab`);
      if (run.kind === 'resident') return run.run.retune(hyper);
      if (!run.trainer.strategy.retune) throw new Error(`${run.trainer.strategy.label} cannot change its settings mid-run; press Reset`);
      run.trainer.strategy.retune(hyper);
    },
    parametersOf(runId) {
      const run = runs.get(runId);
      if (!run) return undefined;
      return run.kind === 'fused' ? run.trainer.parameters : run.run.parameters;
    },
    dispose() {
      runs.forEach(disposeRun);
      runs.clear();
    },
  };
}
