/**
 * The network's optimiser, written out by hand so that it follows PyTorch's formulas exactly.
 * tfjs's own Adam keeps β^t in a float32 variable that it multiplies every step (rounding drifts)
 * and defaults ε to 1e-7; here the bias corrections are computed in double precision on the host,
 * as torch.optim.Adam (single-tensor path) does:
 *   m ← β1·m + (1 − β1)·d,  v ← β2·v + (1 − β2)·d²,
 *   θ ← θ − (lr / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε).
 */
import * as tf from '@tensorflow/tfjs-core';
import { learningRateAt, type OptimiserConfig } from '../optimiser-config';
import { ADAM_STEP, hasWasmAdam, type AdamStepAttrs } from '../wasm-adam';

/** Applies update directions to a fixed list of variables; owns its moment tensors. */
export interface NetworkOptimiser {
  readonly config: OptimiserConfig;
  /** Updates applied so far (Adam's t). */
  readonly updateCount: number;
  /**
   * Treat `direction` as the gradient of all variables, flattened and concatenated in their order
   * (see {@link flattenDirections}), and take one step. The caller keeps and disposes `direction`.
   */
  apply(direction: tf.Tensor1D): void;
  /** Release the moment tensors. */
  dispose(): void;
}

/** Per-variable directions as the one flat vector {@link NetworkOptimiser.apply} takes (caller tidies). */
export function flattenDirections(directions: readonly tf.Tensor[]): tf.Tensor1D {
  // A reshape is a kernel dispatch even when it changes nothing, so rank-1 tensors skip it.
  const flat = directions.map((d) => (d.rank === 1 ? d : tf.reshape(d, [-1])));
  return (flat.length === 1 ? flat[0] : tf.concat(flat)) as tf.Tensor1D;
}

/** θ_i ← θ_i − update_i for every variable, `update` being flat over all of them (caller tidies). */
function subtractFlat(variables: readonly tf.Variable[], update: tf.Tensor): void {
  const pieces = variables.length === 1 ? [update] : tf.split(update, variables.map((variable) => variable.size));
  variables.forEach((variable, i) => {
    const piece = variable.rank === 1 ? pieces[i] : tf.reshape(pieces[i], variable.shape);
    variable.assign(tf.sub(variable, piece));
  });
}

function createSgd(config: OptimiserConfig, variables: readonly tf.Variable[]): NetworkOptimiser {
  let updateCount = 0;
  return {
    config,
    get updateCount() {
      return updateCount;
    },
    apply: (direction) => {
      const rate = learningRateAt(config, updateCount + 1);
      tf.tidy(() => subtractFlat(variables, tf.mul(direction, tf.scalar(rate))));
      updateCount += 1;
    },
    dispose: () => undefined,
  };
}

/**
 * Adam over all variables at once: the moments live in two flat `[P]` variables and the direction
 * arrives flat, so one step is ~12 elementwise kernels for the whole network instead of 13 per
 * variable, and one kernel on wasm (wasm-adam.ts). Every element sees the same float32 operations in the same order as before, so the
 * result is unchanged bit for bit (the PyTorch fixtures check it).
 */
function createAdam(
  config: Extract<OptimiserConfig, { kind: 'adam' }>,
  variables: readonly tf.Variable[],
): NetworkOptimiser {
  const total = variables.map((variable) => variable.size).reduce((sum, size) => sum + size, 0);
  const firstMoment = tf.tidy(() => tf.variable(tf.zeros([total]), false));
  const secondMoment = tf.tidy(() => tf.variable(tf.zeros([total]), false));
  // The constant factors are uploaded once: every tf.scalar is a tensor allocation and an upload.
  const constants = {
    beta1: tf.scalar(config.beta1),
    oneMinusBeta1: tf.scalar(1 - config.beta1),
    beta2: tf.scalar(config.beta2),
    oneMinusBeta2: tf.scalar(1 - config.beta2),
    epsilon: tf.scalar(config.epsilon),
  };
  /** The same arithmetic as the wasm kernel, one tfjs kernel per operation (every other backend). */
  const adamWithKernels = (direction: tf.Tensor1D, secondCorrectionRoot: number, stepSize: number): tf.Tensor[] => {
    const m = tf.add(tf.mul(firstMoment, constants.beta1), tf.mul(direction, constants.oneMinusBeta1));
    const v = tf.add(tf.mul(secondMoment, constants.beta2), tf.mul(tf.mul(direction, direction), constants.oneMinusBeta2));
    const denominator = tf.add(tf.div(tf.sqrt(v), tf.scalar(secondCorrectionRoot)), constants.epsilon);
    return [m, v, tf.mul(tf.div(m, denominator), tf.scalar(stepSize))];
  };
  let updateCount = 0;
  return {
    config,
    get updateCount() {
      return updateCount;
    },
    apply: (direction) => {
      const t = updateCount + 1;
      // Host doubles, like PyTorch's Python-float bias corrections.
      const stepSize = learningRateAt(config, t) / (1 - config.beta1 ** t);
      const secondCorrectionRoot = Math.sqrt(1 - config.beta2 ** t);
      tf.tidy(() => {
        const [m, v, update] = hasWasmAdam()
          ? (tf.engine().runKernel(ADAM_STEP, { direction, firstMoment, secondMoment }, { ...adamFactors(config, secondCorrectionRoot, stepSize) }) as tf.Tensor[])
          : adamWithKernels(direction, secondCorrectionRoot, stepSize);
        subtractFlat(variables, update);
        firstMoment.assign(m);
        secondMoment.assign(v);
      });
      updateCount = t;
    },
    dispose: () => {
      firstMoment.dispose();
      secondMoment.dispose();
      tf.dispose(Object.values(constants));
    },
  };
}

/** The factors the wasm kernel takes, as the float32 scalars {@link createAdam} uploads. */
function adamFactors(config: Extract<OptimiserConfig, { kind: 'adam' }>, secondCorrectionRoot: number, stepSize: number): AdamStepAttrs {
  return { beta1: config.beta1, oneMinusBeta1: 1 - config.beta1, beta2: config.beta2, oneMinusBeta2: 1 - config.beta2, epsilon: config.epsilon, secondCorrectionRoot, stepSize };
}

/** A fresh optimiser for `variables` (fixed order) with zeroed state; the trainer owns and disposes it. */
export function createNetworkOptimiser(config: OptimiserConfig, variables: readonly tf.Variable[]): NetworkOptimiser {
  return config.kind === 'adam' ? createAdam(config, variables) : createSgd(config, variables);
}
