/**
 * The network's optimiser, written out by hand so that it follows PyTorch's formulas exactly.
 * tfjs's own Adam keeps β^t in a float32 variable that it multiplies every step (rounding drifts)
 * and defaults ε to 1e-7; here the bias corrections are computed in double precision on the host,
 * as torch.optim.Adam (single-tensor path) does:
 *   m ← β1·m + (1 − β1)·d,  v ← β2·v + (1 − β2)·d²,
 *   θ ← θ − (lr / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { OptimiserConfig } from '../optimiser-config';

/** Applies update directions to a fixed list of variables; owns its moment tensors. */
export interface NetworkOptimiser {
  readonly config: OptimiserConfig;
  /** Updates applied so far (Adam's t). */
  readonly updateCount: number;
  /** Treat `directions[i]` as the gradient of `variables[i]` and take one step. */
  apply(directions: readonly tf.Tensor[]): void;
  /** Release the moment tensors. */
  dispose(): void;
}

function zerosLike(variable: tf.Variable): tf.Variable {
  return tf.tidy(() => tf.variable(tf.zerosLike(variable), false));
}

function createSgd(config: OptimiserConfig, variables: readonly tf.Variable[]): NetworkOptimiser {
  let updateCount = 0;
  return {
    config,
    get updateCount() {
      return updateCount;
    },
    apply: (directions) => {
      tf.tidy(() => {
        const learningRate = tf.scalar(config.learningRate);
        variables.forEach((variable, i) => variable.assign(tf.sub(variable, tf.mul(directions[i], learningRate))));
      });
      updateCount += 1;
    },
    dispose: () => undefined,
  };
}

function createAdam(
  config: Extract<OptimiserConfig, { kind: 'adam' }>,
  variables: readonly tf.Variable[],
): NetworkOptimiser {
  const firstMoments = variables.map(zerosLike);
  const secondMoments = variables.map(zerosLike);
  let updateCount = 0;
  return {
    config,
    get updateCount() {
      return updateCount;
    },
    apply: (directions) => {
      const t = updateCount + 1;
      // Host doubles, like PyTorch's Python-float bias corrections.
      const stepSize = config.learningRate / (1 - config.beta1 ** t);
      const secondCorrectionRoot = Math.sqrt(1 - config.beta2 ** t);
      tf.tidy(() => {
        const beta1 = tf.scalar(config.beta1);
        const oneMinusBeta1 = tf.scalar(1 - config.beta1);
        const beta2 = tf.scalar(config.beta2);
        const oneMinusBeta2 = tf.scalar(1 - config.beta2);
        const epsilon = tf.scalar(config.epsilon);
        variables.forEach((variable, i) => {
          const direction = directions[i];
          const m = tf.add(tf.mul(firstMoments[i], beta1), tf.mul(direction, oneMinusBeta1));
          const v = tf.add(tf.mul(secondMoments[i], beta2), tf.mul(tf.mul(direction, direction), oneMinusBeta2));
          const denominator = tf.add(tf.div(tf.sqrt(v), tf.scalar(secondCorrectionRoot)), epsilon);
          variable.assign(tf.sub(variable, tf.mul(tf.div(m, denominator), tf.scalar(stepSize))));
          firstMoments[i].assign(m);
          secondMoments[i].assign(v);
        });
      });
      updateCount = t;
    },
    dispose: () => {
      tf.dispose(firstMoments);
      tf.dispose(secondMoments);
    },
  };
}

/** A fresh optimiser for `variables` (fixed order) with zeroed state; the trainer owns and disposes it. */
export function createNetworkOptimiser(config: OptimiserConfig, variables: readonly tf.Variable[]): NetworkOptimiser {
  return config.kind === 'adam' ? createAdam(config, variables) : createSgd(config, variables);
}
