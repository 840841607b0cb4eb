/**
 * A host-side optimiser for a handful of learnable scalars (Uncertainty's log-variances, GradNorm's
 * weights). It mirrors the trainer's optimiser formula for formula, so a strategy's scalars move
 * exactly as they would if they were PyTorch parameters in the same torch.optim optimiser.
 */
import type { OptimiserConfig } from '../optimiser-config';

/** Owns the moment state for one fixed-size parameter vector. */
export interface ScalarOptimiser {
  readonly config: OptimiserConfig;
  /** Returns the parameters after one step along −gradient; the inputs are not modified. */
  step(parameters: readonly number[], gradient: readonly number[]): number[];
  /** Forget the moments and the step count. */
  reset(): void;
  /** Step count and moments, for display and tests. */
  snapshot(): { step: number; firstMoment: number[]; secondMoment: number[] };
}

/** Adam (bias-corrected, θ ← θ − lr·m̂/(√v̂ + ε), PyTorch's form) or plain SGD, for `size` scalars. */
export function createScalarOptimiser(config: OptimiserConfig, size: number): ScalarOptimiser {
  let stepCount = 0;
  let firstMoment = new Array<number>(size).fill(0);
  let secondMoment = new Array<number>(size).fill(0);

  const adamStep = (parameters: readonly number[], gradient: readonly number[]): number[] => {
    if (config.kind !== 'adam') throw new Error('unreachable: adamStep on a non-Adam config');
    const { learningRate, beta1, beta2, epsilon } = config;
    stepCount += 1;
    firstMoment = firstMoment.map((m, i) => beta1 * m + (1 - beta1) * gradient[i]);
    secondMoment = secondMoment.map((v, i) => beta2 * v + (1 - beta2) * gradient[i] * gradient[i]);
    const firstCorrection = 1 - beta1 ** stepCount;
    const secondCorrection = 1 - beta2 ** stepCount;
    return parameters.map((theta, i) => {
      const mHat = firstMoment[i] / firstCorrection;
      const vHat = secondMoment[i] / secondCorrection;
      return theta - (learningRate * mHat) / (Math.sqrt(vHat) + epsilon);
    });
  };

  const sgdStep = (parameters: readonly number[], gradient: readonly number[]): number[] => {
    stepCount += 1;
    return parameters.map((theta, i) => theta - config.learningRate * gradient[i]);
  };

  return {
    config,
    step(parameters, gradient) {
      if (parameters.length !== size || gradient.length !== size) {
        throw new Error(`scalar optimiser expects ${size} parameters and gradients, got ${parameters.length} and ${gradient.length}`);
      }
      return config.kind === 'adam' ? adamStep(parameters, gradient) : sgdStep(parameters, gradient);
    },
    reset() {
      stepCount = 0;
      firstMoment = new Array<number>(size).fill(0);
      secondMoment = new Array<number>(size).fill(0);
    },
    snapshot() {
      return { step: stepCount, firstMoment: firstMoment.slice(), secondMoment: secondMoment.slice() };
    },
  };
}
