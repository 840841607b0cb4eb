/**
 * Why each strategy without a GPU plan keeps the fused path (one readback per step): the sentence
 * residentPlanFor returns and docs/performance.md lists. A plan belongs on the GPU only when it is
 * a bounded function of the 2×2 Gramian, the losses and a few saved numbers that float32 computes to
 * the TypeScript plan's value (tests/browser/resident-plans.test.mjs: 1e-5 relative), and that
 * never throws.
 */
const FUSED = 'so it trains on the fused path';

export const FUSED_PATH_REASONS: Readonly<Record<string, string>> = Object.freeze({
  imtlG: `IMTL-G throws when a gradient is zero or the two are linearly dependent (its linear system has no solution), an error a GPU plan cannot raise in the middle of a batch; ${FUSED}`,
  cagrad: `CAGrad alternates a simplex QP with a norm update until t moves by under 1e-13 relative (2–25 rounds seen, no bound), an iteration a GPU plan cannot bound; ${FUSED}`,
  nashMtl: `Nash-MTL solves c_k (Gc)_k = 1 by damped Newton to a 1e-12 residual (up to 100 iterations), an iteration a GPU plan cannot bound; ${FUSED}`,
  fairGrad: `FairGrad solves (Gc)_k = c_k^(−1/α) by damped Newton to a 1e-12 residual (up to 100 iterations), an iteration a GPU plan cannot bound; ${FUSED}`,
  alignedMtl: `Aligned-MTL needs √λ_min of G and counts eigenvalues above 2·2⁻⁵²·λ_max as non-zero; for nearly aligned gradients λ_min/λ_max falls below float32's 2⁻²⁴ and a GPU plan would get it from rounding noise; ${FUSED}`,
  gradVac: `GradVac adds a multiple of √(1 − ρ²) with ρ the cosine of the two gradients; near ρ = ±1 float32 loses half its digits there (an error of 2⁻²⁴ in ρ becomes ~2⁻¹² in √(1 − ρ²)); ${FUSED}`,
  rlw: `RLW draws standard normals by Box–Muller (log, cos) from the seeded stream in double precision, and WGSL's cos is accurate to 2⁻¹¹ only; ${FUSED}`,
  famoNextBatch: `FAMO's logit update needs the losses after the step (the next batch's), which the step program does not measure before planning; ${FUSED}`,
  gls: `GLS throws on a loss that is not positive and finite (its geometric mean takes log L_k), an error a GPU plan cannot raise in the middle of a batch; ${FUSED}`,
  stch: `STCH throws on a loss that is not positive and finite (it takes log L_k/N_k), an error a GPU plan cannot raise in the middle of a batch; ${FUSED}`,
});
