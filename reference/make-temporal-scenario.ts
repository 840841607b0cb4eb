/**
 * Writes reference/temporal/scenario.json: the temporal backbone (DEFAULT_TEMPORAL_MODEL_CONFIG) with
 * explicit initial parameters and an explicit pool of 30-cycle windows from the synthetic fleet, GABA
 * with a 20-step warm-up, 60 Adam steps. The PyTorch side replays it with nn.Conv1d:
 *
 *   npx tsx reference/make-temporal-scenario.ts
 *   /usr/bin/python3 reference/replay_temporal.py reference/temporal/scenario.json reference/temporal/fixture.json
 *
 * It lives apart from reference/scenarios, whose files the dense scenario parser reads.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareSyntheticFleetForLab } from '../src/core/lab/fleet-data';
import { DEFAULT_TEMPORAL_MODEL_CONFIG, drawInitialParameters, type LayerValues } from '../src/core/model';

const POOL_SIZE = 64;
const BATCH_SIZE = 32;
/** Rounded once here: both implementations read the same decimals. */
const round = (value: number, digits: number): number => Number(value.toPrecision(digits));

const roundLayer = (layer: LayerValues) => ({
  weight: layer.weight.map((row) => row.map((v) => round(v, 6))),
  bias: layer.bias.map((v) => round(v, 6)),
});

function drawPool(): { x: number[][]; rul: number[]; health: number[] } {
  const fleet = prepareSyntheticFleetForLab({ kind: 'syntheticFleet', seed: 3, engines: 20 });
  const width = fleet.windowLength * fleet.featureCount;
  const count = fleet.train.rul.length;
  // Spread over the fleet: every engine's early, middle and late life, all three health classes.
  const rows = Array.from({ length: POOL_SIZE }, (_, i) => Math.floor((i * count) / POOL_SIZE));
  return {
    x: rows.map((r) => Array.from(fleet.train.windows.subarray(r * width, (r + 1) * width), (v) => round(v, 5))),
    rul: rows.map((r) => fleet.train.rul[r]),
    health: rows.map((r) => fleet.train.health[r]),
  };
}

const initial = drawInitialParameters(DEFAULT_TEMPORAL_MODEL_CONFIG, 4242);
const scenario = {
  name: 'temporal-gaba',
  model: DEFAULT_TEMPORAL_MODEL_CONFIG,
  parameters: { values: { shared: initial.shared.map(roundLayer), heads: initial.heads.map(roundLayer) } },
  data: { kind: 'explicit', ...drawPool(), batchSize: BATCH_SIZE },
  strategy: { name: 'gaba', hyper: { warmupSteps: 20 } },
  optimiser: { kind: 'adam', learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  steps: 60,
};
const file = join(dirname(fileURLToPath(import.meta.url)), 'temporal', 'scenario.json');
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(scenario)}\n`);
console.log(`wrote ${file}`);
