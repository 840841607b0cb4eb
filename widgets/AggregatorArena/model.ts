/**
 * The aggregator arena: two or three task gradients in the plane and the update d = Σ_k c_k g_k that
 * every Gramian-family method asks for. Every coefficient comes from the core's functions, fed the
 * Gramian of the drawn vectors (or, in Live mode, the real Gramian of the toy network's per-task
 * gradients); the plane only draws what G already determines.
 */
import { combineVectors, gramianFromVectors, pcgradCoefficients, type Gramian } from '../../src/core/gramian';
import { gabaRawWeights } from '../../src/core/strategies/gaba-controller';
import {
  alignedMtlCoefficients,
  cagradCoefficients,
  dualProjCoefficients,
  fairGradCoefficients,
  imtlGCoefficients,
  mgdaCoefficients,
  nashMtlCoefficients,
  upgradCoefficients,
} from '../../src/core/strategies/gramian';
import type { LabConfig } from '../../src/live/types';
import type { Schema } from '../shared/url-state';

export type Vec = readonly [number, number];

export interface ArenaState {
  readonly mode: 'draw' | 'live';
  /** How many gradients are drawn (2 or 3); Live mode always has the toy network's two. */
  readonly k: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly seed: number;
}

/** Half the side of the square the drawn tips live in. */
export const ARENA_EXTENT = 5;
const coordinate = (fallback: number) => ({ kind: 'number', min: -ARENA_EXTENT, max: ARENA_EXTENT, fallback }) as const;

export const ARENA_SCHEMA: Schema<ArenaState> = {
  mode: { kind: 'choice', options: ['draw', 'live'], fallback: 'draw' },
  k: { kind: 'number', min: 2, max: 3, fallback: 2, integer: true },
  // A conflicting pair of unequal length whose mean conflicts with the short one: the methods disagree visibly.
  x0: coordinate(4),
  y0: coordinate(1),
  x1: coordinate(-1),
  y1: coordinate(1),
  x2: coordinate(0.5),
  y2: coordinate(-2.5),
  seed: { kind: 'number', min: 0, max: 1_000_000, fallback: 0, integer: true },
};

/** The drawn gradients of a state: K tips from the URL. */
export function drawnVectors(state: ArenaState): Vec[] {
  const all: Vec[] = [[state.x0, state.y0], [state.x1, state.y1], [state.x2, state.y2]];
  return all.slice(0, state.k === 3 ? 3 : 2);
}

/**
 * The state update that moves tip k to `tip`, clamped to the arena and snapped to a 0.1 grid, so a
 * drag or a key press can reach exact cases (two opposite gradients) and links stay short.
 */
export function moveTip(k: number, tip: Vec): Partial<ArenaState> {
  const clamp = (v: number) => Math.round(Math.min(ARENA_EXTENT, Math.max(-ARENA_EXTENT, v)) * 10) / 10;
  const [x, y] = [clamp(tip[0]), clamp(tip[1])];
  if (k === 0) return { x0: x, y0: y };
  if (k === 1) return { x1: x, y1: y };
  return { x2: x, y2: y };
}

// #region listing:planar-embedding
/**
 * Two vectors with Gramian G, drawn in their own span: g_0 along the first axis, g_1 above it.
 * G = R Rᵀ with R lower triangular (Cholesky), so the rows of R are such vectors:
 * g_0 = (√G00, 0), g_1 = (G01/√G00, √(G11 − G01²/G00)). Every pair with this G is a rotation (or
 * reflection) of this one, so lengths, angles and every method's coefficients are the same.
 */
export function planarEmbedding(gramian: Gramian): [Vec, Vec] {
  const n0 = Math.sqrt(Math.max(gramian[0][0], 0));
  if (n0 === 0) return [[0, 0], [Math.sqrt(Math.max(gramian[1][1], 0)), 0]];
  const along = gramian[0][1] / n0;
  return [[n0, 0], [along, Math.sqrt(Math.max(gramian[1][1] - along * along, 0))]];
}
// #endregion listing:planar-embedding

