import { createRandom, shuffledIndices } from '../random';
import type { CmapssTable } from './cmapss-table';
import { assignConditions, clusterOperatingConditions, detectConditionCount, type OperatingConditions } from './conditions';
import { DEFAULT_RUL_CAP, HEALTH_THRESHOLDS, type HealthThresholds } from './health';
import { applyNormaliser, fitConditionNormaliser, type ConditionNormaliser } from './normaliser';
import { INFORMATIVE_SENSORS, sensorName } from './sensors';
import { rowRul } from './targets';
import { makeWindows, type WindowSet } from './windows';

/** Options of {@link prepareCmapss}. */
export interface PrepareOptions {
  /** Parsed training file (run to failure). */
  train: CmapssTable;
  /** Parsed test file (cut off before failure); needs `rul`. */
  test?: CmapssTable;
  /** True RUL after each test engine's last row, in engine order. */
  rul?: Float32Array;
  /** Cycles per window (default 30). */
  windowLength?: number;
  /** Piecewise-linear RUL cap (default 125). */
  rulCap?: number;
  /** Share of training engines held out for validation (default 0.2). */
  validationFraction?: number;
  /** Seed of the engine split and the clustering. */
  seed: number;
  /** Operating conditions; detected from the training settings when left out. */
  conditionCount?: number;
  /** Health thresholds (default {@link HEALTH_THRESHOLDS}). */
  thresholds?: HealthThresholds;
}

/** Everything a model needs from C-MAPSS files: normalised windows and targets per split. */
export interface PreparedData {
  /** Names of the feature columns, e.g. "s2". */
  featureNames: string[];
  /** Features per cycle (14). */
  featureCount: number;
  /** Training engines' windows. */
  train: WindowSet;
  /** Held-out training engines' windows (split by engine, so no engine is in both). */
  validation: WindowSet;
  /** Each test engine's last window, scored against its true RUL. */
  test?: WindowSet;
  /** The per-condition normaliser, fitted on the training split only. */
  normaliser: ConditionNormaliser;
  /** The operating conditions clustered on the training file. */
  conditions: OperatingConditions;
  /** Number of operating conditions. */
  conditionCount: number;
}

/** Engine indices split by a seeded shuffle: the first `fraction` of the shuffle is validation. */
export function splitEngines(engineCount: number, fraction: number, seed: number): { train: Int32Array; validation: Int32Array } {
  const order = shuffledIndices(engineCount, createRandom(seed));
  const validationCount = Math.min(Math.round(engineCount * fraction), engineCount - 1);
  const sort = (values: Int32Array): Int32Array => values.slice().sort();
  return { train: sort(order.subarray(validationCount)), validation: sort(order.subarray(0, validationCount)) };
}

/**
 * The whole pipeline: cluster operating conditions on the training settings, split training engines
 * into train and validation, fit the per-condition normaliser on the training split alone, and cut
 * 30-cycle windows with capped-RUL and health targets.
 */
export function prepareCmapss(options: PrepareOptions): PreparedData {
  const { train, seed } = options;
  const windowLength = options.windowLength ?? 30;
  const rulCap = options.rulCap ?? DEFAULT_RUL_CAP;
  const thresholds = options.thresholds ?? HEALTH_THRESHOLDS;
  const conditionCount = options.conditionCount ?? detectConditionCount(train.settings);
  const conditions = clusterOperatingConditions(train.settings, conditionCount, seed);
  const split = splitEngines(train.engineCount, options.validationFraction ?? 0.2, seed);
  const inTraining = new Uint8Array(train.rows);
  for (const engine of split.train) inTraining.fill(1, train.engineStarts[engine], train.engineStarts[engine + 1]);
  const normaliser = fitConditionNormaliser(train, conditions.assignments, conditionCount, INFORMATIVE_SENSORS, (row) => inTraining[row] === 1);
  const featureCount = normaliser.sensors.length;
  const features = applyNormaliser(train, conditions.assignments, normaliser);
  const trainRul = rowRul(train, rulCap);
  const cut = (engines: Int32Array): WindowSet => makeWindows(train, features, featureCount, trainRul, { windowLength, engines, thresholds });
  return {
    featureNames: normaliser.sensors.map(sensorName),
    featureCount,
    train: cut(split.train),
    validation: cut(split.validation),
    test: prepareTest(options, conditions, normaliser, windowLength, rulCap, thresholds),
    normaliser,
    conditions,
    conditionCount,
  };
}

/**
 * Test engines are scored on their last window against the true RUL from the RUL file, capped at the
 * same 125 as the training target (the usual convention in the C-MAPSS literature; uncapped truths
 * above 125 would count the cap itself as error).
 */
function prepareTest(options: PrepareOptions, conditions: OperatingConditions, normaliser: ConditionNormaliser, windowLength: number, rulCap: number, thresholds: HealthThresholds): WindowSet | undefined {
  const { test, rul } = options;
  if (!test) return undefined;
  if (!rul || rul.length !== test.engineCount) {
    throw new Error(`prepareCmapss: the test table has ${test.engineCount} engines but ${rul ? rul.length : 'no'} RUL values were given; check with checkRulAgainstTest first`);
  }
  const testConditions = assignConditions(test.settings, conditions);
  const features = applyNormaliser(test, testConditions, normaliser);
  const testRul = rowRul(test, rulCap, rul);
  return makeWindows(test, features, normaliser.sensors.length, testRul, { windowLength, lastOnly: true, thresholds });
}
