/**
 * GradNorm (strategies/gradnorm.ts): learnable weights (Σw = 2) stepped along
 * sign(w_k·n_k − T_k)·n_k by the trainer's optimiser at GradNorm's own learning rate, cut at 0 and
 * renormalised; the targets T_k = mean(w·n)·r_k^α follow the losses relative to the first step's.
 * This step uses the weights from before the update. Slots: w (2), first losses (2), whether they
 * are set, then the scalar optimiser's own.
 */
import { withLearningRate, type OptimiserConfig } from '../../optimiser-config';
import type { GradNormHyper } from '../../strategies/gradnorm';
import { planSlot, type PlanSource } from './plan-source';
import { SCALAR_OPTIMISER_SLOTS, scalarOptimiserStep } from './scalar-optimiser';
import { f } from './wgsl';

export function gradNormPlan(hyper: GradNormHyper, optimiser: OptimiserConfig, control: number): PlanSource {
  const slot = (index: number) => planSlot(control, index);
  // r^α with JavaScript's 0^α (1 for α = 0, else 0); WGSL's pow is undefined at 0.
  const power = (rate: string) => (hyper.alpha === 0 ? '1.0' : `select(0.0, pow(${rate}, ${f(hyper.alpha)}), ${rate} > 0.0)`);
  const body = `if (${slot(4)} == 0.0) { ${slot(2)} = loss0; ${slot(3)} = loss1; ${slot(4)} = 1.0; }
    let used0 = ${slot(0)}; let used1 = ${slot(1)};
    let weighted0 = used0 * lastNorm0; let weighted1 = used1 * lastNorm1;
    let meanNorm = (weighted0 + weighted1) / 2.0;
    let ratio0 = select(1.0, loss0 / ${slot(2)}, ${slot(2)} > 0.0);
    let ratio1 = select(1.0, loss1 / ${slot(3)}, ${slot(3)} > 0.0);
    let meanRatio = (ratio0 + ratio1) / 2.0;
    let inverse0 = select(1.0, ratio0 / meanRatio, meanRatio > 0.0);
    let inverse1 = select(1.0, ratio1 / meanRatio, meanRatio > 0.0);
    let target0 = meanNorm * ${power('inverse0')};
    let target1 = meanNorm * ${power('inverse1')};
    ${scalarOptimiserStep(withLearningRate(optimiser, hyper.weightLr), [slot(0), slot(1)], ['sign(weighted0 - target0) * lastNorm0', 'sign(weighted1 - target1) * lastNorm1'], (i) => slot(5 + i))}
    let clamped0 = max(0.0, ${slot(0)}); let clamped1 = max(0.0, ${slot(1)});
    let clampedTotal = clamped0 + clamped1;
    ${slot(0)} = select(1.0, (clamped0 * 2.0) / clampedTotal, clampedTotal > 0.0);
    ${slot(1)} = select(1.0, (clamped1 * 2.0) / clampedTotal, clampedTotal > 0.0);
    k0 = used0; k1 = used1; w0 = used0 / 2.0; w1 = used1 / 2.0;`;
  return { body, heads: 'coefficients', initialState: [1, 1, 0, 0, 0, ...new Array<number>(SCALAR_OPTIMISER_SLOTS).fill(0)] };
}
