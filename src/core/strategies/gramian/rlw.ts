/**
 * RLW (Lin et al., TMLR 2022, random loss weighting): c = softmax(z), z ~ N(0, I) drawn afresh at
 * every step from the seeded stream (z_0 first), as LibMTL does; the paper also studies other
 * sampling distributions. No Gramian, no losses.
 */
import type { RandomSource } from '../../random';
import { softmax } from './matrix';
import type { LossWeightingResult } from './weighting-result';
import { createRandom } from '../../random';
import { defineCoefficientStrategy } from './coefficient-strategy';
import { numberOf, SEED_RULE } from '../hyper-schema';

export function rlwCoefficients(taskCount: number, random: RandomSource): LossWeightingResult & { readonly draws: number[] } {
  const draws = Array.from({ length: taskCount }, () => random.normal());
  const weights = softmax(draws);
  return { coefficients: weights, weights: weights.slice(), draws };
}

export const rlwDefinition = defineCoefficientStrategy({
  name: 'rlw',
  label: 'RLW',
  summary: 'Random weights: a fresh softmax of standard normals at every step.',
  hyper: { fields: { seed: SEED_RULE }, defaults: () => ({ seed: 0 }) },
  heads: 'coefficients',
  usesGradients: false,
  rule: (hyper) => {
    const seed = numberOf(hyper, 'seed');
    return {
      hyper: { seed },
      start: (): RandomSource => createRandom(seed),
      step: ({ losses }, random) => {
        const { coefficients, weights } = rlwCoefficients(losses.length, random);
        return { coefficients, weights, state: random };
      },
    };
  },
});
