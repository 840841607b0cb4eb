/**
 * DualProj (Quinton & Rey 2024): project the mean gradient ḡ (or a weighted sum) onto the dual cone
 * of the task gradients: the closest update to ḡ that conflicts with no task. Unlike UPGrad it
 * projects once, after averaging.
 */
import { projectOntoDualCone } from './dual-cone';
import { toRows, uniform, type GramianInput } from './matrix';

export interface DualProjResult {
  readonly coefficients: number[];
  readonly converged: boolean;
}

export function dualProjCoefficients(input: GramianInput, weights?: readonly number[]): DualProjResult {
  const gramian = toRows(input);
  const { coefficients, converged } = projectOntoDualCone(gramian, weights ?? uniform(gramian.length));
  return { coefficients, converged };
}
