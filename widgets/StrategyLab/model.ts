/**
 * The strategy lab: any of the weighting strategies trained side by side by the core, from the same
 * initial parameters on the same batches, with their losses, weights, gradient-norm ratio and
 * validation metrics.
 */
import { describeStrategy, STRATEGY_NAMES, type StrategyName } from '../../src/core/strategies/index';
import type { LabConfig, LabEvaluation, LabStepRecord } from '../../src/live/types';
import { SEED_FIELD, type Schema } from '../shared/url-state';

export interface StrategyLabState {
  /** Bit k set: STRATEGY_NAMES[k] is in the lab (a compact, URL-friendly set). */
  readonly selection: number;
  readonly steps: number;
  readonly seed: number;
  readonly data: 'toy' | 'fleet' | 'loaded';
  /** The temporal backbone reads 30-cycle windows, so it applies to the fleet and loaded files, not the toy cycles. */
  readonly backbone: 'dense' | 'temporal';
}

const ALL = (1 << STRATEGY_NAMES.length) - 1;
const bit = (name: StrategyName): number => 1 << STRATEGY_NAMES.indexOf(name);
export const DEFAULT_SELECTION = bit('fixed') | bit('amnl') | bit('uncertainty') | bit('gaba');

export const STRATEGY_LAB_SCHEMA: Schema<StrategyLabState> = {
  selection: { kind: 'number', min: 0, max: ALL, fallback: DEFAULT_SELECTION, integer: true },
  steps: { kind: 'number', min: 100, max: 5000, fallback: 800, integer: true },
  seed: SEED_FIELD,
  data: { kind: 'choice', options: ['toy', 'fleet', 'loaded'], fallback: 'toy' },
  backbone: { kind: 'choice', options: ['dense', 'temporal'], fallback: 'dense' },
};

/** The backbone the lab trains: the toy data has single cycles only, so it always gets the dense one. */
export function effectiveBackbone(state: Pick<StrategyLabState, 'data' | 'backbone'>): StrategyLabState['backbone'] {
  return state.data === 'toy' ? 'dense' : state.backbone;
}

/** The strategies a lab config trains, in its run order (its run ids are strategy names). */
export function labStrategies(config: LabConfig | null): StrategyName[] {
  return STRATEGY_NAMES.filter((name) => config?.runs.some((run) => run.id === name));
}

export function selectedStrategies(selection: number): StrategyName[] {
  return STRATEGY_NAMES.filter((_, k) => (selection & (1 << k)) !== 0);
}

export function toggleStrategy(selection: number, name: StrategyName): number {
  return selection ^ bit(name);
}

export const strategyLabel = (name: StrategyName): string => describeStrategy(name).label;

/** Hyperparameters the lab changes from the published defaults, so short runs show each method working. */
const LAB_HYPER: Partial<Record<StrategyName, Record<string, unknown>>> = {
  dwa: { blockSize: 25 },
};

export function strategyLabConfig(state: StrategyLabState, loadedDatasetId: string | null): LabConfig | null {
  const names = selectedStrategies(state.selection);
  if (names.length === 0) return null;
  const data = state.data === 'loaded' && loadedDatasetId
    ? { kind: 'loaded' as const, datasetId: loadedDatasetId }
    : state.data === 'fleet' || state.data === 'loaded'
      ? { kind: 'syntheticFleet' as const, seed: state.seed + 1 }
      : { kind: 'toy' as const, seed: state.seed + 1 };
  return {
    seed: state.seed,
    data,
    backbone: effectiveBackbone(state),
    runs: names.map((name) => ({ id: name, label: strategyLabel(name), strategy: { name, hyper: LAB_HYPER[name] } })),
    totalSteps: state.steps,
    evaluateEvery: Math.max(50, Math.round(state.steps / 10)),
  };
}

/** One row of the results table. */
export interface ResultRow {
  readonly strategy: StrategyName;
  readonly label: string;
  readonly step: number;
  readonly rmse: number;
  readonly nasaScore: number;
  readonly healthAccuracy: number;
  readonly criticalRecall: number;
  readonly lambdaRul: number;
  readonly normRatio: number;
}

export function resultRows(
  names: readonly StrategyName[],
  evaluations: readonly LabEvaluation[],
  latest: Readonly<Record<string, LabStepRecord | undefined>>,
): ResultRow[] {
  return names.map((name) => {
    const mine = evaluations.filter((e) => e.runId === name);
    const last = mine[mine.length - 1];
    const record = latest[name];
    return {
      strategy: name,
      label: strategyLabel(name),
      step: last?.step ?? 0,
      rmse: last?.rmse ?? NaN,
      nasaScore: last?.nasaScore ?? NaN,
      healthAccuracy: last?.healthAccuracy ?? NaN,
      criticalRecall: last?.perClassRecall[2] ?? NaN,
      lambdaRul: record ? record.weights[0] / (record.weights[0] + record.weights[1]) : NaN,
      normRatio: record ? record.gradNorms[0] / record.gradNorms[1] : NaN,
    };
  });
}

export const RESULT_COLUMNS = ['strategy', 'step', 'validation_rmse', 'nasa_score', 'health_accuracy', 'critical_recall', 'lambda_rul_share', 'grad_norm_ratio'] as const;

export function resultCsvRows(rows: readonly ResultRow[]): (string | number)[][] {
  return rows.map((r) => [r.label, r.step, r.rmse, r.nasaScore, r.healthAccuracy, r.criticalRecall, r.lambdaRul, r.normRatio]);
}
