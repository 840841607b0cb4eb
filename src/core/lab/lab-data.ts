/**
 * Turns a lab's data description into training and validation arrays. Synthetic data is generated
 * here from its seed; data the reader loaded arrives already prepared.
 */
import { createToyDataset } from '../data/toy-dataset';
import type { LabDataSpec, LabDatasetArrays } from './types';

/** Datasets the host was given (reader's files), by id. */
export type DatasetRegistry = ReadonlyMap<string, LabDatasetArrays>;

/** Something the core can prepare from a synthetic fleet (supplied by the data pipeline). */
export type FleetPreparer = (spec: Extract<LabDataSpec, { kind: 'syntheticFleet' }>) => LabDatasetArrays;

const TOY_TRAIN_SIZE = 4096;
const TOY_VALIDATION_SIZE = 1024;
// Validation rows come from a different fleet, so the metrics measure engines the network never saw.
const VALIDATION_SEED_OFFSET = 1_000_003;

function toyDataset(seed: number, size: number): LabDatasetArrays {
  const train = createToyDataset({ seed, size });
  const validation = createToyDataset({ seed: seed + VALIDATION_SEED_OFFSET, size: TOY_VALIDATION_SIZE });
  const split = (d: typeof train) => ({ lastFeatures: d.features, windows: new Float32Array(0), rul: d.rul, health: d.health });
  return { featureCount: train.featureCount, windowLength: 1, train: split(train), validation: split(validation) };
}

export function resolveLabData(spec: LabDataSpec, datasets: DatasetRegistry, prepareFleet?: FleetPreparer): LabDatasetArrays {
  const data = datasetFor(spec, datasets, prepareFleet);
  // The batch sampler and the validation metrics each need a row; say so instead of failing inside them.
  const [train, validation] = [data.train.rul.length, data.validation.rul.length];
  if (train < 1 || validation < 1) {
    throw new Error(`the lab's data hold ${train} training and ${validation} validation rows; a lab needs at least one of each`);
  }
  return data;
}

function datasetFor(spec: LabDataSpec, datasets: DatasetRegistry, prepareFleet?: FleetPreparer): LabDatasetArrays {
  switch (spec.kind) {
    case 'toy':
      return toyDataset(spec.seed, spec.size ?? TOY_TRAIN_SIZE);
    case 'syntheticFleet':
      if (!prepareFleet) throw new Error('this build cannot prepare a synthetic fleet for a lab');
      return prepareFleet(spec);
    case 'loaded': {
      const dataset = datasets.get(spec.datasetId);
      if (!dataset) throw new Error(`no dataset "${spec.datasetId}" was loaded; load the files again`);
      return dataset;
    }
  }
}
