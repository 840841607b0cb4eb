/**
 * A small demo: a weight slider and the two tasks' shares of the total loss at fixed example losses.
 * Pure numbers; it needs no TensorFlow.js.
 */
import { useId, useState } from 'react';
import type { WidgetProps } from '../../src/book/widgets/registry';
import { balancedWeight, contributions, DEFAULT_LOSSES } from './model';

export function WeightedSumDemo({ id }: WidgetProps) {
  const sliderId = useId();
  const [weight, setWeight] = useState(0.5);
  const parts = contributions(weight, DEFAULT_LOSSES);

  const rulShare = parts.total > 0 ? parts.rul / parts.total : 0;
  return (
    <div className="weighted-sum-demo" data-demo-id={id} style={{ fontFamily: 'var(--font-ui)', padding: '1rem', background: 'var(--panel)', border: '1px solid var(--panel-border)', borderRadius: 'var(--radius)' }}>
      <label htmlFor={sliderId} style={{ display: 'block', fontSize: '0.9rem' }}>
        Weight on RUL, <i>w</i> = {weight.toFixed(3)}
      </label>
      <input id={sliderId} type="range" min={0} max={1} step={0.001} value={weight} onChange={(event) => setWeight(Number(event.target.value))} style={{ width: '100%' }} />
      <svg viewBox="0 0 100 10" width="100%" height="36" preserveAspectRatio="none" role="img" aria-label={`RUL share ${(rulShare * 100).toFixed(1)} percent`}>
        <rect x={0} y={0} width={rulShare * 100} height={10} fill="var(--task-rul)" />
        <rect x={rulShare * 100} y={0} width={(1 - rulShare) * 100} height={10} fill="var(--task-health)" />
      </svg>
      <p style={{ margin: '0.5rem 0 0', fontSize: '0.85rem', color: 'var(--muted)' }}>
        <span style={{ color: 'var(--task-rul)' }}>RUL {parts.rul.toFixed(2)}</span> +{' '}
        <span style={{ color: 'var(--task-health)' }}>health {parts.health.toFixed(3)}</span> ={' '}
        {parts.total.toFixed(2)}. The tasks
        contribute equally at <i>w</i> ≈ {balancedWeight(DEFAULT_LOSSES).toFixed(4)}.
      </p>
    </div>
  );
}