/** The 2 × 2 Gramian a step record implies: G_kk = n_k², G_01 = n_0 n_1 cos. */
export function gramianFromNormsAndCosine(norms: readonly number[], cosine: number): number[][] {
  const off = norms[0] * norms[1] * cosine;
  return [[norms[0] * norms[0], off], [off, norms[1] * norms[1]]];
}

export interface MethodDefinition {
  readonly id: string;
  readonly label: string;
  /** What the method asks of d, in a few words. */
  readonly rule: string;
  readonly coefficients: (gramian: number[][]) => number[];
}

/** PCGrad projects onto the other tasks in ascending order (the trainer draws a seeded order; for K = 2 there is only one). */
function ascendingOrder(taskCount: number): number[][] {
  return Array.from({ length: taskCount }, (_, k) => Array.from({ length: taskCount }, (__, j) => j).filter((j) => j !== k));
}

export const ARENA_METHODS: readonly MethodDefinition[] = [
  { id: 'mean', label: 'Equal weights', rule: 'the mean ḡ', coefficients: (g) => g.map(() => 1 / g.length) },
  { id: 'mgda', label: 'MGDA', rule: 'min-norm point of the hull', coefficients: (g) => mgdaCoefficients(g).coefficients },
  { id: 'imtlg', label: 'IMTL-G', rule: 'equal projections on every ĝ_k', coefficients: (g) => imtlGCoefficients(g).coefficients },
  { id: 'gaba', label: 'GABA (raw)', rule: 'cₖ ∝ S − ‖gₖ‖, S = Σⱼ ‖gⱼ‖ (eq. 4.2)', coefficients: (g) => gabaRawWeights(g.map((row, k) => Math.sqrt(Math.max(row[k], 0)))) },
  { id: 'cagrad', label: 'CAGrad', rule: 'best worst task in a ball around ḡ (κ 0.4)', coefficients: (g) => cagradCoefficients(g).coefficients },
  { id: 'nash', label: 'Nash-MTL', rule: 'c_k (Gc)_k = 1', coefficients: (g) => nashMtlCoefficients(g).coefficients },
  { id: 'fairgrad', label: 'FairGrad (α 2)', rule: '(Gc)_k = c_k^(−1/α)', coefficients: (g) => fairGradCoefficients(g).coefficients },
  { id: 'aligned', label: 'Aligned-MTL', rule: 'equalised singular values', coefficients: (g) => alignedMtlCoefficients(g).coefficients },
  { id: 'pcgrad', label: 'PCGrad', rule: 'drop conflicting components, sum', coefficients: (g) => pcgradCoefficients(g, ascendingOrder(g.length)).coefficients },
  { id: 'upgrad', label: 'UPGrad', rule: 'mean of each gₖ projected on the dual cone', coefficients: (g) => upgradCoefficients(g).coefficients },
  { id: 'dualproj', label: 'DualProj', rule: 'ḡ projected on the dual cone', coefficients: (g) => dualProjCoefficients(g).coefficients },
];

/**
 * Below this fraction of the gradients' scale a value counts as zero: the QP solvers add a ridge of
 * 1e-13 of the diagonal, so an update that is exactly zero in theory comes out near 1e-12 of it.
 */
export const ZERO_RELATIVE = 1e-9;

export interface MethodOutcome {
  readonly id: string;
  readonly label: string;
  readonly rule: string;
  /** null when the method has no answer for this G; `failure` says why. */
  readonly coefficients: number[] | null;
  readonly failure: string | null;
  readonly update: Vec;
  readonly length: number;
  /** ⟨d, g_k⟩ = (Gc)_k for every task. */
  readonly innerProducts: number[];
  /** Tasks k with ⟨d, g_k⟩ < 0 beyond rounding. */
  readonly conflicts: number[];
}

/**
 * Tasks whose loss δ raises to first order: ⟨δ, g_k⟩ < 0. An update of solver-rounding size (below
 * 1e-9·max‖g‖, the core tests' tolerance, shown as 0) conflicts with nothing, and inner products of size 1e-9·‖δ‖·max‖g‖ do not
 * count, so an exact projection is never flagged.
 */
