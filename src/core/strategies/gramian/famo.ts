/**
 * FAMO (Liu et al., NeurIPS 2023, fast adaptive multitask optimisation): task logits ξ (start 0),
 * z = softmax(ξ), and the update is the gradient of Σ_k z_k log D_k / Σ_j (z_j/D_j) with
 * D_k = L_k − L*_k + 1e-8 (L* = 0 for our non-negative losses), i.e. c_k = (z_k/D_k) / Σ_j (z_j/D_j).
 * After the model steps, ξ takes one Adam step (lr 0.025, L2 weight decay γ = 0.001, the paper's
 * and LibMTL's defaults) along J_softmax(ξ)ᵀ δ with δ_k = log D_k(before) − log D_k(after): tasks
 * whose log-loss fell most lose weight, so all tasks improve at the same rate.
 *
 * Which losses are "after": the paper's algorithm evaluates the same batch again with the updated
 * parameters (one extra forward pass, no backward); `famoUpdate` takes them as an argument so the
 * trainer can do that, or pass the next batch's losses (free, but mixes batch noise into δ).
 *
 * The Adam step is written here rather than through scalar-optimiser.ts because FAMO needs
 * PyTorch's coupled weight decay (g ← g + γξ) and an explicit, serialisable state.
 */
import { softmax } from './matrix';
import { checkPositiveLosses, type LossWeightingResult } from './weighting-result';
import { defineCoefficientStrategy } from './coefficient-strategy';
import { numberOf } from '../hyper-schema';

export interface FamoOptions {
  readonly learningRate?: number;
  readonly weightDecay?: number;
  readonly minLosses?: readonly number[];
}

export interface FamoState {
  readonly logits: readonly number[];
  readonly adamStep: number;
  readonly firstMoment: readonly number[];
  readonly secondMoment: readonly number[];
}

const OFFSET = 1e-8;
const BETA1 = 0.9;
const BETA2 = 0.999;
const ADAM_EPSILON = 1e-8;

export function initialFamoState(taskCount: number): FamoState {
  const zeros = new Array<number>(taskCount).fill(0);
  return { logits: zeros, adamStep: 0, firstMoment: zeros, secondMoment: zeros };
}

export function famoCoefficients(state: FamoState, losses: readonly number[], options: FamoOptions = {}): LossWeightingResult {
  checkPositiveLosses(losses, 'FAMO');
  const z = softmax(state.logits);
  const ratios = gaps(losses, options).map((d, k) => z[k] / d);
  const total = ratios.reduce((s, r) => s + r, 0);
  const coefficients = ratios.map((r) => r / total);
  return { coefficients, weights: z };
}

export function famoUpdate(
  state: FamoState,
  lossesBefore: readonly number[],
  lossesAfter: readonly number[],
  options: FamoOptions = {},
): FamoState {
  checkPositiveLosses(lossesBefore, 'FAMO');
  checkPositiveLosses(lossesAfter, 'FAMO');
  const { learningRate = 0.025, weightDecay = 0.001 } = options;
  const before = gaps(lossesBefore, options);
  const after = gaps(lossesAfter, options);
  const delta = before.map((d, k) => Math.log(d) - Math.log(after[k]));
  const z = softmax(state.logits);
  const zDelta = z.reduce((s, zk, k) => s + zk * delta[k], 0);
  // J_softmaxᵀ δ = z ⊙ (δ − zᵀδ), plus the coupled L2 decay.
  const gradient = z.map((zk, k) => zk * (delta[k] - zDelta) + weightDecay * state.logits[k]);
  const adamStep = state.adamStep + 1;
  const firstMoment = state.firstMoment.map((m, k) => BETA1 * m + (1 - BETA1) * gradient[k]);
  const secondMoment = state.secondMoment.map((v, k) => BETA2 * v + (1 - BETA2) * gradient[k] ** 2);
  const firstCorrection = 1 - BETA1 ** adamStep;
  const secondCorrection = 1 - BETA2 ** adamStep;
  const logits = state.logits.map(
    (xi, k) => xi - (learningRate * (firstMoment[k] / firstCorrection)) / (Math.sqrt(secondMoment[k] / secondCorrection) + ADAM_EPSILON),
  );
  return { logits, adamStep, firstMoment, secondMoment };
}

function gaps(losses: readonly number[], options: FamoOptions): number[] {
  return losses.map((loss, k) => loss - (options.minLosses?.[k] ?? 0) + OFFSET);
}

/**
 * FAMO as a strategy, the next-batch variant: δ pairs the previous step's losses with this step's,
 * which were measured on the next batch with the updated parameters. That costs no extra forward
 * pass but mixes batch-to-batch differences into δ, so it carries its own name; the paper's same-batch
 * δ needs a second forward pass the trainer does not take (docs/step-semantics.md).
 */
export const famoNextBatchDefinition = defineCoefficientStrategy({
  name: 'famoNextBatch',
  label: 'FAMO (next batch)',
  summary: 'Learns task logits so that every log-loss falls at the same rate; δ from consecutive batches.',
  hyper: {
    fields: { learningRate: { kind: 'number', min: 0, minOpen: true }, weightDecay: { kind: 'number', min: 0 } },
    defaults: () => ({ learningRate: 0.025, weightDecay: 0.001 }),
  },
  heads: 'coefficients',
  usesGradients: false,
  rule: (hyper) => {
    const options = { learningRate: numberOf(hyper, 'learningRate'), weightDecay: numberOf(hyper, 'weightDecay') };
    return {
      hyper: options,
      start: (taskCount): { famo: FamoState; previous: readonly number[] | null } => ({ famo: initialFamoState(taskCount), previous: null }),
      step: ({ losses }, { famo, previous }) => {
        const moved = previous === null ? famo : famoUpdate(famo, previous, losses, options);
        const { coefficients, weights } = famoCoefficients(moved, losses, options);
        return { coefficients, weights, state: { famo: moved, previous: losses.slice() } };
      },
      snapshot: ({ famo }) => ({ logits: famo.logits }),
    };
  },
});
