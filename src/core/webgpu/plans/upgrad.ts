/**
 * UPGrad for two tasks (strategies/gramian/upgrad.ts through dual-cone.ts): each unit task vector
 * projected onto the dual cone, then averaged. The active-set QP adds the other gradient only when it
 * conflicts (G01 below −1e-12 times the QP's scale, max G_kk + max(G_kk, |G01|)), with the factor
 * −G01/G_jj that makes the conflict vanish; so c = ½(1 − G01/G00, 1 − G01/G11) under conflict and
 * ½(1, 1) otherwise: half of PCGrad. Heads keep unit weight; the shown weights are c normalised.
 */
import type { PlanSource } from './plan-source';

export function upgradPlan(): PlanSource {
  const body = `let diagonal = max(G00, G11);
    var v0 = 0.0; var v1 = 0.0;
    if (G01 < -1e-12 * (diagonal + max(G00, abs(G01)))) { v1 = -G01 / G11; }
    if (G01 < -1e-12 * (diagonal + max(G11, abs(G01)))) { v0 = -G01 / G00; }
    k0 = 0.5 + 0.5 * v0; k1 = 0.5 * v1 + 0.5;
    let total = k0 + k1;
    w0 = k0 / total; w1 = k1 / total;`;
  return { body, heads: 'unit', initialState: [] };
}