export function conflictingTasks(innerProducts: readonly number[], length: number, gramian: Gramian): number[] {
  const largest = Math.max(...gramian.map((row, k) => Math.sqrt(Math.max(row[k], 0))));
  if (length <= ZERO_RELATIVE * largest) return [];
  const tolerance = 1e-9 * Math.max(length * largest, Number.MIN_VALUE);
  return innerProducts.flatMap((p, k) => (p < -tolerance ? [k] : []));
}

/** One method's update for gradients `vectors` (their Gramian is what the method sees). */
export function evaluateMethod(method: MethodDefinition, vectors: readonly Vec[]): MethodOutcome {
  const gramian = gramianFromVectors(vectors);
  const base = { id: method.id, label: method.label, rule: method.rule };
  let coefficients: number[];
  try {
    coefficients = method.coefficients(gramian);
    if (!coefficients.every(Number.isFinite)) throw new Error(`${method.label} returned a non-finite coefficient`);
  } catch (error) {
    const failure = error instanceof Error ? error.message : String(error);
    return { ...base, coefficients: null, failure, update: [0, 0], length: 0, innerProducts: [], conflicts: [] };
  }
  const combined = combineVectors(coefficients, vectors);
  const update: Vec = [combined[0], combined[1]];
  const length = Math.hypot(...update);
  const innerProducts = vectors.map((g) => g[0] * update[0] + g[1] * update[1]);
  return { ...base, coefficients, failure: null, update, length, innerProducts, conflicts: conflictingTasks(innerProducts, length, gramian) };
}

export function evaluateAll(vectors: readonly Vec[]): MethodOutcome[] {
  return ARENA_METHODS.map((method) => evaluateMethod(method, vectors));
}

/** Steps of the Live mode's run: enough to watch G change, short enough to finish while reading. */
export const LIVE_STEPS = 300;

/** Live mode: the toy network trained with GABA; the arena shows each step's Gramian. */
export function liveLabConfig(seed: number): LabConfig {
  return {
    seed,
    data: { kind: 'toy', seed: seed + 1 },
    runs: [{ id: 'run', label: 'GABA', strategy: { name: 'gaba', hyper: { warmupSteps: 20 } } }],
    totalSteps: LIVE_STEPS,
  };
}

/**
 * The dual cone {x : ⟨g_k, x⟩ ≥ 0 for all k} inside the square [−r, r]², as a polygon: the square
 * clipped by one half-plane per gradient (a zero gradient constrains nothing). Empty but for the
 * origin when the gradients surround it.
 */
export function dualConePolygon(vectors: readonly Vec[], radius: number): Vec[] {
  let polygon: Vec[] = [[-radius, -radius], [radius, -radius], [radius, radius], [-radius, radius]];
  for (const g of vectors) {
    if (g[0] === 0 && g[1] === 0) continue;
    const side = (p: Vec) => g[0] * p[0] + g[1] * p[1];
    const clipped: Vec[] = [];
    polygon.forEach((current, i) => {
      const next = polygon[(i + 1) % polygon.length];
      const [a, b] = [side(current), side(next)];
      if (a >= 0) clipped.push(current);
      if ((a >= 0) !== (b >= 0)) {
        const t = a / (a - b);
        clipped.push([current[0] + t * (next[0] - current[0]), current[1] + t * (next[1] - current[1])]);
      }
    });
    polygon = clipped;
  }
  return polygon;
}

/** A number for display: 3 significant digits, and 0 for solver-rounding-sized values relative to `scale`. */
export function formatValue(value: number, scale = 1): string {
  if (Math.abs(value) <= ZERO_RELATIVE * Math.max(scale, Number.MIN_VALUE)) return '0';
  return Math.abs(value) >= 1e4 || Math.abs(value) < 1e-3 ? value.toExponential(2) : value.toPrecision(3);
}
