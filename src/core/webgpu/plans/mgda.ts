/**
 * MGDA for two tasks (strategies/gramian/mgda.ts): the min-norm point of the segment between g_0 and
 * g_1, as the active-set QP reaches it. It starts at the vertex of the shorter gradient and moves
 * inside only when the other gradient makes the step shorter (G01 − G_bb below −1e-12·max G_kk);
 * then c_0 = (G11 − G01)/D, c_1 = (G00 − G01)/D with D = G00 + G11 − 2G01 (the QP's ridge of 1e-13
 * relative is below float32's reach). Equal or zero gradients stay at the starting vertex, as there.
 * Heads keep unit weight; the shown weights are c normalised to sum 1.
 */
import type { PlanSource } from './plan-source';

export function mgdaPlan(): PlanSource {
  const body = `let tolerance = 1e-12 * max(G00, G11);
    let startsAtOne = G11 < G00;
    k0 = select(1.0, 0.0, startsAtOne); k1 = select(0.0, 1.0, startsAtOne);
    let descent = select(G01 - G00, G01 - G11, startsAtOne);
    if (descent < -tolerance) {
      let denominator = G00 + G11 - 2.0 * G01;
      k0 = clamp((G11 - G01) / denominator, 0.0, 1.0);
      k1 = clamp((G00 - G01) / denominator, 0.0, 1.0);
    }
    let total = k0 + k1;
    w0 = k0 / total; w1 = k1 / total;`;
  return { body, heads: 'unit', initialState: [] };
}
