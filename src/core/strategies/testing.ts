/** Builders of step observations for strategy tests (and for widgets that drive a strategy by hand). */
import { gramianFromVectors } from '../gramian';
import type { StepObservation } from './strategy';

/** An observation from per-task losses and shared-gradient norms (orthogonal gradients unless a cosine is given). */
export function observationFromNorms(
  step: number,
  losses: readonly number[],
  norms: readonly number[],
  options: { cosine?: number; lastLayerNorms?: readonly number[] } = {},
): StepObservation {
  const cosine = options.cosine ?? 0;
  const sharedGramian = norms.map((a, i) => norms.map((b, j) => (i === j ? a * a : a * b * cosine)));
  return { step, losses, sharedGramian, lastLayerNorms: options.lastLayerNorms ?? norms };
}

/** An observation whose Gramian comes from explicit shared-gradient vectors. */
export function observationFromVectors(
  step: number,
  losses: readonly number[],
  vectors: readonly (readonly number[])[],
  lastLayerNorms?: readonly number[],
): StepObservation {
  const sharedGramian = gramianFromVectors(vectors);
  return { step, losses, sharedGramian, lastLayerNorms: lastLayerNorms ?? sharedGramian.map((row, k) => Math.sqrt(row[k])) };
}
