/**
 * The strategy variants the PyTorch fixtures cover. make-scenarios.ts turns each into a scenario
 * file; the fixture comparison test reads the same list to know which files must exist.
 */
import { DEFAULT_ADAM, type OptimiserConfig } from '../src/core/optimiser-config';
import type { StrategySpec } from '../src/core/strategies';

export const REFERENCE_MODEL = Object.freeze({
  inputSize: 14,
  hidden: [32, 32],
  activation: 'relu',
  headSizes: [1, 3],
});

export interface ScenarioVariant {
  readonly name: string;
  readonly strategy: StrategySpec;
  readonly optimiser: OptimiserConfig;
  readonly steps: number;
}

/** 240 steps: long enough for GABA's default 100-step warm-up and 12 DWA blocks of 20. */
const STEPS = 240;

/**
 * SGD's learning rate for the one SGD scenario. Measured with the reference on the toy pool: 3e-4
 * brings the RUL loss from 9,720 to ≈ 504 in 240 steps while the health loss still moves
 * (1.04 → 0.99), so the trajectory exercises real updates without diverging.
 */
const SGD_LEARNING_RATE = 3e-4;

export function scenarioVariants(): ScenarioVariant[] {
  const adam = (name: string, strategy: ScenarioVariant['strategy']): ScenarioVariant => ({
    name,
    strategy,
    optimiser: DEFAULT_ADAM,
    steps: STEPS,
  });
  return [
    adam('fixed', { name: 'fixed', hyper: { weights: [0.5, 0.5] } }),
    { name: 'fixed-sgd', strategy: { name: 'fixed', hyper: { weights: [0.75, 0.25] } }, optimiser: { kind: 'sgd', learningRate: SGD_LEARNING_RATE }, steps: STEPS },
    adam('amnl', { name: 'amnl' }),
    adam('amnl-normalised', { name: 'amnlNormalised' }),
    adam('uncertainty-paper', { name: 'uncertainty', hyper: { form: 'paper' } }),
    adam('uncertainty-libmtl', { name: 'uncertainty', hyper: { form: 'libmtl' } }),
    adam('gradnorm', { name: 'gradnorm' }),
    adam('dwa', { name: 'dwa', hyper: { blockSize: 20 } }),
    adam('pcgrad', { name: 'pcgrad', hyper: { seed: 7 } }),
    adam('gaba', { name: 'gaba' }),
    adam('gaba-warmup20', { name: 'gaba', hyper: { warmupSteps: 20 } }),
    adam('gaba-inverse-norm', { name: 'gabaInverseNorm', hyper: { warmupSteps: 20 } }),
    adam('grace', { name: 'grace', hyper: { warmupSteps: 20 } }),
    // The Gramian family (docs/gramian-methods.md), each with its defaults; seeded ones on seed 7.
    adam('mgda', { name: 'mgda' }),
    adam('imtl-g', { name: 'imtlG' }),
    adam('cagrad', { name: 'cagrad' }),
    adam('nash-mtl', { name: 'nashMtl' }),
    adam('fairgrad', { name: 'fairGrad' }),
    adam('aligned-mtl', { name: 'alignedMtl' }),
    adam('upgrad', { name: 'upgrad' }),
    adam('dualproj', { name: 'dualProj' }),
    adam('gradvac', { name: 'gradVac', hyper: { seed: 7 } }),
    adam('rlw', { name: 'rlw', hyper: { seed: 7 } }),
    adam('famo-next-batch', { name: 'famoNextBatch' }),
    adam('gls', { name: 'gls' }),
    adam('stch', { name: 'stch' }),
  ];
}
