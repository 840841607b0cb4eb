/**
 * Two task losses that share two parameters θ ∈ R²: each task is a quadratic bowl
 * L_k(θ) = scale_k · ½ (θ − centre_k)ᵀ A_k (θ − centre_k). Small enough to solve exactly, so the book
 * can draw the whole Pareto frontier at once, and rich enough to show the scale problem: multiplying
 * one task's loss by 100 moves the optimum of a fixed weighted sum, but not GABA's end point.
 */
import { createGabaController, type GabaControllerOptions } from '../strategies/gaba-controller';

/** A symmetric positive-definite 2×2 matrix [[a, b], [b, c]]. */
export interface Sym2 {
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

export type Vec2 = readonly [number, number];

/** One task's bowl. */
export interface QuadraticTask {
  readonly centre: Vec2;
  readonly curvature: Sym2;
  /** Multiplies the whole loss, like MSE in cycles² against cross-entropy near 1. */
  readonly scale: number;
}

export interface QuadraticPair {
  readonly tasks: readonly [QuadraticTask, QuadraticTask];
}

/** A point of the frontier: the weight, the minimiser of the weighted sum, and both losses there. */
export interface FrontierPoint {
  readonly lambda: number;
  readonly theta: Vec2;
  readonly losses: [number, number];
  /** Units of task-1 loss the frontier gives up per unit of task-0 loss gained here: λ/(1−λ). */
  readonly exchangeRate: number;
}

/** The book's default pair: an elongated "RUL" bowl and a round "health" bowl, 100× apart in scale. */
export function createDefaultQuadraticPair(rulScale = 100): QuadraticPair {
  return {
    tasks: [
      { centre: [1, 0.2], curvature: { a: 1, b: 0.3, c: 0.4 }, scale: rulScale },
      { centre: [-0.6, 1], curvature: { a: 0.5, b: -0.1, c: 1 }, scale: 1 },
    ],
  };
}

/** L_k(θ). */
export function taskLossAt(task: QuadraticTask, theta: Vec2): number {
  const dx = theta[0] - task.centre[0];
  const dy = theta[1] - task.centre[1];
  const { a, b, c } = task.curvature;
  return 0.5 * task.scale * (a * dx * dx + 2 * b * dx * dy + c * dy * dy);
}

/** ∇L_k(θ) = scale_k · A_k (θ − centre_k). */
export function taskGradientAt(task: QuadraticTask, theta: Vec2): [number, number] {
  const dx = theta[0] - task.centre[0];
  const dy = theta[1] - task.centre[1];
  const { a, b, c } = task.curvature;
  return [task.scale * (a * dx + b * dy), task.scale * (b * dx + c * dy)];
}

/** The exact minimiser of λ·L_0 + (1 − λ)·L_1: solve (Σ w_k s_k A_k) θ = Σ w_k s_k A_k c_k. */
export function weightedOptimum(pair: QuadraticPair, lambda: number): FrontierPoint {
  const weights = [lambda, 1 - lambda];
  let a = 0, b = 0, c = 0, r0 = 0, r1 = 0;
  pair.tasks.forEach((task, k) => {
    const w = weights[k] * task.scale;
    const m = task.curvature;
    a += w * m.a;
    b += w * m.b;
    c += w * m.c;
    r0 += w * (m.a * task.centre[0] + m.b * task.centre[1]);
    r1 += w * (m.b * task.centre[0] + m.c * task.centre[1]);
  });
  const determinant = a * c - b * b;
  const theta: Vec2 = [(c * r0 - b * r1) / determinant, (a * r1 - b * r0) / determinant];
  return {
    lambda,
    theta,
    losses: [taskLossAt(pair.tasks[0], theta), taskLossAt(pair.tasks[1], theta)],
    exchangeRate: lambda >= 1 ? Infinity : lambda / (1 - lambda),
  };
}

/** The frontier sampled at `count` weights, denser near the ends where the curve bends hardest. */
export function paretoFrontier(pair: QuadraticPair, count = 101): FrontierPoint[] {
  return Array.from({ length: count }, (_, i) => {
    const u = i / (count - 1);
    const lambda = 0.5 - 0.5 * Math.cos(Math.PI * u);
    return weightedOptimum(pair, lambda);
  });
}

/** One step of a descent path in loss space. */
export interface PathPoint {
  readonly step: number;
  readonly theta: Vec2;
  readonly losses: [number, number];
  readonly weights: [number, number];
  readonly gradNorms: [number, number];
}

export interface DescentOptions {
  readonly start: Vec2;
  readonly steps: number;
  /** Fraction of the largest stable step (1/λ_max of the weighted Hessian); below 1 for a smooth path. */
  readonly stepFraction?: number;
}

/** Largest eigenvalue of a symmetric 2×2 matrix. */
function largestEigenvalue(m: Sym2): number {
  const mean = (m.a + m.c) / 2;
  return mean + Math.sqrt(((m.a - m.c) / 2) ** 2 + m.b * m.b);
}

/**
 * Gradient descent on θ with weights chosen each step by `chooseWeights` from the two gradient norms.
 * The step size is stepFraction / λ_max(Σ w_k s_k A_k), so any scale converges without tuning.
 */
export function descend(
  pair: QuadraticPair,
  options: DescentOptions,
  chooseWeights: (gradNorms: [number, number], step: number) => [number, number],
): PathPoint[] {
  const fraction = options.stepFraction ?? 0.5;
  let theta: Vec2 = options.start;
  const path: PathPoint[] = [];
  for (let step = 1; step <= options.steps; step += 1) {
    const gradients = pair.tasks.map((task) => taskGradientAt(task, theta));
    const gradNorms: [number, number] = [Math.hypot(...gradients[0]), Math.hypot(...gradients[1])];
    const weights = chooseWeights(gradNorms, step);
    path.push({ step, theta, losses: [taskLossAt(pair.tasks[0], theta), taskLossAt(pair.tasks[1], theta)], weights, gradNorms });
    const hessian = pair.tasks.reduce<Sym2>((sum, task, k) => {
      const w = weights[k] * task.scale;
      return { a: sum.a + w * task.curvature.a, b: sum.b + w * task.curvature.b, c: sum.c + w * task.curvature.c };
    }, { a: 0, b: 0, c: 0 });
    const stepSize = fraction / largestEigenvalue(hessian);
    theta = [
      theta[0] - stepSize * (weights[0] * gradients[0][0] + weights[1] * gradients[1][0]),
      theta[1] - stepSize * (weights[0] * gradients[0][1] + weights[1] * gradients[1][1]),
    ];
  }
  return path;
}

/** Descent with a fixed λ on task 0. */
export function descendFixed(pair: QuadraticPair, lambda: number, options: DescentOptions): PathPoint[] {
  return descend(pair, options, () => [lambda, 1 - lambda]);
}

/** Descent with GABA's weights from the same controller that trains the network. */
export function descendGaba(pair: QuadraticPair, options: DescentOptions, gaba: GabaControllerOptions = {}): PathPoint[] {
  const controller = createGabaController({ taskCount: 2, ...gaba });
  return descend(pair, options, (norms) => {
    const { weights } = controller.update(norms);
    return [weights[0], weights[1]];
  });
}
