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

/** "Your files" chosen and none loaded yet: the lab has nothing to train on (it never substitutes other data). */
export function waitsForFiles(state: Pick<StrategyLabState, 'data'>, loadedDatasetId: string | null): boolean {
  return state.data === 'loaded' && loadedDatasetId === null;
}

/** The lab to run, or null when there is none: no strategy picked, or the reader's files not loaded yet. */
export function strategyLabConfig(state: StrategyLabState, loadedDatasetId: string | null): LabConfig | null {
  const names = selectedStrategies(state.selection);
  if (names.length === 0 || waitsForFiles(state, loadedDatasetId)) return null;
  const data = state.data === 'loaded' && loadedDatasetId
    ? { kind: 'loaded' as const, datasetId: loadedDatasetId }
    : state.data === 'fleet'
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
  /** Validation split: every window of the held-out training engines. */
  readonly rmse: number;
  /** Summed over the validation windows, so it grows with their number. */
  readonly nasaScore: number;
  readonly validationWindows: number;
  readonly healthAccuracy: number;
  readonly criticalRecall: number;
  /** Loaded test files: each engine's last window, truth capped at 125 (NaN without test files). */
  readonly testRmse: number;
  readonly testNasaScore: number;
  readonly testEngines: number;
  readonly lambdaRul: number;
  readonly normRatio: number;
}

export function resultRows(
  names: readonly StrategyName[],
  evaluations: readonly LabEvaluation[],
  latest: Readonly<Record<string, LabStepRecord | undefined>>,
): ResultRow[] {
  return names.map((name) => {
    const latestOf = (split: LabEvaluation['split']) => evaluations.filter((e) => e.runId === name && e.split === split).at(-1);
    const last = latestOf('validation');
    const test = latestOf('test');
    const record = latest[name];
    return {
      strategy: name,
      label: strategyLabel(name),
      step: last?.step ?? 0,
      rmse: last?.rmse ?? NaN,
      nasaScore: last?.nasaScore ?? NaN,
      validationWindows: last?.count ?? 0,
      healthAccuracy: last?.healthAccuracy ?? NaN,
      criticalRecall: last?.perClassRecall[2] ?? NaN,
      testRmse: test?.rmse ?? NaN,
      testNasaScore: test?.nasaScore ?? NaN,
      testEngines: test?.count ?? 0,
      lambdaRul: record ? record.weights[0] / (record.weights[0] + record.weights[1]) : NaN,
      normRatio: record ? record.gradNorms[0] / record.gradNorms[1] : NaN,
    };
  });
}

export const RESULT_COLUMNS = [
  'strategy', 'step', 'validation_rmse_all_windows', 'validation_nasa_score_sum_over_windows', 'validation_windows',
  'validation_health_accuracy', 'validation_critical_recall', 'test_rmse_last_window_per_engine', 'test_nasa_score_last_window_per_engine',
  'test_engines', 'lambda_rul_share', 'grad_norm_ratio',
] as const;

export function resultCsvRows(rows: readonly ResultRow[]): (string | number)[][] {
  return rows.map((r) => [
    r.label, r.step, r.rmse, r.nasaScore, r.validationWindows, r.healthAccuracy, r.criticalRecall,
    r.testRmse, r.testNasaScore, r.testEngines, r.lambdaRul, r.normRatio,
  ]);
}
