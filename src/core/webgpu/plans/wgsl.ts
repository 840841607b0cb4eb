/**
 * WGSL pieces shared by the step program (resident-shader.ts) and the plan harness
 * (plan-harness.ts): float literals for host numbers and the helper functions a plan may call.
 */

/** A WGSL float literal for a host number (integers get a ".0"). */
export function f(value: number): string {
  const text = String(value);
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}

/** Module-scope helpers: the non-finite test and 1 − β^t for Adam's bias corrections. */
export const WGSL_HELPERS = `
  fn baNonFinite(value: f32) -> bool {
    return (bitcast<u32>(value) & 0x7f800000u) == 0x7f800000u;
  }

  // 1 − β^t from log β: a series near t·log β = 0, where 1 − exp() would cancel.
  fn baOneMinusPow(logBeta: f32, t: f32) -> f32 {
    let x = t * logBeta;
    if (x > -0.1) {
      return -x * (1.0 + x * (0.5 + x * (1.0 / 6.0 + x * (1.0 / 24.0 + x * (1.0 / 120.0 + x / 720.0)))));
    }
    return 1.0 - exp(x);
  }
`;
