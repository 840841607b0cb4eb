/**
 * Loading the committed PyTorch fixtures (reference/fixtures) and measuring how far the core's
 * numbers are from them. Shared by the fixture comparison tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabStepRecord } from '../../src/core/lab/types';
import type { OptimiserConfig } from '../../src/core/optimiser-config';
import type { StrategySpec } from '../../src/core/strategies';
import type { StepRecord } from '../../src/core/trainer/trainer';

export const SCENARIO_DIR = join(process.cwd(), 'reference', 'scenarios');
export const FIXTURE_DIR = join(process.cwd(), 'reference', 'fixtures');

/** One step as reference/replay.py recorded it: the core's StepRecord, in JSON. */
export type FixtureStep = StepRecord;

export interface Fixture {
  readonly scenario: string;
  readonly generator: string;
  readonly steps: FixtureStep[];
}

/** The parts of a scenario file the tests read directly; the core parses the whole file itself. */
export interface ScenarioFile {
  readonly name: string;
  readonly strategy: StrategySpec;
  readonly optimiser?: OptimiserConfig;
  readonly steps: number;
}

export interface FixturePair {
  readonly file: string;
  readonly scenarioText: string;
  readonly scenario: ScenarioFile;
  readonly fixture: Fixture;
}

/** Every scenario with its fixture, by file name. */
export function loadFixturePairs(): FixturePair[] {
  return readdirSync(SCENARIO_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const scenarioText = readFileSync(join(SCENARIO_DIR, file), 'utf8');
      const fixture = JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8')) as Fixture;
      return { file, scenarioText, scenario: JSON.parse(scenarioText) as ScenarioFile, fixture };
    });
}

/**
 * |actual − expected| / max(|expected|, floor). The floor stands in for the quantity's scale where
 * the expected value itself is near zero and a relative error would measure rounding noise.
 */
export function scaledError(actual: number, expected: number, floor: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), floor);
}

/** The largest scaled error over paired arrays, and where it happened. */
export interface WorstError {
  error: number;
  step: number;
  field: string;
  actual: number;
  expected: number;
}

export function trackWorst(
  worst: WorstError,
  step: number,
  field: string,
  actual: readonly number[],
  expected: readonly number[],
  floor: number,
): void {
  if (actual.length !== expected.length) {
    throw new Error(`step ${step} ${field}: ${actual.length} values, fixture has ${expected.length}`);
  }
  actual.forEach((value, k) => {
    const error = scaledError(value, expected[k], floor);
    // A NaN anywhere must fail loudly rather than compare false and vanish.
    if (!(error <= worst.error)) Object.assign(worst, { error, step, field: `${field}[${k}]`, actual: value, expected: expected[k] });
  });
}

export const noError = (): WorstError => ({ error: 0, step: 0, field: '', actual: 0, expected: 0 });

/** The Gramian the reference measured, rebuilt from its norms and cosine (K = 2). */
export function gramianFromRecord(record: FixtureStep): number[][] {
  const [n0, n1] = record.gradNorms;
  const g01 = record.cosine * n0 * n1;
  return [
    [n0 * n0, g01],
    [g01, n1 * n1],
  ];
}

/** The per-step numbers both implementations record (the lab's plain record; StepRecord has them all). */
export type ComparableStep = LabStepRecord;

/**
 * Floors of the scaled error, per field: each is the size below which a value counts as "near zero"
 * for that quantity. Losses (RUL ≥ 100s of cycles², cross-entropy ≥ 0.1 here) and gradient norms
 * never come near theirs; the floors only keep a division by ~0 from turning float32 noise into a
 * failure. The cosine is G01/√(G00·G11), and G01 is a float32 dot product over the ~1,600 shared
 * parameters: its rounding error is a fixed fraction of ‖g0‖‖g1‖ (≈ ε32·√P ≈ 2e-6) whatever the
 * angle, so the cosine's error is absolute, and a relative error would blow up as the cosine crosses
 * 0 (measured: at most 9.3e-7 absolute, but 1.9e-4 relative at a cosine of 0.005). With 0.05,
 * 1e-4 relative still demands 5e-6 absolute agreement near 0. Weights live on a scale of 1 (they sum
 * to 1, or are Uncertainty's factors ~0.5); amnlNormalised drives the RUL weight down to ~2e-5, where
 * 1e-3 × 1e-4 = 1e-7 absolute is still far below anything visible.
 */
export const ERROR_FLOORS = Object.freeze({ losses: 1e-6, gradNorms: 1e-6, cosine: 0.05, weights: 1e-3 });

export type ComparedField = keyof typeof ERROR_FLOORS;

/** Worst scaled error per field over a whole trajectory, plus the PCGrad projection count mismatches. */
export function compareTrajectory(
  actual: readonly ComparableStep[],
  expected: readonly FixtureStep[],
): { worst: Record<ComparedField, WorstError>; projectionMismatches: number } {
  if (actual.length !== expected.length) {
    throw new Error(`the core recorded ${actual.length} steps, the fixture has ${expected.length}`);
  }
  const worst = { losses: noError(), gradNorms: noError(), cosine: noError(), weights: noError() };
  let projectionMismatches = 0;
  expected.forEach((reference, i) => {
    const step = actual[i];
    if (step.step !== reference.step) throw new Error(`record ${i} is step ${step.step}, fixture step ${reference.step}`);
    trackWorst(worst.losses, reference.step, 'losses', step.losses, reference.losses, ERROR_FLOORS.losses);
    trackWorst(worst.gradNorms, reference.step, 'gradNorms', step.gradNorms, reference.gradNorms, ERROR_FLOORS.gradNorms);
    trackWorst(worst.cosine, reference.step, 'cosine', [step.cosine], [reference.cosine], ERROR_FLOORS.cosine);
    trackWorst(worst.weights, reference.step, 'weights', step.weights, reference.weights, ERROR_FLOORS.weights);
    if ((step.projections ?? undefined) !== reference.projections) projectionMismatches += 1;
  });
  return { worst, projectionMismatches };
}

/** Parameters as the reference exports them: weight [in][out] and bias per layer. */
export interface ParameterValues {
  readonly shared: readonly { readonly weight: readonly (readonly number[])[]; readonly bias: readonly number[] }[];
  readonly heads: readonly { readonly weight: readonly (readonly number[])[]; readonly bias: readonly number[] }[];
}

/** Every number of a parameter set in one fixed order (shared layers, then heads; W then b). */
export function flattenParameters(values: ParameterValues): number[] {
  return [...values.shared, ...values.heads].flatMap((layer) => [...layer.weight.flat(), ...layer.bias]);
}
