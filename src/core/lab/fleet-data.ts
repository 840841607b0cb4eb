/**
 * A synthetic fleet through the same C-MAPSS pipeline a reader's files take: generated, normalised
 * per operating condition on the training engines, cut into 30-cycle windows, split by engine.
 */
import { prepareCmapss, type PreparedData } from '../data/prepare';
import { createSyntheticFleet } from '../data/synthetic-fleet';
import type { LabDataSpec, LabDatasetArrays } from './types';

/** The lab's view of prepared C-MAPSS data (also used for files the reader loaded). */
export function labArraysFromPrepared(prepared: PreparedData): LabDatasetArrays {
  const split = (set: PreparedData['train']) => ({ lastFeatures: set.lastFeatures, windows: set.windows, rul: set.rul, health: set.health });
  const arrays = {
    featureCount: prepared.featureCount,
    windowLength: prepared.train.windowLength,
    train: split(prepared.train),
    validation: split(prepared.validation),
  };
  return prepared.test ? { ...arrays, test: split(prepared.test) } : arrays;
}

export function prepareSyntheticFleetForLab(spec: Extract<LabDataSpec, { kind: 'syntheticFleet' }>): LabDatasetArrays {
  const fleet = createSyntheticFleet({ seed: spec.seed, engines: spec.engines ?? 100, conditions: spec.conditions ?? 1 });
  const prepared = prepareCmapss({ train: fleet, windowLength: 30, rulCap: 125, validationFraction: 0.2, seed: spec.seed });
  return labArraysFromPrepared(prepared);
}
