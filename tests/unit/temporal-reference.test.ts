/**
 * The temporal backbone against PyTorch's own nn.Conv1d (reference/replay_temporal.py), through the
 * committed scenario and fixture in reference/temporal: no torch is needed here. Regenerate with
 * `npx tsx reference/make-temporal-scenario.ts`, then the replay command in that file's header.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../src/core/backend';
import { exportParameters, inputWidth, type ExplicitParameters, type ModelConfig } from '../../src/core/model';
import type { OptimiserConfig } from '../../src/core/optimiser-config';
import type { StrategySpec } from '../../src/core/strategies';
import { createPoolBatcher, disposeBatch } from '../../src/core/trainer/batch';
import { createTrainer, type StepRecord } from '../../src/core/trainer/trainer';
import { compareTrajectory, flattenParameters, noError, trackWorst, type Fixture, type ParameterValues } from './fixture-compare';

const folder = join(process.cwd(), 'reference', 'temporal');

interface TemporalScenario {
  readonly model: ModelConfig;
  readonly parameters: { readonly values: ExplicitParameters };
  readonly data: { readonly x: number[][]; readonly rul: number[]; readonly health: number[]; readonly batchSize: number };
  readonly strategy: StrategySpec;
  readonly optimiser: OptimiserConfig;
  readonly steps: number;
}

const scenario = JSON.parse(readFileSync(join(folder, 'scenario.json'), 'utf8')) as TemporalScenario;
const fixture = JSON.parse(readFileSync(join(folder, 'fixture.json'), 'utf8')) as Fixture & { finalParameters: ParameterValues };

/**
 * As the dense fixtures (tests/unit/core-fixtures.test.ts): 1e-4 relative with the per-field floors of
 * ERROR_FLOORS, and parameters below 0.01 held to 1e-6 absolute. Both sides are float32; PyTorch's
 * Conv1d and the core's patch matMul sum in different orders, so each step starts ~1e-7 apart.
 */
const TOLERANCE = 1e-4;
const PARAMETER_FLOOR = 0.01;

async function replayInCore(): Promise<{ records: StepRecord[]; parameters: ExplicitParameters }> {
  const { model, data } = scenario;
  const trainer = createTrainer({ model, parameters: scenario.parameters, strategy: scenario.strategy, optimiser: scenario.optimiser });
  const pool = createPoolBatcher({ x: Float32Array.from(data.x.flat()), rul: data.rul, health: data.health, featureCount: inputWidth(model) }, data.batchSize);
  const records: StepRecord[] = [];
  for (let step = 1; step <= scenario.steps; step += 1) {
    const batch = pool.batchForStep(step);
    records.push(await trainer.step(batch));
    disposeBatch(batch);
  }
  const parameters = await exportParameters(trainer.parameters);
  trainer.dispose();
  pool.dispose();
  return { records, parameters };
}

describe('the temporal backbone against PyTorch’s nn.Conv1d', () => {
  beforeAll(async () => {
    await selectBackend({ forced: 'cpu', order: [] });
  });

  it('replays a temporal scenario of 60 GABA steps, 40 of them adaptive, so the comparison is not vacuous', () => {
    expect(scenario.model.temporal?.convolutions).toHaveLength(2);
    expect(fixture.steps).toHaveLength(60);
    expect(fixture.steps[19].weights[0]).toBe(0.5);
    expect(fixture.steps[59].weights[0]).toBeLessThan(0.4);
  });

  it('matches every step’s losses, gradient norms, cosine, weights and the final parameters within 1e-4', async () => {
    const { records, parameters } = await replayInCore();
    const { worst } = compareTrajectory(records, fixture.steps);
    if (process.env.FIXTURE_REPORT) console.log(`temporal ${JSON.stringify(worst)}`);
    for (const field of Object.values(worst)) expect(field.error, JSON.stringify(field)).toBeLessThan(TOLERANCE);
    const finalParameters = noError();
    trackWorst(finalParameters, records.length, 'parameters', flattenParameters(parameters), flattenParameters(fixture.finalParameters), PARAMETER_FLOOR);
    if (process.env.FIXTURE_REPORT) console.log(`temporal parameters ${JSON.stringify(finalParameters)}`);
    expect(finalParameters.error, JSON.stringify(finalParameters)).toBeLessThan(TOLERANCE);
  }, 120_000);
});
