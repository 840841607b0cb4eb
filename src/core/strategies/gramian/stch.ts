/**
 * STCH (Lin et al., ICML 2024, smooth Tchebycheff scalarisation): minimise
 *   μ·log Σ_k exp(ℓ_k/μ)·K,  ℓ_k = log(L_k / N_k + 1e-20),
 * a smooth stand-in for max_k ℓ_k that pushes the currently worst task hardest. N is a nadir (reference)
 * loss vector: the mean loss over the warm-up steps; during warm-up the objective is Σ_k log L_k.
 * Coefficients: warm-up c_k = 1/L_k; after it c_k = K·softmax(ℓ/μ)_k / (L_k + 1e-20·N_k).
 *
 * This follows the authors' multi-task code as LibMTL ports it (log losses over a nadir from a
 * warm-up); the paper's general form is softmax((L_k − z*_k)/μ) on raw losses. LibMTL counts the
 * warm-up in epochs and averages only the last warm-up epoch; with streaming data we count steps
 * and average all warm-up steps. μ = 1 and 100 warm-up steps are our defaults.
 */
import { softmax } from './matrix';
import { checkPositiveLosses, normalised, type LossWeightingResult } from './weighting-result';
import { defineCoefficientStrategy } from './coefficient-strategy';
import { numberOf } from '../hyper-schema';

export interface StchOptions {
  readonly mu?: number;
  readonly warmupSteps?: number;
}

export interface StchState {
  /** Steps taken so far. */
  readonly step: number;
  /** Sum of the warm-up losses, per task. */
  readonly warmupLossSum: readonly number[];
  /** Fixed at the first step after the warm-up (the first step's losses when there is none). */
  readonly nadir: readonly number[] | null;
}

export function initialStchState(taskCount: number): StchState {
  return { step: 0, warmupLossSum: new Array<number>(taskCount).fill(0), nadir: null };
}

export function stchStep(
  state: StchState,
  losses: readonly number[],
  options: StchOptions = {},
): LossWeightingResult & { readonly state: StchState; readonly inWarmup: boolean } {
  const { mu = 1, warmupSteps = 100 } = options;
  if (!(mu > 0)) throw new Error(`STCH's μ must be positive, got ${mu}`);
  checkPositiveLosses(losses, 'STCH');
  const step = state.step + 1;
  if (step <= warmupSteps) {
    const coefficients = losses.map((loss) => 1 / loss);
    const warmupLossSum = state.warmupLossSum.map((sum, k) => sum + losses[k]);
    return { coefficients, weights: normalised(coefficients), state: { step, warmupLossSum, nadir: null }, inWarmup: true };
  }
  const count = Math.max(warmupSteps, 0);
  const nadir = state.nadir ?? (count > 0 ? state.warmupLossSum.map((sum) => sum / count) : losses.slice());
  const logRatios = losses.map((loss, k) => Math.log(loss / nadir[k] + 1e-20));
  const shares = softmax(logRatios.map((l) => l / mu));
  const taskCount = losses.length;
  const coefficients = shares.map((share, k) => (taskCount * share) / (losses[k] + 1e-20 * nadir[k]));
  return { coefficients, weights: shares, state: { step, warmupLossSum: state.warmupLossSum.slice(), nadir }, inWarmup: false };
}

export const stchDefinition = defineCoefficientStrategy({
  name: 'stch',
  label: 'STCH',
  summary: 'Smooth Tchebycheff: after a warm-up that fixes a nadir, pushes hardest on the task furthest above it.',
  hyper: {
    fields: { mu: { kind: 'number', min: 0, minOpen: true }, warmupSteps: { kind: 'number', integer: true, min: 0 } },
    defaults: () => ({ mu: 1, warmupSteps: 100 }),
  },
  heads: 'coefficients',
  usesGradients: false,
  rule: (hyper) => {
    const options = { mu: numberOf(hyper, 'mu'), warmupSteps: numberOf(hyper, 'warmupSteps') };
    return {
      hyper: options,
      start: (taskCount): StchState => initialStchState(taskCount),
      step: ({ losses }, state) => stchStep(state, losses, options),
      snapshot: (state) => ({ step: state.step, nadir: state.nadir ?? [] }),
    };
  },
});
