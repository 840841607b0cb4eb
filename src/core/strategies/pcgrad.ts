/**
 * PCGrad (Yu et al. 2020) from the Gramian: each task's shared gradient has its conflicting
 * components along the other (original) gradients removed, in a seeded random order; the heads
 * keep their own task's gradient with unit weight.
 */
import { pcgradCoefficients } from '../gramian';
import { createRandom, shuffledIndices, type RandomSource } from '../random';
import { checkObservation, taskLossesFor, uniformWeights } from './common';
import type { StepPlan, WeightingStrategy } from './strategy';
import { defineStrategy } from './definition';
import { numberOf, SEED_RULE } from './hyper-schema';

export type PcgradHyper = { readonly seed: number };

/**
 * One permutation of the other tasks per task, drawn in task order: a Fisher–Yates shuffle of
 * 0..K−2 (shuffledIndices) mapped onto the other tasks in ascending order. For K = 2 it draws no
 * random numbers at all.
 */
export function drawProjectionOrder(taskCount: number, random: RandomSource): number[][] {
  const orders: number[][] = [];
  for (let k = 0; k < taskCount; k += 1) {
    const others = Array.from({ length: taskCount }, (_, j) => j).filter((j) => j !== k);
    orders.push(Array.from(shuffledIndices(others.length, random), (i) => others[i]));
  }
  return orders;
}

export function createPcgradStrategy(hyper: PcgradHyper, taskCount: number): WeightingStrategy<PcgradHyper> {
  let random = createRandom(hyper.seed);
  let step = 0;
  let totalProjections = 0;
  return {
    name: 'pcgrad',
    label: 'PCGrad',
    taskCount,
    hyper: { seed: hyper.seed },
    taskLosses: taskLossesFor(taskCount, 'mse'),
    usesGradients: true,
    plan(observation): StepPlan {
      checkObservation(observation, taskCount, true);
      const order = drawProjectionOrder(taskCount, random);
      const { coefficients, projections } = pcgradCoefficients(observation.sharedGramian, order);
      step += 1;
      totalProjections += projections;
      return {
        sharedCoefficients: coefficients,
        headCoefficients: new Array<number>(taskCount).fill(1),
        weights: uniformWeights(taskCount),
        projections,
      };
    },
    currentWeights: () => uniformWeights(taskCount),
    snapshot: () => ({ step, totalProjections }),
    reset() {
      random = createRandom(hyper.seed);
      step = 0;
      totalProjections = 0;
    },
  };
}

export const pcgradDefinition = defineStrategy({
  name: 'pcgrad',
  label: 'PCGrad',
  summary: 'Removes the part of each task gradient that conflicts with another before summing.',
  hyper: { fields: { seed: SEED_RULE }, defaults: () => ({ seed: 0 }) },
  kind: 'adaptive',
  create: (hyper, { taskCount }) => createPcgradStrategy({ seed: numberOf(hyper, 'seed') }, taskCount),
});
