/**
 * Aligned-MTL (Senushkin et al., CVPR 2023): with G = VΛVᵀ, the alignment B = √λ_min · V Λ^(−1/2) Vᵀ
 * maps the gradient system J to BJ, whose Gramian B G Bᵀ = λ_min·I (condition number 1: every
 * singular value equals the smallest). The update is the weighted sum of the aligned gradients,
 * c = Bᵀw = Bw with task weights w = 1/K.
 *
 * Eigenvalues below K·ε·λ_max count as zero, as in the paper's pseudo-inverse (rank-deficient G):
 * the alignment then acts on the span of the others and λ_min is the smallest non-zero eigenvalue.
 * LibMTL sums the aligned gradients (w = 1, K times our update); TorchJD's AlignedMTL uses the mean.
 */
import { symmetricEigen } from './jacobi-eigen';
import { toRows, uniform, type GramianInput } from './matrix';
import { defineCoefficientStrategy, NO_STATE } from './coefficient-strategy';
import { NO_HYPER } from '../hyper-schema';

export interface AlignedMtlResult {
  readonly coefficients: number[];
  /** B, so that the aligned gradients are the rows of BJ. */
  readonly alignment: number[][];
  /** The eigenvalues of G, descending, and how many count as non-zero. */
  readonly eigenvalues: number[];
  readonly rank: number;
  readonly sweeps: number;
}

export function alignedMtlCoefficients(input: GramianInput, weights?: readonly number[]): AlignedMtlResult {
  const gramian = toRows(input);
  const taskCount = gramian.length;
  const w = weights ?? uniform(taskCount);
  const { values, vectors, sweeps } = symmetricEigen(gramian);
  const threshold = Math.max(values[0], 0) * taskCount * Number.EPSILON;
  const rank = values.filter((v) => v > threshold).length;
  if (rank === 0) {
    return { coefficients: new Array<number>(taskCount).fill(0), alignment: gramian.map((row) => row.map(() => 0)), eigenvalues: values, rank, sweeps };
  }
  const smallest = values[rank - 1];
  const alignment = gramian.map((_, i) =>
    gramian.map((__, j) => {
      let sum = 0;
      for (let k = 0; k < rank; k += 1) sum += (vectors[i][k] * vectors[j][k]) / Math.sqrt(values[k]);
      return Math.sqrt(smallest) * sum;
    }),
  );
  const coefficients = alignment.map((row) => row.reduce((s, b, j) => s + b * w[j], 0));
  return { coefficients, alignment, eigenvalues: values, rank, sweeps };
}

export const alignedMtlDefinition = defineCoefficientStrategy({
  name: 'alignedMtl',
  label: 'Aligned-MTL',
  summary: 'Rescales the task gradients’ principal directions to equal length (condition number 1), then averages.',
  hyper: NO_HYPER,
  heads: 'unit',
  usesGradients: true,
  rule: () => ({ hyper: {}, start: NO_STATE, step: ({ sharedGramian }) => ({ coefficients: alignedMtlCoefficients(sharedGramian).coefficients, state: null }) }),
});
