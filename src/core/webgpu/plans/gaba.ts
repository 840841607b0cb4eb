/**
 * GABA, GABA-inverse-norm and GRACE (strategies/gaba.ts through gaba-controller.ts): raw weights
 * from the gradient norms, an EMA after the warm-up, a floor, renormalised. The EMA and the counter
 * live in the control block's own slots (CONTROL.strategySteps, ema0, ema1), which start at 0, ½, ½.
 * β, 1 − β, the floor and the warm-up come from the step's `hyper` uniform, so a retune compiles
 * nothing; ε stays compiled in (it is not retunable).
 */
import type { GabaStrategyHyper } from '../../strategies/gaba';
import { CONTROL } from '../resident-layout';
import type { PlanSource } from './plan-source';
import { f } from './wgsl';

export function gabaPlan(rule: 'paper' | 'inverseNorm', hyper: GabaStrategyHyper, control: number): PlanSource {
  const { epsilon } = hyper;
  const raw = rule === 'paper'
    ? `let total = n0 + n1 + ${f(epsilon)};
       var raw0 = 0.5; var raw1 = 0.5;
       if (total > 0.0) { raw0 = (total - n0) / total; raw1 = (total - n1) / total; }`
    : `let inv0 = 1.0 / (n0 + ${f(epsilon)}); let inv1 = 1.0 / (n1 + ${f(epsilon)});
       let invTotal = inv0 + inv1;
       let raw0 = inv0 / invTotal; let raw1 = inv1 / invTotal;`;
  const body = `${raw}
    let count = result[${control + CONTROL.strategySteps}] + 1.0;
    result[${control + CONTROL.strategySteps}] = count;
    if (count <= uniforms.hyper.w) {
      w0 = 0.5; w1 = 0.5;
    } else {
      let ema0 = uniforms.hyper.x * result[${control + CONTROL.ema0}] + uniforms.hyper.y * raw0;
      let ema1 = uniforms.hyper.x * result[${control + CONTROL.ema1}] + uniforms.hyper.y * raw1;
      result[${control + CONTROL.ema0}] = ema0;
      result[${control + CONTROL.ema1}] = ema1;
      let floored0 = max(ema0, uniforms.hyper.z);
      let floored1 = max(ema1, uniforms.hyper.z);
      let flooredTotal = floored0 + floored1;
      w0 = floored0 / flooredTotal; w1 = floored1 / flooredTotal;
    }
    k0 = w0; k1 = w1;`;
  return { body, heads: 'coefficients', initialState: [] };
}
