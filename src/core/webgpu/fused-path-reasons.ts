/**
 * Why each strategy without a GPU plan keeps the fused path (one readback per step): the sentence
 * residentPlanFor returns and docs/performance.md lists. A plan belongs on the GPU only when it is
 * a bounded, branch-exact function of the 2×2 Gramian, the losses and a few saved numbers.
 */
export const FUSED_PATH_REASONS: Readonly<Record<string, string>> = Object.freeze({
  imtlG: 'IMTL-G throws on a zero or linearly dependent gradient (its linear system has no solution), and a GPU plan cannot raise that error mid-batch; it trains on the fused path',
  cagrad: 'CAGrad alternates a simplex QP with a norm update until t moves by under 1e-13 relative (2–25 rounds, no fixed bound), an iteration a GPU plan cannot bound; it trains on the fused path',
  nashMtl: 'Nash-MTL solves c_k (Gc)_k = 1 by damped Newton to a 1e-12 residual (alpha-fair-newton.ts, up to 100 iterations), an iteration a GPU plan cannot bound; it trains on the fused path',
  fairGrad: 'FairGrad solves (Gc)_k = c_k^(−1/α) by damped Newton to a 1e-12 residual (alpha-fair-newton.ts, up to 100 iterations), an iteration a GPU plan cannot bound; it trains on the fused path',
  alignedMtl: 'Aligned-MTL needs the eigen-decomposition of G by Jacobi sweeps (jacobi-eigen.ts) with a rank cut-off relative to λ_max; its two-task closed form is not written as a GPU plan yet, so it trains on the fused path',
  dualProj: 'DualProj projects onto the dual cone with the active-set QP (dual-cone.ts); its two-task closed form is not written as a GPU plan yet, so it trains on the fused path',
  gradVac: 'GradVac keeps EMA target cosines and measures ρ on the adjusted vector with square roots of 1 − ρ²; that GPU plan is not written yet, so it trains on the fused path',
  rlw: 'RLW draws fresh standard normals from the seeded Mulberry32 stream every step (Box–Muller in double precision), which the GPU would have to replay bit for bit; it trains on the fused path',
  famoNextBatch: "FAMO's logit update needs the losses after the step (here the next batch's), which the step program does not measure before planning; it trains on the fused path",
  gls: 'GLS (c_k from the geometric mean of the losses) is not written as a GPU plan yet, so it trains on the fused path',
  stch: 'STCH keeps a nadir from the mean warm-up losses and a log-sum-exp over them; that GPU plan is not written yet, so it trains on the fused path',
});
