/**
 * GradVac (Wang et al., ICLR 2021, Gradient Vaccine): like PCGrad, but each pair (i, j) is steered
 * towards an EMA target cosine φ̂_ij instead of 0. Task i's vector starts as g_i; for each other task
 * j in a seeded random order, if its cosine ρ with the original g_j is below φ̂_ij, it gains
 *   w·g_j,  w = ‖v‖ (φ̂√(1 − ρ²) − ρ√(1 − φ̂²)) / (‖g_j‖ √(1 − φ̂²)),
 * which sets the cosine to exactly φ̂; then φ̂_ij ← (1 − β)φ̂_ij + βρ. The update is the sum of the
 * adjusted vectors, so its coefficients stay linear in the original gradients.
 *
 * Choices: ρ is measured on the vector as adjusted so far (as LibMTL does), the targets start at 0
 * (so the first step is PCGrad's), every pair's target moves after it is visited, as we read the
 * paper's Algorithm 1 (LibMTL moves it only for pairs it adjusted: `targetUpdate: 'whenAdjusted'`),
 * and β = 0.01 is the paper's value (LibMTL's default is 0.5). The order is PCGrad's draw, so
 * the same seed gives both methods the same order.
 */
import type { Gramian } from '../../gramian';
import type { RandomSource } from '../../random';
import { drawProjectionOrder } from '../pcgrad';
import { dot, matVec, quadForm, toRows, type GramianInput } from './matrix';
import { createRandom } from '../../random';
import { defineCoefficientStrategy } from './coefficient-strategy';
import { choiceOf, numberOf, SEED_RULE } from '../hyper-schema';

export interface GradVacState {
  /** targets[i][j] = φ̂_ij; the diagonal is unused. */
  readonly targets: readonly (readonly number[])[];
}

export interface GradVacResult {
  readonly coefficients: number[];
  readonly state: GradVacState;
  /** How many pairs were adjusted this step. */
  readonly adjustments: number;
}

export function initialGradVacState(taskCount: number): GradVacState {
  return { targets: Array.from({ length: taskCount }, () => new Array<number>(taskCount).fill(0)) };
}

export interface GradVacOptions {
  /** EMA rate of the targets. */
  readonly beta?: number;
  readonly targetUpdate?: 'everyPair' | 'whenAdjusted';
}

export function gradVacStep(
  input: GramianInput,
  state: GradVacState,
  random: RandomSource,
  { beta = 0.01, targetUpdate = 'everyPair' }: GradVacOptions = {},
): GradVacResult {
  if (!(beta >= 0 && beta <= 1)) throw new Error(`GradVac's β must be in [0, 1], got ${beta}`);
  const gramian: Gramian = toRows(input);
  const taskCount = gramian.length;
  const targets = state.targets.map((row) => row.slice());
  const coefficients = new Array<number>(taskCount).fill(0);
  let adjustments = 0;
  drawProjectionOrder(taskCount, random).forEach((order, i) => {
    const a = gramian.map((_, j) => (j === i ? 1 : 0));
    for (const j of order) {
      const vectorNorm = Math.sqrt(Math.max(quadForm(gramian, a), 0));
      const otherNorm = Math.sqrt(Math.max(gramian[j][j], 0));
      if (!(vectorNorm > 0 && otherNorm > 0)) continue;
      const rho = dot(a, gramian[j]) / (vectorNorm * otherNorm);
      const target = targets[i][j];
      const targetSine = Math.sqrt(Math.max(1 - target * target, 0));
      const adjust = rho < target && targetSine > 0;
      if (adjust) {
        const rhoSine = Math.sqrt(Math.max(1 - rho * rho, 0));
        a[j] += (vectorNorm * (target * rhoSine - rho * targetSine)) / (otherNorm * targetSine);
        adjustments += 1;
      }
      if (adjust || targetUpdate === 'everyPair') targets[i][j] = (1 - beta) * target + beta * rho;
    }
    a.forEach((value, j) => (coefficients[j] += value));
  });
  return { coefficients, state: { targets }, adjustments };
}

/** The cosine between the adjusted vector Σ_j a_j g_j and g_j: a test helper for the target property. */
export function cosineWith(gramian: Gramian, a: readonly number[], j: number): number {
  return matVec(gramian, a)[j] / Math.sqrt(quadForm(gramian, a) * gramian[j][j]);
}

const TARGET_UPDATES = ['everyPair', 'whenAdjusted'] as const;

export const gradVacDefinition = defineCoefficientStrategy({
  name: 'gradVac',
  label: 'GradVac',
  summary: 'Like PCGrad, but lifts each pair’s cosine to an EMA target instead of to 0.',
  hyper: {
    fields: { beta: { kind: 'number', min: 0, max: 1 }, targetUpdate: { kind: 'choice', values: TARGET_UPDATES }, seed: SEED_RULE },
    defaults: () => ({ beta: 0.01, targetUpdate: 'everyPair', seed: 0 }),
  },
  heads: 'unit',
  usesGradients: true,
  rule: (hyper) => {
    const options = { beta: numberOf(hyper, 'beta'), targetUpdate: choiceOf(hyper, 'targetUpdate', TARGET_UPDATES) };
    const seed = numberOf(hyper, 'seed');
    return {
      hyper: { ...options, seed },
      start: (taskCount) => ({ random: createRandom(seed), vaccine: initialGradVacState(taskCount) }),
      step: ({ sharedGramian }, { random, vaccine }) => {
        const result = gradVacStep(sharedGramian, vaccine, random, options);
        return { coefficients: result.coefficients, state: { random, vaccine: result.state } };
      },
      snapshot: ({ vaccine }) => ({ targets: vaccine.targets.flat() }),
    };
  },
});
