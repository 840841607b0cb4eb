/**
 * Eigendecomposition of a small symmetric matrix by cyclic Jacobi rotations: each rotation zeroes
 * one off-diagonal pair; sweeps repeat until the off-diagonal mass is below 1e-15 of the Frobenius
 * norm (quadratic convergence: 5–8 sweeps for K ≤ 10). Accurate for small eigenvalues too, which
 * Aligned-MTL needs, since it rescales by the smallest one.
 */
export interface SymmetricEigen {
  /** Eigenvalues, descending. */
  readonly values: number[];
  /** vectors[i][k]: component i of the eigenvector of values[k] (eigenvectors are columns). */
  readonly vectors: number[][];
  readonly sweeps: number;
}

export function symmetricEigen(matrix: readonly (readonly number[])[], maxSweeps = 60): SymmetricEigen {
  const n = matrix.length;
  const a = matrix.map((row) => row.slice());
  const v = a.map((_, i) => a.map((__, j) => (i === j ? 1 : 0)));
  const frobenius = Math.sqrt(a.reduce((s, row) => s + row.reduce((t, x) => t + x * x, 0), 0));
  let sweeps = 0;
  while (sweeps < maxSweeps && offDiagonal(a) > 1e-15 * frobenius) {
    sweeps += 1;
    for (let p = 0; p < n - 1; p += 1) {
      for (let q = p + 1; q < n; q += 1) {
        if (a[p][q] !== 0) rotate(a, v, p, q);
      }
    }
  }
  const order = a.map((_, i) => i).sort((i, j) => a[j][j] - a[i][i]);
  return {
    values: order.map((i) => a[i][i]),
    vectors: v.map((row) => order.map((i) => row[i])),
    sweeps,
  };
}

function offDiagonal(a: readonly (readonly number[])[]): number {
  let sum = 0;
  a.forEach((row, i) => row.forEach((x, j) => (sum += i === j ? 0 : x * x)));
  return Math.sqrt(sum);
}

/** A ← RᵀAR and V ← VR for the rotation R in the (p, q) plane that zeroes A[p][q]. */
function rotate(a: number[][], v: number[][], p: number, q: number): void {
  const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
  // The smaller of the two rotation angles (|t| ≤ 1) keeps the update stable.
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  const n = a.length;
  for (let k = 0; k < n; k += 1) {
    const akp = a[k][p];
    const akq = a[k][q];
    a[k][p] = c * akp - s * akq;
    a[k][q] = s * akp + c * akq;
  }
  for (let k = 0; k < n; k += 1) {
    const apk = a[p][k];
    const aqk = a[q][k];
    a[p][k] = c * apk - s * aqk;
    a[q][k] = s * apk + c * aqk;
  }
  for (let k = 0; k < n; k += 1) {
    const vkp = v[k][p];
    const vkq = v[k][q];
    v[k][p] = c * vkp - s * vkq;
    v[k][q] = s * vkp + c * vkq;
  }
}
