/**
 * The expensive figures: real FD001 from /work/shared/cmapss (never committed) through the lab's own
 * code path, as `npm run lab:fd001` runs it. The unit test checks these for presence and provenance
 * only: the temporal run alone takes a few minutes on two cores.
 */
import { readFileSync } from 'node:fs';
import { updateShares } from '../core/gramian';
import { constantPredictorBaseline } from '../core/data/metrics';
import type { PreparedData } from '../core/data/prepare';
import { labArraysFromPrepared } from '../core/lab/fleet-data';
import { describeStrategy, STRATEGY_NAMES } from '../core/strategies/index';
import { loadCmapssFiles } from '../live/load-files';
import { CMAPSS_FOLDER, readFd001 } from '../node/fd001-files';
import { STRATEGY_LAB_SCHEMA, strategyLabConfig, toggleStrategy } from '../../widgets/StrategyLab/model';
import { parseState } from '../../widgets/shared/url-state';
import { runLab } from './lab-run';
import { fixedFigure as fixed, integerFigure as integer, percentFigure as percent, ratioFigure as ratio, type FigureSpec, type MeasuredRun } from './types';

export { CMAPSS_FOLDER };
const SEED = 0;

interface Fd001 {
  readonly trainRows: number;
  readonly testRows: number;
  readonly trainEngines: number;
  readonly testEngines: number;
  readonly rulValues: number;
  readonly prepared: PreparedData;
}

let loaded: Fd001 | null = null;

function fd001(): Fd001 {
  if (loaded) return loaded;
  const { train, test, rul, prepared } = readFd001(SEED);
  loaded = {
    trainRows: train.rows, testRows: test.rows, trainEngines: train.engineCount,
    testEngines: test.engineCount, rulValues: rul.length, prepared,
  };
  return loaded;
}


/** Chapter 6's counts and the constant-mean baseline (chapters 5 and 6). */
export function fd001Data(): MeasuredRun {
  const data = fd001();
  const { train, validation, test } = data.prepared;
  const classes = [0, 1, 2].map((c) => [train.health, validation.health].reduce((n, labels) => n + labels.filter((h) => h === c).length, 0));
  const baseline = constantPredictorBaseline(train.rul, test!.rul);
  return {
    key: 'fd001Data', what: 'FD001 files parsed and prepared (windows of 30, cap 125, 20 % of engines to validation)', seed: SEED, steps: null, backend: 'none',
    figures: {
      'fd001.trainRows': integer(data.trainRows), 'fd001.testRows': integer(data.testRows),
      'fd001.trainEngines': integer(data.trainEngines), 'fd001.testEngines': integer(data.testEngines), 'fd001.rulValues': integer(data.rulValues),
      'fd001.trainWindows': integer(train.count), 'fd001.validationWindows': integer(validation.count),
      'fd001.normalWindows': integer(classes[0]), 'fd001.degradingWindows': integer(classes[1]), 'fd001.criticalWindows': integer(classes[2]),
      'fd001.baseline.rmse': fixed(baseline.rmse, 2), 'fd001.baseline.nasa': integer(baseline.nasaScore),
    },
  };
}

/** Every strategy side by side on FD001, scored on the test engines' last windows. */
async function labRun(steps: number, backbone: 'dense' | 'temporal'): Promise<MeasuredRun> {
  const arrays = labArraysFromPrepared(fd001().prepared);
  const config = {
    seed: SEED, backbone, data: { kind: 'loaded' as const, datasetId: 'FD001' },
    runs: STRATEGY_NAMES.map((name) => ({ id: name, label: describeStrategy(name).label, strategy: { name } })),
  };
  const { test, records, seconds } = await runLab(config, steps, arrays);
  const prefix = `fd001.${backbone}${steps}`;
  const figures: Record<string, FigureSpec> = {};
  for (const scores of test!) {
    figures[`${prefix}.${scores.runId}.rmse`] = fixed(scores.rmse, 2);
    figures[`${prefix}.${scores.runId}.nasa`] = integer(scores.nasaScore);
  }
  figures[`${prefix}.modelStepsPerSecond`] = integer((steps * STRATEGY_NAMES.length) / seconds);
  for (const name of ['fixed', 'gaba'] as const) {
    const end = records[name][records[name].length - 1];
    figures[`${prefix}.${name}.ratioEnd`] = ratio(end.gradNorms[0] / end.gradNorms[1], 3);
    figures[`${prefix}.${name}.rulWeightEnd`] = fixed(end.weights[0], 3);
    figures[`${prefix}.${name}.healthShareEnd`] = percent(updateShares(end.weights, end.gradNorms)[1], 2);
  }
  return {
    key: `fd001${backbone === 'dense' ? 'Dense' : 'Temporal'}${steps}`,
    what: `every strategy side by side on FD001, ${backbone} backbone, batch 64, Adam 1e-2, test engines on their last window (npm run lab:fd001 -- ${steps} ${SEED} ${backbone})`,
    seed: SEED, steps, backend: 'wasm', figures,
  };
}

/** Chapter 6, exercise 2: the strategy lab with FD001 loaded as a reader loads it, Fixed and GABA, 800 steps. */
async function labWithFd001(): Promise<MeasuredRun> {
  const files = ['train_FD001.txt', 'test_FD001.txt', 'RUL_FD001.txt'].map((name) => new File([readFileSync(`${CMAPSS_FOLDER}${name}`, 'utf8')], name));
  const loaded = await loadCmapssFiles(files, () => undefined);
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  const state = { ...parseState(new URLSearchParams(), 'figures', STRATEGY_LAB_SCHEMA), data: 'loaded' as const };
  const config = strategyLabConfig({ ...state, selection: toggleStrategy(toggleStrategy('', 'fixed'), 'gaba') }, loaded.datasetId)!;
  const { validation } = await runLab(config, state.steps, loaded.arrays);
  const figures: Record<string, FigureSpec> = {};
  for (const scores of validation) {
    figures[`fd001.lab${state.steps}.${scores.runId}.rmse`] = fixed(scores.rmse, 2);
    figures[`fd001.lab${state.steps}.${scores.runId}.criticalRecall`] = fixed(scores.perClassRecall[2], 3);
  }
  return {
    key: 'fd001Lab800', what: 'StrategyLab with FD001 loaded through its file loader, Fixed and GABA, validation engines', seed: state.seed, steps: state.steps, backend: 'wasm', figures,
  };
}

/** Each run with the key its figures are filed under, so `npm run figures -- --cheap` can keep them. */
export const FD001_RUNS: readonly { readonly key: string; readonly run: () => Promise<MeasuredRun> | MeasuredRun }[] = [
  { key: 'fd001Data', run: fd001Data },
  { key: 'fd001Dense300', run: () => labRun(300, 'dense') },
  { key: 'fd001Dense1000', run: () => labRun(1000, 'dense') },
  { key: 'fd001Temporal1000', run: () => labRun(1000, 'temporal') },
  { key: 'fd001Lab800', run: labWithFd001 },
];
