/**
 * RLW (Lin et al., TMLR 2022, random loss weighting): c = softmax(z), z ~ N(0, I) drawn afresh at
 * every step from the seeded stream (z_0 first), as LibMTL does; the paper also studies other
 * sampling distributions. No Gramian, no losses.
 */
import type { RandomSource } from '../../random';
import { softmax } from './matrix';
import type { LossWeightingResult } from './weighting-result';

export function rlwCoefficients(taskCount: number, random: RandomSource): LossWeightingResult & { readonly draws: number[] } {
  const draws = Array.from({ length: taskCount }, () => random.normal());
  const weights = softmax(draws);
  return { coefficients: weights, weights: weights.slice(), draws };
}
