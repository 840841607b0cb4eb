/**
 * Small dense linear algebra on plain numbers for the Gramian methods. K is the number of tasks
 * (2 or 3 in the book, a handful at most), so O(K³) host work per step is negligible next to the
 * device's backward passes; clarity wins over blocking or BLAS.
 */
import type { Gramian } from '../../gramian';

/** A K×K Gramian as rows, or row-major in a Float64Array of length K². */
export type GramianInput = Gramian | Float64Array;

/** Rows of a square matrix; a flat Float64Array is read row-major and must have a square length. */
export function toRows(input: GramianInput): number[][] {
  if (!(input instanceof Float64Array)) {
    input.forEach((row, i) => {
      if (row.length !== input.length) throw new Error(`Gramian row ${i} has ${row.length} entries, expected ${input.length}`);
    });
    return input.map((row) => row.slice());
  }
  const size = Math.round(Math.sqrt(input.length));
  if (size * size !== input.length) throw new Error(`a flat Gramian needs K² entries, got ${input.length}`);
  return Array.from({ length: size }, (_, i) => Array.from(input.subarray(i * size, (i + 1) * size)));
}

export function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i] * b[i];
  return sum;
}

/** M x. */
export function matVec(matrix: readonly (readonly number[])[], x: readonly number[]): number[] {
  return matrix.map((row) => dot(row, x));
}

/** xᵀ M x: for a Gramian, ‖Σ x_k g_k‖². */
export function quadForm(matrix: readonly (readonly number[])[], x: readonly number[]): number {
  return dot(x, matVec(matrix, x));
}

/** Largest |diagonal| (at least the smallest normal double): the scale tolerances are relative to. */
export function diagonalScale(matrix: readonly (readonly number[])[]): number {
  return matrix.reduce((best, row, i) => Math.max(best, Math.abs(row[i])), Number.MIN_VALUE);
}

/**
 * Solves A x = b by Gaussian elimination with partial pivoting. Returns null when a pivot is below
 * `pivotTolerance` (the matrix is singular to working precision): callers decide what that means.
 */
export function solveLinear(
  matrix: readonly (readonly number[])[],
  rhs: readonly number[],
  pivotTolerance = 0,
): number[] | null {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (!(Math.abs(a[pivot][col]) > pivotTolerance)) return null;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = col + 1; r < n; r += 1) {
      const factor = a[r][col] / a[col][col];
      if (factor === 0) continue;
      for (let c = col; c <= n; c += 1) a[r][c] -= factor * a[col][c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r -= 1) {
    let sum = a[r][n];
    for (let c = r + 1; c < n; c += 1) sum -= a[r][c] * x[c];
    x[r] = sum / a[r][r];
  }
  return x;
}

/** softmax(x), shifted by max(x) so large inputs do not overflow. */
export function softmax(x: readonly number[]): number[] {
  const top = Math.max(...x);
  const exps = x.map((v) => Math.exp(v - top));
  const total = exps.reduce((s, v) => s + v, 0);
  return exps.map((v) => v / total);
}

/** [1/K, …, 1/K]. */
export function uniform(taskCount: number): number[] {
  return new Array<number>(taskCount).fill(1 / taskCount);
}
