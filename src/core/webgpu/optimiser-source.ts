/**
 * The trainer's optimiser (trainer/optimiser.ts) as WGSL for the GPU-resident step programs: Adam
 * with PyTorch's ε placement, or SGD, at the rate of update t, including the warm-up and cosine decay
 * of a learning-rate schedule (optimiser-config.ts's learningRateAt, formula for formula).
 */
import type { OptimiserConfig } from '../optimiser-config';
import { f } from './plans/wgsl';

/**
 * cos(π·p) for p in [0, 1] as −sin(π(p − ½)) by its Taylor series to the 15th power (truncation
 * below 1e-10 on [−π/2, π/2]). WGSL's own cos is only held to an absolute error of 2⁻¹¹ on [−π, π],
 * which would move a scheduled rate by up to 2.4e-4 relative, above the parity test's 1e-4.
 */
const COS_PI_SOURCE = `
  fn baCosPi(p: f32) -> f32 {
    let x = 3.14159265358979 * (p - 0.5);
    let x2 = x * x;
    let series = 1.0 - x2 / 6.0 * (1.0 - x2 / 20.0 * (1.0 - x2 / 42.0 * (1.0 - x2 / 72.0 * (1.0 - x2 / 110.0 * (1.0 - x2 / 156.0 * (1.0 - x2 / 210.0))))));
    return -x * series;
  }
`;

/** Module-scope WGSL the update needs: `baLearningRate(t)`, the rate of update t (1-based, as f32). */
export function learningRateFunctionSource(optimiser: OptimiserConfig): string {
  const schedule = optimiser.schedule;
  const rate = f(optimiser.learningRate);
  if (!schedule) return `fn baLearningRate(t: f32) -> f32 { return ${rate}; }`;
  const warmup = schedule.warmupSteps;
  const span = Math.max(schedule.totalSteps - warmup, 1);
  const floor = schedule.finalFraction;
  return `${COS_PI_SOURCE}
  fn baLearningRate(t: f32) -> f32 {
    if (t <= ${f(warmup)}) { return ${rate} * t / ${f(Math.max(warmup, 1))}; }
    let progress = min((t - ${f(warmup)}) / ${f(span)}, 1.0);
    return ${rate} * (${f(floor)} + ${f(1 - floor)} * 0.5 * (1.0 + baCosPi(progress)));
  }`;
}

/**
 * Statements run once per step before the update, with `tf` (the step t as f32) in scope: Adam's
 * step size (rate over 1 − β₁ᵗ) and √(1 − β₂ᵗ), or SGD's rate.
 */
export function optimiserStepPrelude(optimiser: OptimiserConfig): string {
  if (optimiser.kind === 'sgd') return 'let rate = baLearningRate(tf);';
  return `let stepSize = baLearningRate(tf) / baOneMinusPow(${f(Math.log(optimiser.beta1))}, tf);
    let correction2 = sqrt(baOneMinusPow(${f(Math.log(optimiser.beta2))}, tf));`;
}

/** Where the update finds a parameter's value and moments: WGSL lvalues for parameter index `p`. */
export interface ParameterSlots {
  readonly value: string;
  readonly firstMoment: string;
  readonly secondMoment: string;
}

/** Statements that move one parameter along direction `d` (an f32 in scope), after the prelude. */
export function optimiserUpdateSource(optimiser: OptimiserConfig, slots: ParameterSlots): string {
  if (optimiser.kind === 'sgd') return `${slots.value} = ${slots.value} - d * rate;`;
  return `let m = ${slots.firstMoment} * ${f(optimiser.beta1)} + d * ${f(1 - optimiser.beta1)};
      let v = ${slots.secondMoment} * ${f(optimiser.beta2)} + (d * d) * ${f(1 - optimiser.beta2)};
      ${slots.firstMoment} = m;
      ${slots.secondMoment} = v;
      ${slots.value} = ${slots.value} - (m / (sqrt(v) / correction2 + ${f(optimiser.epsilon)})) * stepSize;`;
}
