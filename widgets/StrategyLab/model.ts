/**
 * The strategy lab: any of the weighting strategies trained side by side by the core, from the same
 * initial parameters on the same batches, with their losses, weights, gradient-norm ratio and
 * validation metrics.
 */
import { describeStrategy, isStrategyName, STRATEGY_NAMES, type StrategyName } from '../../src/core/strategies/index';
import type { LabConfig, LabEvaluation, LabStepRecord } from '../../src/live/types';
import { SEED_FIELD, type Schema } from '../shared/url-state';

export interface StrategyLabState {
  /**
   * The strategies in the lab by name, in the registry's order, joined by '.' ("fixed.gaba"): a link
   * keeps meaning the same methods when the registry grows. See {@link parseSelection}.
   */
  readonly selection: string;
  readonly steps: number;
  readonly seed: number;
  readonly data: 'toy' | 'fleet' | 'loaded';
  /** The temporal backbone reads 30-cycle windows, so it applies to the fleet and loaded files, not the toy cycles. */
  readonly backbone: 'dense' | 'temporal';
}

/** The separator of names in the URL: no registry name contains it, and URLs keep it unescaped. */
const SEPARATOR = '.';

/**
 * The order the lab's first links encoded as a bitmask (bit k = the k-th of these). Frozen here: old
 * links decode against it, whatever the registry's order becomes.
 */
export const LEGACY_BITMASK_ORDER: readonly StrategyName[] = Object.freeze([
  'fixed', 'amnl', 'amnlNormalised', 'uncertainty', 'gradnorm', 'dwa', 'pcgrad', 'gaba', 'gabaInverseNorm', 'grace',
]);

/** The canonical selection string of a set of names: registry order, no repeats. */
export function selectionOf(names: readonly StrategyName[]): string {
  return STRATEGY_NAMES.filter((name) => names.includes(name)).join(SEPARATOR);
}

export const DEFAULT_SELECTION = selectionOf(['fixed', 'amnl', 'uncertainty', 'gaba']);

/**
 * A selection from the URL: names separated by '.', unknown ones dropped (the default when none is
 * known); or, for links made before names, a bitmask over {@link LEGACY_BITMASK_ORDER}, clamped to its
 * ten bits as it was then. An empty value is the empty selection.
 */
export function parseSelection(raw: string): string {
  const text = raw.trim();
  if (text === '') return '';
  if (/^\d+$/.test(text)) {
    const mask = Math.min(Number(text), (1 << LEGACY_BITMASK_ORDER.length) - 1);
    return selectionOf(LEGACY_BITMASK_ORDER.filter((_, k) => (mask & (1 << k)) !== 0));
  }
  const names = text.split(SEPARATOR).filter(isStrategyName);
  return names.length === 0 ? DEFAULT_SELECTION : selectionOf(names);
}

export const STRATEGY_LAB_SCHEMA: Schema<StrategyLabState> = {
  selection: { kind: 'text', parse: parseSelection, fallback: DEFAULT_SELECTION },
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

export function selectedStrategies(selection: string): StrategyName[] {
  const names = selection.split(SEPARATOR);
  return STRATEGY_NAMES.filter((name) => names.includes(name));
}

export function toggleStrategy(selection: string, name: StrategyName): string {
  const names = selectedStrategies(selection);
  return selectionOf(names.includes(name) ? names.filter((n) => n !== name) : [...names, name]);
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
