/**
 * Runs the lab's scorecard on the page's training host (in its Worker where there is one), with its
 * progress, and keeps the last result until the reader runs another or changes the lab.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ScorecardConfig, ScorecardProgress, ScorecardRuns } from '../../src/core/lab/scorecard';
import { getLiveClient } from '../../src/live/client';

export interface ScorecardState {
  readonly status: 'idle' | 'running' | 'done' | 'error';
  readonly progress: ScorecardProgress | null;
  /** The config the result belongs to. */
  readonly config: ScorecardConfig | null;
  readonly result: ScorecardRuns | null;
  readonly error: string | null;
}

const IDLE: ScorecardState = { status: 'idle', progress: null, config: null, result: null, error: null };

export function useScorecard(config: ScorecardConfig | null): ScorecardState & { run(): void; stop(): void } {
  const baseId = useId();
  const [state, setState] = useState<ScorecardState>(IDLE);
  const stopRef = useRef<(() => void) | null>(null);
  const countRef = useRef(0);
  const key = config ? JSON.stringify(config) : null;

  const stop = useCallback(() => {
    stopRef.current?.();
    stopRef.current = null;
    setState((current) => (current.status === 'running' ? IDLE : current));
  }, []);

  // A changed lab makes the old result and any run in progress stale.
  useEffect(() => {
    setState(IDLE);
    return () => {
      stopRef.current?.();
      stopRef.current = null;
    };
  }, [key]);

  const run = useCallback(() => {
    if (!key) return;
    const runConfig = JSON.parse(key) as ScorecardConfig;
    stopRef.current?.();
    countRef.current += 1;
    const scorecardId = `${baseId}-scorecard-${countRef.current}`;
    setState({ status: 'running', progress: null, config: runConfig, result: null, error: null });
    stopRef.current = getLiveClient().runScorecard(scorecardId, runConfig, (message) => {
      if (message.type === 'scorecardProgress') setState((current) => ({ ...current, progress: message.progress }));
      else if (message.type === 'scorecardDone') setState((current) => ({ ...current, status: 'done', result: message.result }));
      else setState((current) => ({ ...current, status: 'error', error: message.message }));
      if (message.type !== 'scorecardProgress') stopRef.current = null;
    });
  }, [baseId, key]);

  return { ...state, run, stop };
}
