/**
 * "Step 640 of 1,000 · 38 s so far · about 21 s left": the pace is measured in this page from the
 * steps the host reports, so the estimate includes whatever else the machine is doing.
 */
import { useEffect, useRef, useState } from 'react';
import type { LabStatus } from '../../src/live/types';
import { formatDuration, secondsLeft } from './preset-model';

export function TrainingEta({ step, totalSteps, status }: { readonly step: number; readonly totalSteps: number; readonly status: LabStatus }) {
  const started = useRef<{ at: number; fromStep: number } | null>(null);
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    // A pause restarts the clock, so the estimate is about running time, not time away.
    if (status === 'running' && started.current === null) started.current = { at: performance.now(), fromStep: step };
    if (status !== 'running' && status !== 'done') started.current = null;
    setNow(performance.now());
  }, [status, step]);
  if (step === 0 && status !== 'running') return null;
  const clock = started.current;
  const elapsed = clock ? (now - clock.at) / 1000 : null;
  const left = clock ? secondsLeft(step - clock.fromStep, totalSteps - clock.fromStep, clock.at, now) : null;
  const parts = [`step ${step.toLocaleString('en')} of ${totalSteps.toLocaleString('en')}`];
  if (elapsed !== null && status === 'running') parts.push(`${formatDuration(elapsed)} so far`);
  if (status === 'done') parts.push('done');
  else if (left !== null) parts.push(`about ${formatDuration(left)} left`);
  return <p className="ba-note" aria-live="off" data-testid="lab-eta">{parts.join(' · ')}</p>;
}
