/**
 * GLS (Chennupati et al., CVPRW 2019, geometric loss strategy): minimise the geometric mean of the
 * losses (Π_k L_k)^(1/K). Its gradient is Σ_k c_k ∇L_k with c_k = (Π L)^(1/K) / (K·L_k), exactly
 * what LibMTL's autograd applies; ../shared/docs/algorithms.md writes c_k ∝ 1/(K·L_k), the same
 * direction without the geometric-mean factor, which `weights` (normalised to sum 1) shows.
 */
import { checkPositiveLosses, normalised, type LossWeightingResult } from './weighting-result';
import { defineCoefficientStrategy, NO_STATE } from './coefficient-strategy';
import { NO_HYPER } from '../hyper-schema';

export function glsCoefficients(losses: readonly number[]): LossWeightingResult & { readonly geometricMean: number } {
  checkPositiveLosses(losses, 'GLS');
  const taskCount = losses.length;
  // The product of many small losses underflows; the mean of the logs does not.
  const geometricMean = Math.exp(losses.reduce((s, loss) => s + Math.log(loss), 0) / taskCount);
  const coefficients = losses.map((loss) => geometricMean / (taskCount * loss));
  return { coefficients, weights: normalised(coefficients), geometricMean };
}

export const glsDefinition = defineCoefficientStrategy({
  name: 'gls',
  label: 'GLS',
  summary: 'Minimises the geometric mean of the losses: c_k ∝ 1/L_k, scaled by the mean itself.',
  hyper: NO_HYPER,
  heads: 'coefficients',
  usesGradients: false,
  rule: () => ({
    hyper: {},
    start: NO_STATE,
    step: ({ losses }) => {
      const { coefficients, weights } = glsCoefficients(losses);
      return { coefficients, weights, state: null };
    },
  }),
});
