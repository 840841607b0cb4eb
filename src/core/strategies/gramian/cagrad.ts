/**
 * CAGrad (Liu et al., NeurIPS 2021): the update d that maximises the worst task improvement
 * min_k g_kᵀd inside the ball ‖d − ḡ‖ ≤ r around the mean gradient ḡ, r = κ‖ḡ‖ (κ = 0.4 here; the
 * paper tunes it). Its dual is min_{w ∈ Δ} f(w) = aᵀw + r‖g_w‖ with a = Gu (u = 1/K: aᵀw = ḡᵀg_w) and
 * ‖g_w‖ = √(wᵀGw); then d = ḡ + (r/‖g_w‖)·g_w, i.e. c = u + (r/‖g_w‖)·w.
 *
 * Solver: √s = min_{t>0} (s/t + t)/2 turns f into a jointly convex function of (w, t); alternating
 * minimisation fixes t, solves the simplex QP min aᵀw + (r/2t)wᵀGw exactly, and sets t = ‖g_w‖. It
 * stops when t changes by < 1e-13 relative (2–25 rounds on the reference fixture, K ≤ 5).
 *
 * LibMTL divides d by 1 + κ² (its `rescale = 1`, the default there, with κ = 0.5); TorchJD's CAGrad
 * does not rescale. `rescale: 'libmtl'` reproduces the former.
 */
import { solveActiveSetQp } from './active-set-qp';
import { diagonalScale, matVec, quadForm, toRows, uniform, type GramianInput } from './matrix';
import { defineCoefficientStrategy, NO_STATE } from './coefficient-strategy';
import { choiceOf, numberOf } from '../hyper-schema';

export interface CagradOptions {
  /** Radius of the ball relative to ‖ḡ‖. */
  readonly kappa?: number;
  readonly rescale?: 'none' | 'libmtl';
  readonly maxRounds?: number;
}

export interface CagradResult {
  readonly coefficients: number[];
  /** The dual solution w ∈ Δ. */
  readonly dualWeights: number[];
  /** min_k g_kᵀd, the worst improvement the update guarantees (before any rescale). */
  readonly worstImprovement: number;
  readonly rounds: number;
  readonly converged: boolean;
}

export function cagradCoefficients(input: GramianInput, options: CagradOptions = {}): CagradResult {
  const { kappa = 0.4, rescale = 'none', maxRounds = 500 } = options;
  if (!(kappa >= 0)) throw new Error(`CAGrad's κ must be non-negative, got ${kappa}`);
  const gramian = toRows(input);
  const mean = uniform(gramian.length);
  const a = matVec(gramian, mean);
  const meanNorm = Math.sqrt(Math.max(quadForm(gramian, mean), 0));
  const radius = kappa * meanNorm;
  const floor = 1e-150 + 1e-15 * Math.sqrt(diagonalScale(gramian));
  let w = mean;
  let t = Math.max(meanNorm, floor);
  let rounds = 0;
  let converged = radius === 0;
  while (!converged && rounds < maxRounds) {
    rounds += 1;
    const q = gramian.map((row) => row.map((v) => (v * radius) / t));
    w = solveActiveSetQp(q, a, 'simplex').x;
    const next = Math.max(Math.sqrt(Math.max(quadForm(gramian, w), 0)), floor);
    converged = Math.abs(next - t) <= 1e-13 * Math.max(t, next);
    t = next;
  }
  // ‖g_w‖ at the floor: g_w vanishes and the ball's pull has no direction; d = ḡ.
  const pull = radius > 0 && t > floor ? radius / t : 0;
  const unscaled = mean.map((m, k) => m + pull * w[k]);
  const worstImprovement = Math.min(...matVec(gramian, unscaled));
  const divisor = rescale === 'libmtl' ? 1 + kappa * kappa : 1;
  return { coefficients: unscaled.map((c) => c / divisor), dualWeights: w, worstImprovement, rounds, converged };
}

const RESCALES = ['none', 'libmtl'] as const;

export const cagradDefinition = defineCoefficientStrategy({
  name: 'cagrad',
  label: 'CAGrad',
  summary: 'The update within κ‖ḡ‖ of the mean gradient that most improves the worst task.',
  hyper: {
    fields: { kappa: { kind: 'number', min: 0 }, rescale: { kind: 'choice', values: RESCALES } },
    defaults: () => ({ kappa: 0.4, rescale: 'none' }),
  },
  heads: 'unit',
  usesGradients: true,
  rule: (hyper) => {
    const options = { kappa: numberOf(hyper, 'kappa'), rescale: choiceOf(hyper, 'rescale', RESCALES) };
    return {
      hyper: options,
      start: NO_STATE,
      step: ({ sharedGramian }) => ({ coefficients: cagradCoefficients(sharedGramian, options).coefficients, state: null }),
    };
  },
});
