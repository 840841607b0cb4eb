/** Random gradient systems for the Gramian-family tests. */
import { gramianFromVectors } from '../../gramian';
import { createRandom } from '../../random';
import { matVec } from './matrix';

/** K random Gaussian vectors of length `dimension` from `seed`. */
export function randomVectors(seed: number, taskCount: number, dimension: number): number[][] {
  const random = createRandom(seed);
  return Array.from({ length: taskCount }, () => Array.from({ length: dimension }, () => random.normal()));
}

export function randomGramian(seed: number, taskCount: number, dimension = taskCount + 2): number[][] {
  return gramianFromVectors(randomVectors(seed, taskCount, dimension));
}

/** g_kᵀd for d = Σ_j c_j g_j: (Gc)_k. */
export function innerProducts(gramian: readonly (readonly number[])[], c: readonly number[]): number[] {
  return matVec(gramian, c);
}
