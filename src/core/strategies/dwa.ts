/**
 * Dynamic Weight Average (Liu, Johns, Davison 2019) on blocks of steps instead of epochs:
 * w_k = K·softmax_k(r_k / T), r_k = L̄_k(b−1) / L̄_k(b−2); w = 1 during the first two blocks.
 */
import { checkObservation, taskLossesFor } from './common';
import type { StepPlan, WeightingStrategy } from './strategy';
import { defineStrategy } from './definition';
import { numberOf } from './hyper-schema';

export type DwaHyper = { readonly temperature: number; readonly blockSize: number };

/** K·softmax(r/T) of the descent rates of the two previous blocks; a zero mean loss counts as rate 1. */
export function dwaWeights(previous: readonly number[], beforePrevious: readonly number[], temperature: number): number[] {
  const scaled = previous.map((mean, k) => (beforePrevious[k] > 0 ? mean / beforePrevious[k] : 1) / temperature);
  const largest = Math.max(...scaled);
  const exponentials = scaled.map((v) => Math.exp(v - largest));
  const total = exponentials.reduce((acc, e) => acc + e, 0);
  return exponentials.map((e) => (previous.length * e) / total);
}

/** Mean losses of completed blocks, by block index; only the two latest are kept. */
interface BlockHistory {
  block: number;
  sums: number[];
  count: number;
  means: Map<number, number[]>;
}

function emptyHistory(taskCount: number): BlockHistory {
  return { block: 0, sums: new Array<number>(taskCount).fill(0), count: 0, means: new Map() };
}

/** Close the running block when a step from a later block arrives. */
function advanceTo(history: BlockHistory, block: number): void {
  if (block === history.block) return;
  if (history.count > 0) history.means.set(history.block, history.sums.map((s) => s / history.count));
  for (const key of [...history.means.keys()]) if (key < block - 2) history.means.delete(key);
  history.block = block;
  history.sums = history.sums.map(() => 0);
  history.count = 0;
}

export function createDwaStrategy(hyper: DwaHyper, taskCount: number): WeightingStrategy<DwaHyper> {
  let history = emptyHistory(taskCount);
  let lastStep = 0;
  const weightsForBlock = (block: number): number[] => {
    const previous = history.means.get(block - 1);
    const beforePrevious = history.means.get(block - 2);
    if (block < 2 || !previous || !beforePrevious) return new Array<number>(taskCount).fill(1);
    return dwaWeights(previous, beforePrevious, hyper.temperature);
  };
  const blockOf = (step: number): number => Math.floor((step - 1) / hyper.blockSize);
  return {
    name: 'dwa',
    label: 'DWA',
    taskCount,
    hyper: { temperature: hyper.temperature, blockSize: hyper.blockSize },
    taskLosses: taskLossesFor(taskCount, 'mse'),
    usesGradients: false,
    plan(observation): StepPlan {
      checkObservation(observation, taskCount, false);
      const block = blockOf(observation.step);
      advanceTo(history, block);
      const weights = weightsForBlock(block);
      // This step's losses belong to the running block; they only shape weights two blocks later.
      history.sums = history.sums.map((s, k) => s + observation.losses[k]);
      history.count += 1;
      lastStep = observation.step;
      return { sharedCoefficients: weights, headCoefficients: weights.slice(), weights: weights.map((w) => w / taskCount) };
    },
    currentWeights() {
      // Peek at the next step's block without disturbing the running sums.
      const nextBlock = blockOf(lastStep + 1);
      const saved = { ...history, sums: history.sums.slice(), means: new Map(history.means) };
      advanceTo(history, nextBlock);
      const weights = weightsForBlock(nextBlock);
      history = saved;
      return weights.map((w) => w / taskCount);
    },
    snapshot() {
      const previous = history.means.get(history.block - 1);
      const beforePrevious = history.means.get(history.block - 2);
      return {
        step: lastStep,
        block: history.block,
        stepsInBlock: history.count,
        previousBlockMeans: previous ? previous.slice() : [],
        blockBeforeMeans: beforePrevious ? beforePrevious.slice() : [],
      };
    },
    reset() {
      history = emptyHistory(taskCount);
      lastStep = 0;
    },
  };
}

export const dwaDefinition = defineStrategy({
  name: 'dwa',
  label: 'DWA',
  summary: 'Weights from how fast each loss fell over the previous blocks of steps, through a softmax.',
  hyper: {
    fields: { temperature: { kind: 'number', min: 0, minOpen: true }, blockSize: { kind: 'number', integer: true, min: 1 } },
    defaults: () => ({ temperature: 2, blockSize: 50 }),
  },
  kind: 'adaptive',
  create: (hyper, { taskCount }) =>
    createDwaStrategy({ temperature: numberOf(hyper, 'temperature'), blockSize: numberOf(hyper, 'blockSize') }, taskCount),
});
