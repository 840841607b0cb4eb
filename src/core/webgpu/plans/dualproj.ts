/**
 * DualProj for two tasks (strategies/gramian/dualproj.ts through dual-cone.ts): the mean gradient
 * ḡ = ½(g_0 + g_1) projected onto the dual cone, c = ½ + v with v from the non-negative QP on
 * p = Gu. As p_0 + p_1 = 2‖ḡ‖² ≥ 0, at most one ḡ·g_i is negative (below −1e-12 times the QP's
 * scale, max G_kk + max |p_k|); that task gains v_i = −p_i/G_ii, which puts ḡ on the face g_i·x = 0,
 * and there x·g_j = ½(G_jj − G01²/G_ii) ≥ 0, so the QP stops: no further case. Heads keep unit
 * weight; the shown weights are c normalised to sum 1.
 */
import type { PlanSource } from './plan-source';

export function dualProjPlan(): PlanSource {
  const body = `let p0 = G00 * 0.5 + G01 * 0.5;
    let p1 = G01 * 0.5 + G11 * 0.5;
    let tolerance = 1e-12 * (max(G00, G11) + max(abs(p0), abs(p1)));
    k0 = 0.5; k1 = 0.5;
    if (p0 < -tolerance && p0 <= p1) { k0 = 0.5 - p0 / G00; } else if (p1 < -tolerance) { k1 = 0.5 - p1 / G11; }
    let total = k0 + k1;
    w0 = k0 / total; w1 = k1 / total;`;
  return { body, heads: 'unit', initialState: [] };
}
