/**
 * Loading the committed PyTorch fixtures (reference/fixtures) and measuring how far the core's
 * numbers are from them. Shared by the fixture comparison tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SCENARIO_DIR = join(process.cwd(), 'reference', 'scenarios');
export const FIXTURE_DIR = join(process.cwd(), 'reference', 'fixtures');

/** One step as reference/replay.py recorded it. */
export interface FixtureStep {
  readonly step: number;
  readonly losses: number[];
  readonly gradNorms: number[];
  readonly cosine: number;
  readonly weights: number[];
  readonly sharedCoefficients: number[];
  readonly headCoefficients: number[];
  readonly projections?: number;
  readonly lastLayerNorms: number[];
}

export interface Fixture {
  readonly scenario: string;
  readonly generator: string;
  readonly steps: FixtureStep[];
}

/** The parts of a scenario file the tests read directly; the core parses the whole file itself. */
export interface ScenarioFile {
  readonly name: string;
  readonly strategy: { readonly name: string; readonly hyper?: Record<string, unknown> };
  readonly optimiser?: unknown;
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
