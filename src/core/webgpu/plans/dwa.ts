/**
 * DWA on blocks of steps (strategies/dwa.ts): the running block's loss sums and step count, and the
 * mean losses of the two blocks before it, live in plan slots. Weights are 2·softmax(r/T) of the
 * descent rates r_k = L̄_k(b−1)/L̄_k(b−2) (rate 1 where the older mean is 0), and 1 each until two
 * whole blocks are closed. This step's losses join the running block after its weights are drawn.
 */
import type { DwaHyper } from '../../strategies/dwa';
import { planSlot, type PlanSource } from './plan-source';
import { f } from './wgsl';

/** Slot order: running block, sums (2), steps in it, previous means (2), older means (2), whether each pair is known. */
const SLOTS = Object.freeze({ block: 0, sum0: 1, sum1: 2, count: 3, previous0: 4, previous1: 5, older0: 6, older1: 7, hasPrevious: 8, hasOlder: 9 });

export function dwaPlan(hyper: DwaHyper, control: number): PlanSource {
  const s = (name: keyof typeof SLOTS) => planSlot(control, SLOTS[name]);
  const body = `let block = f32((t - 1) / ${hyper.blockSize});
    let running = ${s('block')};
    if (block != running) {
      let closed = ${s('count')} > 0.0;
      let mean0 = select(0.0, ${s('sum0')} / ${s('count')}, closed);
      let mean1 = select(0.0, ${s('sum1')} / ${s('count')}, closed);
      if (block == running + 1.0) {
        ${s('older0')} = ${s('previous0')}; ${s('older1')} = ${s('previous1')}; ${s('hasOlder')} = ${s('hasPrevious')};
        ${s('previous0')} = mean0; ${s('previous1')} = mean1; ${s('hasPrevious')} = select(0.0, 1.0, closed);
      } else if (block == running + 2.0) {
        ${s('older0')} = mean0; ${s('older1')} = mean1; ${s('hasOlder')} = select(0.0, 1.0, closed);
        ${s('hasPrevious')} = 0.0;
      } else {
        ${s('hasPrevious')} = 0.0; ${s('hasOlder')} = 0.0;
      }
      ${s('block')} = block; ${s('sum0')} = 0.0; ${s('sum1')} = 0.0; ${s('count')} = 0.0;
    }
    var dwa0 = 1.0; var dwa1 = 1.0;
    if (block >= 2.0 && ${s('hasPrevious')} != 0.0 && ${s('hasOlder')} != 0.0) {
      let scaled0 = select(1.0, ${s('previous0')} / ${s('older0')}, ${s('older0')} > 0.0) / ${f(hyper.temperature)};
      let scaled1 = select(1.0, ${s('previous1')} / ${s('older1')}, ${s('older1')} > 0.0) / ${f(hyper.temperature)};
      let largest = max(scaled0, scaled1);
      let e0 = exp(scaled0 - largest);
      let e1 = exp(scaled1 - largest);
      let total = e0 + e1;
      dwa0 = (2.0 * e0) / total; dwa1 = (2.0 * e1) / total;
    }
    ${s('sum0')} = ${s('sum0')} + loss0; ${s('sum1')} = ${s('sum1')} + loss1; ${s('count')} = ${s('count')} + 1.0;
    k0 = dwa0; k1 = dwa1; w0 = dwa0 / 2.0; w1 = dwa1 / 2.0;`;
  return { body, heads: 'coefficients', initialState: new Array<number>(Object.keys(SLOTS).length).fill(0) };
}
