/**
 * The expensive figures: real FD001 from /work/shared/cmapss (never committed) through the lab's own
 * code path, as `npm run lab:fd001` runs it. The unit test checks these for presence and provenance
 * only: the temporal run alone takes a few minutes on two cores.
 */
import { readFileSync } from 'node:fs';
import { updateShares } from '../core/gramian';
import { constantPredictorBaseline } from '../core/data/metrics';
import { parseCmapssTable } from '../core/data/parse-cmapss';
import { parseRulFile } from '../core/data/parse-rul';
import { prepareCmapss, type PreparedData } from '../core/data/prepare';
import { FD001_PRESET } from '../core/lab/fd001-preset';
import { labArraysFromPrepared } from '../core/lab/fleet-data';
import { describeStrategy, STRATEGY_NAMES, type StrategyName } from '../core/strategies/index';
import { loadCmapssFiles } from '../live/load-files';
import { STRATEGY_LAB_SCHEMA, strategyLabConfig, toggleStrategy } from '../../widgets/StrategyLab/model';
import { parseState } from '../../widgets/shared/url-state';
import { runLab } from './lab-run';
import { runPresetSeed } from './preset-run';
import { fixedFigure as fixed, integerFigure as integer, percentFigure as percent, ratioFigure as ratio, type FigureSpec, type MeasuredRun } from './types';

export const CMAPSS_FOLDER = process.env.CMAPSS_DIR ?? '/work/shared/cmapss/';
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
  const read = (name: string) => readFileSync(`${CMAPSS_FOLDER}${name}`, 'utf8');
  const train = parseCmapssTable(read('train_FD001.txt'), 'train_FD001.txt');
  const test = parseCmapssTable(read('test_FD001.txt'), 'test_FD001.txt');
  const rul = parseRulFile(read('RUL_FD001.txt'), 'RUL_FD001.txt');
  if (!train.ok || !test.ok || !rul.ok) throw new Error(`FD001 in ${CMAPSS_FOLDER} did not parse`);
  const prepared = prepareCmapss({ train: train.value, test: test.value, rul: rul.value, windowLength: 30, rulCap: 125, validationFraction: 0.2, seed: SEED });
  loaded = {
    trainRows: train.value.rows, testRows: test.value.rows, trainEngines: train.value.engineCount,
    testEngines: test.value.engineCount, rulValues: rul.value.length, prepared,
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

const PRESET_SEEDS = 5;

/**
 * Chapter 6's preset table: the lab's "train a real model" preset for one strategy over seeds 0–4, as
 * `npm run bench:fd001` runs it. One run per strategy, so `npm run figures -- --only fd001PresetFixed`
 * regenerates one row (each seed is 35–40 s of processor time).
 */
async function presetRun(name: StrategyName): Promise<MeasuredRun> {
  const arrays = labArraysFromPrepared(fd001().prepared);
  const prefix = `fd001.preset.${name}`;
  const figures: Record<string, FigureSpec> = {};
  const results = [];
  for (let seed = 0; seed < PRESET_SEEDS; seed += 1) {
    const result = await runPresetSeed(arrays, name, seed, FD001_PRESET.steps);
    console.log(`  ${name} seed ${seed}: test RMSE ${result.rmse.toFixed(2)}, NASA ${result.nasa.toFixed(0)}, step ${result.scoredStep}, ${result.seconds.toFixed(1)} s wall, ${result.cpuSeconds.toFixed(1)} s CPU`);
    figures[`${prefix}.seed${seed}.rmse`] = fixed(result.rmse, 2);
    results.push(result);
  }
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const steps = results.map((r) => r.scoredStep);
  const cpu = results.map((r) => r.cpuSeconds);
  Object.assign(figures, {
    [`${prefix}.rmse`]: fixed(mean(results.map((r) => r.rmse)), 2), [`${prefix}.nasa`]: integer(mean(results.map((r) => r.nasa))),
    [`${prefix}.stepMin`]: integer(Math.min(...steps)), [`${prefix}.stepMax`]: integer(Math.max(...steps)),
    [`${prefix}.cpuSecondsMin`]: integer(Math.min(...cpu)), [`${prefix}.cpuSecondsMax`]: integer(Math.max(...cpu)),
  });
  return {
    key: presetKey(name), seed: 0, steps: FD001_PRESET.steps, backend: 'wasm', figures,
    what: `the lab's FD001 preset (lab/fd001-preset.ts), ${describeStrategy(name).label}, seeds 0–${PRESET_SEEDS - 1}, test engines scored once with the best validation step's parameters (npm run bench:fd001 -- ${PRESET_SEEDS} ${name})`,
  };
}

const presetKey = (name: StrategyName): string => `fd001Preset${name.charAt(0).toUpperCase()}${name.slice(1)}`;

/** Each run with the key its figures are filed under, so `npm run figures -- --cheap` can keep them. */
export const FD001_RUNS: readonly { readonly key: string; readonly run: () => Promise<MeasuredRun> | MeasuredRun }[] = [
  { key: 'fd001Data', run: fd001Data },
  { key: 'fd001Dense300', run: () => labRun(300, 'dense') },
  { key: 'fd001Dense1000', run: () => labRun(1000, 'dense') },
  { key: 'fd001Temporal1000', run: () => labRun(1000, 'temporal') },
  { key: 'fd001Lab800', run: labWithFd001 },
  ...(['fixed', 'gaba'] as const).map((name) => ({ key: presetKey(name), run: () => presetRun(name) })),
];
