/**
 * Holds every Gramian-family function to reference/fixtures/gramian/fixture.json, written by
 * reference/make_gramian_fixture.py from an independent NumPy/PyTorch implementation (vectors, SVD,
 * support enumeration, torch autograd and Adam). Relative tolerance 1e-6 with a floor of 1e-6 on the
 * scale, the tolerance the brief set; the observed agreement is printed by the last test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random';
import {
  alignedMtlCoefficients,
  cagradCoefficients,
  dualProjCoefficients,
  fairGradCoefficients,
  famoCoefficients,
  famoUpdate,
  glsCoefficients,
  gradVacStep,
  imtlGCoefficients,
  initialFamoState,
  initialGradVacState,
  initialStchState,
  mgdaCoefficients,
  nashMtlCoefficients,
  rlwCoefficients,
  stchStep,
  upgradCoefficients,
} from './index';

interface StaticCase {
  readonly seed: number;
  readonly gramian: number[][];
  readonly losses: number[];
  readonly expected: Record<string, number[]>;
}
interface Fixture {
  readonly cases: StaticCase[];
  readonly gradvac: { seed: number; taskCount: number; beta: number; steps: { gramian: number[][]; coefficients: number[] }[] };
  readonly rlw: { seed: number; taskCount: number; steps: number[][] };
  readonly famo: { taskCount: number; steps: { losses: number[]; lossesAfter: number[]; coefficients: number[] }[] };
  readonly stch: { taskCount: number; warmupSteps: number; mu: number; steps: { losses: number[]; coefficients: number[] }[] };
}

const fixture = JSON.parse(
  readFileSync(join(process.cwd(), 'reference', 'fixtures', 'gramian', 'fixture.json'), 'utf8'),
) as Fixture;
const TOLERANCE = 1e-6;
let worst = 0;

function expectClose(actual: readonly number[], expected: readonly number[], label: string): void {
  expect(actual, label).toHaveLength(expected.length);
  const scale = Math.max(1e-6, ...expected.map(Math.abs));
  const error = Math.max(...actual.map((a, k) => Math.abs(a - expected[k]) / scale));
  worst = Math.max(worst, error);
  expect(error, `${label}: ${actual.join(', ')} vs ${expected.join(', ')}`).toBeLessThan(TOLERANCE);
}

const STATIC_METHODS: Record<string, (c: StaticCase) => number[]> = {
  mgda: (c) => mgdaCoefficients(c.gramian).coefficients,
  imtlG: (c) => imtlGCoefficients(c.gramian).coefficients,
  cagrad: (c) => cagradCoefficients(c.gramian).coefficients,
  cagradLibmtl: (c) => cagradCoefficients(c.gramian, { kappa: 0.5, rescale: 'libmtl' }).coefficients,
  nashMtl: (c) => nashMtlCoefficients(c.gramian).coefficients,
  fairGrad: (c) => fairGradCoefficients(c.gramian, 2).coefficients,
  alignedMtl: (c) => alignedMtlCoefficients(c.gramian).coefficients,
  upgrad: (c) => upgradCoefficients(c.gramian).coefficients,
  dualProj: (c) => dualProjCoefficients(c.gramian).coefficients,
  gls: (c) => glsCoefficients(c.losses).coefficients,
};

describe('Gramian family against the PyTorch/NumPy reference', () => {
  it('covers every static method in every case', () => {
    fixture.cases.forEach((c) => expect(Object.keys(c.expected).sort()).toEqual(Object.keys(STATIC_METHODS).sort()));
  });

  for (const [name, method] of Object.entries(STATIC_METHODS)) {
    it(`${name}: K = 2..5, ${fixture.cases.length} random systems`, () => {
      fixture.cases.forEach((c) => expectClose(method(c), c.expected[name], `${name} seed ${c.seed}`));
    });
  }

  it('GradVac over a sequence (targets carried, Mulberry32 orders)', () => {
    const { seed, taskCount, beta, steps } = fixture.gradvac;
    const random = createRandom(seed);
    let state = initialGradVacState(taskCount);
    steps.forEach((step, t) => {
      const result = gradVacStep(step.gramian, state, random, { beta });
      expectClose(result.coefficients, step.coefficients, `gradvac step ${t + 1}`);
      state = result.state;
    });
  });

  it('RLW draws the same normals as the reference', () => {
    const random = createRandom(fixture.rlw.seed);
    fixture.rlw.steps.forEach((expected, t) => expectClose(rlwCoefficients(fixture.rlw.taskCount, random).coefficients, expected, `rlw ${t + 1}`));
  });

  it('FAMO over a sequence (torch Adam with weight decay on the logits)', () => {
    let state = initialFamoState(fixture.famo.taskCount);
    fixture.famo.steps.forEach((step, t) => {
      expectClose(famoCoefficients(state, step.losses).coefficients, step.coefficients, `famo step ${t + 1}`);
      state = famoUpdate(state, step.losses, step.lossesAfter);
    });
  });

  it('STCH over a sequence (warm-up, then the nadir from it)', () => {
    const { taskCount, warmupSteps, mu, steps } = fixture.stch;
    let state = initialStchState(taskCount);
    steps.forEach((step, t) => {
      const result = stchStep(state, step.losses, { warmupSteps, mu });
      expectClose(result.coefficients, step.coefficients, `stch step ${t + 1}`);
      state = result.state;
    });
  });

  it('reports the worst relative difference seen', () => {
    console.info(`Gramian family vs reference: worst relative difference ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(TOLERANCE);
  });
});
