/**
 * Pure-number helpers around the K×K Gramian G_ij = g_i·g_j of the per-task shared gradients.
 * Gradient methods see the gradients only through G, and the update they ask for is always a linear
 * combination Σ_k c_k g_k of the original gradients, so these helpers never touch the vectors
 * themselves (except combineVectors and gramianFromVectors, which the book's widgets use on 2-D toys).
 */

/** A symmetric K×K matrix of dot products, row-major. */
export type Gramian = readonly (readonly number[])[];

/** ‖g_k‖ = √G_kk; tiny negative diagonals from rounding count as 0. */
export function normsFromGramian(gramian: Gramian): number[] {
  return gramian.map((row, k) => Math.sqrt(Math.max(row[k], 0)));
}

/** cos(g_i, g_j) = G_ij / √(G_ii G_jj); 0 when either gradient is zero. Defaults to tasks 0 and 1. */
export function cosineFromGramian(gramian: Gramian, i = 0, j = 1): number {
  const denominator = Math.sqrt(Math.max(gramian[i][i], 0) * Math.max(gramian[j][j], 0));
  return denominator > 0 ? gramian[i][j] / denominator : 0;
}

/** G = J Jᵀ for the rows of J (the vectors). */
export function gramianFromVectors(vectors: readonly (readonly number[])[]): number[][] {
  return vectors.map((a) => vectors.map((b) => dot(a, b)));
}

/** Σ_k c_k v_k for vectors of equal length: the combined update the trainer applies. */
export function combineVectors(
  coefficients: readonly number[],
  vectors: readonly (readonly number[])[],
): number[] {
  if (coefficients.length !== vectors.length) {
    throw new Error(`combineVectors needs one coefficient per vector, got ${coefficients.length} and ${vectors.length}`);
  }
  const length = vectors.length > 0 ? vectors[0].length : 0;
  const result = new Array<number>(length).fill(0);
  vectors.forEach((vector, k) => {
    if (vector.length !== length) throw new Error('combineVectors needs vectors of equal length');
    for (let i = 0; i < length; i += 1) result[i] += coefficients[k] * vector[i];
  });
  return result;
}

/** PCGrad's result expressed in the original gradients. */
export interface PcgradCoefficients {
  /** c such that the PCGrad update is Σ_k c_k g_k. */
  readonly coefficients: number[];
  /** Per task k, a such that the projected g_k is Σ_j a_j g_j (row k). */
  readonly perTask: number[][];
  /** How many projections were made, over all tasks. */
  readonly projections: number;
}

// #region listing:pcgrad-coefficients
/**
 * PCGrad from the Gramian, general K. For task k, a starts as e_k (the projected vector is Σ_j a_j g_j);
 * for each other task j in orderForTask[k], if the projected vector conflicts with the original g_j
 * ((a·G)_j < 0), remove its component along g_j: a ← a − ((a·G)_j / G_jj)·e_j.
 */
export function pcgradCoefficients(gramian: Gramian, orderForTask: readonly (readonly number[])[]): PcgradCoefficients {
  const taskCount = gramian.length;
  const perTask: number[][] = [];
  let projections = 0;
  for (let k = 0; k < taskCount; k += 1) {
    const a = new Array<number>(taskCount).fill(0);
    a[k] = 1;
    for (const j of orderForTask[k] ?? []) {
      const along = dotColumn(a, gramian, j);
      // A zero g_j has G_jj = 0 and cannot conflict; the guard only protects against rounding.
      if (along < 0 && gramian[j][j] > 0) {
        a[j] -= along / gramian[j][j];
        projections += 1;
      }
    }
    perTask.push(a);
  }
  const coefficients = new Array<number>(taskCount).fill(0);
  perTask.forEach((a) => a.forEach((value, j) => (coefficients[j] += value)));
  return { coefficients, perTask, projections };
}
// #endregion listing:pcgrad-coefficients

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i] * b[i];
  return sum;
}

/** (a·G)_j = Σ_i a_i G_ij: the dot product of Σ_i a_i g_i with g_j. */
function dotColumn(a: readonly number[], gramian: Gramian, j: number): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i] * gramian[i][j];
  return sum;
}

/**
 * Each task's share of a combined update Σ_k c_k g_k, measured by the length of its term:
 * |c_k|·‖g_k‖ / Σ_j |c_j|·‖g_j‖. At a 500× norm ratio and equal weights the quiet task's share is
 * 1/501 ≈ 0.2%: the optimiser barely hears it.
 */
export function updateShares(coefficients: readonly number[], norms: readonly number[]): number[] {
  const terms = coefficients.map((c, k) => Math.abs(c) * norms[k]);
  const total = terms.reduce((sum, term) => sum + term, 0);
  return total > 0 ? terms.map((term) => term / total) : terms.map(() => 1 / terms.length);
}

/** The two task gradients drawn in the plane they span: g_0 along x, g_1 at arccos(cosine). */
export function planarGradients(norms: readonly [number, number], cosine: number): [[number, number], [number, number]] {
  const angle = Math.acos(Math.min(1, Math.max(-1, cosine)));
  return [[norms[0], 0], [norms[1] * Math.cos(angle), norms[1] * Math.sin(angle)]];
}
