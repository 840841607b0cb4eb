/**
 * DualProj (Quinton & Rey 2024): project the mean gradient ḡ (or a weighted sum) onto the dual cone
 * of the task gradients: the closest update to ḡ that conflicts with no task. Unlike UPGrad it
 * projects once, after averaging.
 */
import { projectOntoDualCone } from './dual-cone';
import { toRows, uniform, type GramianInput } from './matrix';
import { defineCoefficientStrategy, NO_STATE } from './coefficient-strategy';
import { NO_HYPER } from '../hyper-schema';

export interface DualProjResult {
  readonly coefficients: number[];
  readonly converged: boolean;
}

export function dualProjCoefficients(input: GramianInput, weights?: readonly number[]): DualProjResult {
  const gramian = toRows(input);
  const { coefficients, converged } = projectOntoDualCone(gramian, weights ?? uniform(gramian.length));
  return { coefficients, converged };
}

export const dualProjDefinition = defineCoefficientStrategy({
  name: 'dualProj',
  label: 'DualProj',
  summary: 'Projects the mean gradient onto the cone of directions no task opposes.',
  hyper: NO_HYPER,
  heads: 'unit',
  usesGradients: true,
  rule: () => ({ hyper: {}, start: NO_STATE, step: ({ sharedGramian }) => ({ coefficients: dualProjCoefficients(sharedGramian).coefficients, state: null }) }),
});
