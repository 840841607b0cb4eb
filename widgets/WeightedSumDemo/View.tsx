/**
 * The shell's demo widget: a weight slider and the two tasks' shares of the total loss, the total
 * computed with TensorFlow.js so the page exercises lazy tfjs loading and the backend badge.
 */
import * as tf from '@tensorflow/tfjs-core';
import { useEffect, useId, useState } from 'react';
import { useTf } from '../../src/book/tf/TfProvider';
import type { WidgetProps } from '../../src/book/widgets/registry';
import { balancedWeight, contributions, DEFAULT_LOSSES } from './model';

async function totalOnDevice(weight: number): Promise<number> {
  const product = tf.tidy(() => tf.sum(tf.mul(tf.tensor1d([weight, 1 - weight]), tf.tensor1d([DEFAULT_LOSSES.rul, DEFAULT_LOSSES.health]))));
  try {
    return (await product.data())[0];
  } finally {
    product.dispose();
  }
}

export function WeightedSumDemo({ id }: WidgetProps) {
  const tfState = useTf();
  const sliderId = useId();
  const [weight, setWeight] = useState(0.5);
  const [deviceTotal, setDeviceTotal] = useState<number | null>(null);
  const parts = contributions(weight, DEFAULT_LOSSES);

  useEffect(() => {
    if (tfState.status !== 'ready') return;
    let cancelled = false;
    totalOnDevice(weight).then((total) => {
      if (!cancelled) setDeviceTotal(total);
    });
    return () => {
      cancelled = true;
    };
  }, [tfState.status, weight]);

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
        {deviceTotal === null ? '…' : deviceTotal.toFixed(2)}
        {tfState.status === 'ready' ? ` (computed by TensorFlow.js on ${tfState.selection.name})` : ' (waiting for TensorFlow.js)'}. The tasks
        contribute equally at <i>w</i> ≈ {balancedWeight(DEFAULT_LOSSES).toFixed(4)}.
      </p>
    </div>
  );
}
