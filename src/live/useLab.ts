/**
 * The React side of live training: `useLab(config)` starts a lab on the page's training host and
 * gives the widget its state (see LabHandle in types.ts). State changes from the host are coalesced
 * to one React update per animation frame, so a fast Worker cannot flood the page with renders.
 */
import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { getLiveClient } from './client';
import { appendThinned } from './history';
import { clampSpeed, type FromHost } from './protocol';
import type { LabBackendInfo, LabConfig, LabEvaluation, LabHandle, LabStatus, LabStepRecord } from './types';

export interface UseLabOptions {
  /** Training pauses while this element is off screen. */
  readonly visibleRef?: RefObject<Element | null>;
  /** Most records kept per run (thinned evenly beyond that). Default 2000. */
  readonly historyLimit?: number;
}

interface LabView {
  status: LabStatus;
  step: number;
  backend: LabBackendInfo | null;
  error: string | null;
  records: Record<string, LabStepRecord[]>;
  evaluations: LabEvaluation[];
  speed: number;
}

const emptyView = (): LabView => ({
  status: 'idle', step: 0, backend: null, error: null, records: {}, evaluations: [], speed: 1,
});

export function useLab(config: LabConfig | null, options: UseLabOptions = {}): LabHandle {
  const baseId = useId();
  const configKey = config ? JSON.stringify(config) : null;
  const historyLimit = options.historyLimit ?? 2000;
  const [view, setView] = useState<LabView>(emptyView);
  const viewRef = useRef<LabView>(emptyView());
  const labIdRef = useRef<string | null>(null);
  const resumeWhenVisible = useRef(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!configKey) return undefined;
    const labConfig = JSON.parse(configKey) as LabConfig;
    const labId = `${baseId}-${generation}`;
    const client = getLiveClient();
    let frame = 0;
    viewRef.current = { ...emptyView(), status: 'starting', backend: client.backend() };
    setView(viewRef.current);
    const publish = (): void => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setView({ ...viewRef.current });
      });
    };
    const onMessage = (message: FromHost): void => {
      const current = viewRef.current;
      if (message.type === 'progress') {
        const records = { ...current.records };
        for (const [runId, incoming] of Object.entries(message.records)) {
          records[runId] = appendThinned(records[runId] ?? [], incoming, historyLimit);
        }
        viewRef.current = { ...current, step: message.step, records };
      } else if (message.type === 'evaluation') {
        viewRef.current = { ...current, evaluations: current.evaluations.concat(message.evaluations) };
      } else if (message.type === 'status') {
        viewRef.current = { ...current, status: message.status, backend: client.backend() };
      } else if (message.type === 'error') {
        viewRef.current = { ...current, error: message.message };
      }
      publish();
    };
    labIdRef.current = labId;
    client.createLab(labId, labConfig, onMessage);
    const unsubscribe = client.subscribeBackend((backend) => {
      viewRef.current = { ...viewRef.current, backend };
      publish();
    });
    return () => {
      cancelAnimationFrame(frame);
      unsubscribe();
      client.disposeLab(labId);
      labIdRef.current = null;
    };
  }, [baseId, configKey, generation, historyLimit]);

  const controls = useMemo(() => {
    const send = (type: 'play' | 'pause' | 'stepOnce'): void => {
      const labId = labIdRef.current;
      if (labId) getLiveClient().send({ type, labId });
    };
    return {
      play: () => send('play'),
      pause: () => {
        resumeWhenVisible.current = false;
        send('pause');
      },
      stepOnce: () => send('stepOnce'),
      reset: () => setGeneration((value) => value + 1),
      setSpeed: (stepsPerTick: number) => {
        const speed = clampSpeed(stepsPerTick);
        viewRef.current = { ...viewRef.current, speed };
        setView({ ...viewRef.current });
        const labId = labIdRef.current;
        if (labId) getLiveClient().send({ type: 'setSpeed', labId, stepsPerTick: speed });
      },
    };
  }, []);

  // Keep the host's speed in step after a reset re-creates the lab.
  useEffect(() => {
    const labId = labIdRef.current;
    if (labId && view.status === 'idle') getLiveClient().send({ type: 'setSpeed', labId, stepsPerTick: viewRef.current.speed });
  }, [view.status]);

  usePauseOffScreen(options.visibleRef, view.status, controls, resumeWhenVisible);

  return useMemo<LabHandle>(() => {
    const latest: Record<string, LabStepRecord | undefined> = {};
    for (const [runId, list] of Object.entries(view.records)) latest[runId] = list[list.length - 1];
    return { ...view, latest, ...controls };
  }, [view, controls]);
}

function usePauseOffScreen(
  visibleRef: RefObject<Element | null> | undefined,
  status: LabStatus,
  controls: { play(): void; pause(): void },
  resumeWhenVisible: { current: boolean },
): void {
  const statusRef = useRef(status);
  statusRef.current = status;
  useEffect(() => {
    const element = visibleRef?.current;
    if (!element || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver(([entry]) => {
      if (!entry) return;
      if (!entry.isIntersecting && statusRef.current === 'running') {
        controls.pause();
        resumeWhenVisible.current = true;
      } else if (entry.isIntersecting && resumeWhenVisible.current) {
        resumeWhenVisible.current = false;
        controls.play();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [visibleRef, controls, resumeWhenVisible]);
}
