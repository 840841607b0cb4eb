/**
 * PCGrad for two tasks (strategies/pcgrad.ts through gramian.ts's pcgradCoefficients): each task's
 * gradient loses its component along the other when they conflict (g_0·g_1 < 0), so the combined
 * direction is (1 − G01/G00)·g_0 + (1 − G01/G11)·g_1 then, and g_0 + g_1 otherwise. With two tasks
 * each projection order holds one task, so the seeded shuffle draws nothing. Heads keep unit
 * weight; the shown weights are uniform; the record counts the projections made, as there.
 */
import type { PlanSource } from './plan-source';

export function pcgradPlan(): PlanSource {
  // A zero g_j has G_jj = 0 and cannot conflict; the guard is the TypeScript plan's.
  const body = `k0 = 1.0; k1 = 1.0; projections = 0.0;
    if (G01 < 0.0 && G11 > 0.0) { k1 = k1 - G01 / G11; projections += 1.0; }
    if (G01 < 0.0 && G00 > 0.0) { k0 = k0 - G01 / G00; projections += 1.0; }
    w0 = 0.5; w1 = 0.5;`;
  return { body, heads: 'unit', initialState: [] };
}
