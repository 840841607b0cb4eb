/**
 * Writes reference/scenarios/*.json: one replayable scenario per strategy variant, each with explicit
 * initial parameters and an explicit data pool, so that the PyTorch reference (reference/replay.py)
 * and the TypeScript core start from exactly the same numbers. `npm run fixtures` runs this, then the
 * reference; CI only reads the committed fixtures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createToyDataset } from '../src/core/data/toy-dataset';
import { createRandom, type RandomSource } from '../src/core/random';
import { REFERENCE_MODEL, scenarioVariants, type ScenarioVariant } from './scenario-variants';

const POOL_SIZE = 256;
const BATCH_SIZE = 64;

/** The scenario is the input of both implementations, so six significant digits lose nothing. */
const round = (value: number): number => Number(value.toPrecision(6));

interface LayerValues {
  weight: number[][];
  bias: number[];
}

/** PyTorch's nn.Linear range, drawn in the doc's order: W row-major over [in][out], then b. */
function drawLayer(random: RandomSource, fanIn: number, fanOut: number): LayerValues {
  const bound = 1 / Math.sqrt(fanIn);
  const weight = Array.from({ length: fanIn }, () =>
    Array.from({ length: fanOut }, () => round(random.uniform(-bound, bound))),
  );
  const bias = Array.from({ length: fanOut }, () => round(random.uniform(-bound, bound)));
  return { weight, bias };
}

function drawParameters(seed: number): { shared: LayerValues[]; heads: LayerValues[] } {
  const random = createRandom(seed);
  const sizes = [REFERENCE_MODEL.inputSize, ...REFERENCE_MODEL.hidden];
  const shared = sizes.slice(0, -1).map((fanIn, i) => drawLayer(random, fanIn, sizes[i + 1]));
  const last = sizes[sizes.length - 1];
  const heads = REFERENCE_MODEL.headSizes.map((out) => drawLayer(random, last, out));
  return { shared, heads };
}

/**
 * 256 single-cycle rows of the book's own toy dataset (a seeded synthetic fleet, 14 z-scored
 * informative sensors, capped RUL, health classes from the book's thresholds), so the fixtures train
 * on the same kind of data the pages do. Four batches of 64 cycle through the pool.
 */
function drawPool(seed: number): { x: number[][]; rul: number[]; health: number[] } {
  const toy = createToyDataset({ seed, size: POOL_SIZE });
  const width = toy.featureCount;
  const x = Array.from({ length: POOL_SIZE }, (_, i) =>
    Array.from(toy.features.subarray(i * width, (i + 1) * width), round),
  );
  return { x, rul: Array.from(toy.rul, round), health: Array.from(toy.health) };
}

function buildScenario(variant: ScenarioVariant, index: number): object {
  return {
    name: variant.name,
    model: REFERENCE_MODEL,
    parameters: { values: drawParameters(1000 + index) },
    data: { kind: 'explicit', ...drawPool(2000 + index), batchSize: BATCH_SIZE },
    strategy: variant.strategy,
    optimiser: variant.optimiser,
    steps: variant.steps,
  };
}

function main(): void {
  const folder = join(dirname(fileURLToPath(import.meta.url)), 'scenarios');
  mkdirSync(folder, { recursive: true });
  scenarioVariants().forEach((variant, index) => {
    const file = join(folder, `${variant.name}.json`);
    writeFileSync(file, `${JSON.stringify(buildScenario(variant, index))}\n`);
    console.log(`wrote ${file}`);
  });
}

main();
