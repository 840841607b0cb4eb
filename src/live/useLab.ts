/**
 * The React side of live training: `useLab(config)` starts a lab on the page's training host and
 * gives the widget its state (see LabHandle in types.ts). State changes from the host are coalesced
 * to one React update per animation frame, so a fast Worker cannot flood the page with renders.
 *
 * A run that has taken steps is never thrown away by a settings change: `options.tunables` retune it
 * in place (history kept, the change marked), and a new `config` waits for Reset (`settingsPending`).
 */
import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { getLiveClient } from './client';
import { appendThinned } from './history';
import { clampSpeed, type FromHost } from './protocol';
import { addSample, stepsPerSecond, type StepSample } from './step-rate';
import { tunableChanges, withTunables, type Tunables } from './tunables';
import type { LabBackendInfo, LabChange, LabConfig, LabEvaluation, LabHandle, LabRunPath, LabStatus, LabStepRecord } from './types';

export interface UseLabOptions {
  /** Training pauses while this element is off screen. */
  readonly visibleRef?: RefObject<Element | null>;
  /** Most records kept per run (thinned evenly beyond that). Default 2000. */
  readonly historyLimit?: number;
  /** Per run id, hyperparameters that may change mid-run (see tunables.ts); not part of `config`. */
  readonly tunables?: Tunables;
}

interface LabView {
  status: LabStatus;
  step: number;
  backend: LabBackendInfo | null;
  error: string | null;
  records: Record<string, LabStepRecord[]>;
  evaluations: LabEvaluation[];
  speed: number;
  changes: LabChange[];
  runPaths: Readonly<Record<string, LabRunPath>>;
  samples: StepSample[];
}

const emptyView = (): LabView => ({
  status: 'idle', step: 0, backend: null, error: null, records: {}, evaluations: [], speed: 1, changes: [], runPaths: {}, samples: [],
});

/** Which config the lab on screen was made from, and how many times Reset re-made it. */
interface Applied {
  readonly key: string | null;
  readonly generation: number;
}

export function useLab(config: LabConfig | null, options: UseLabOptions = {}): LabHandle {
  const baseId = useId();
  const configKey = config ? JSON.stringify(config) : null;
  const historyLimit = options.historyLimit ?? 2000;
  const [view, setView] = useState<LabView>(emptyView);
  const viewRef = useRef<LabView>(emptyView());
  const labIdRef = useRef<string | null>(null);
  // Every lab gets an id of its own: a lab replaced before its first step (a setting committed as the
  // reader presses Play) must not have its late messages drawn into its successor's view.
  const labsCreated = useRef(0);
  // The lab a Play was last sent to, and the lab the last clean-up disposed: a Play that reached a lab
  // replaced before its first step carries over to its successor instead of being lost.
  const playSentTo = useRef<string | null>(null);
  const disposedLab = useRef<string | null>(null);
  const resumeWhenVisible = useRef(false);
  const [applied, setApplied] = useState<Applied>({ key: configKey, generation: 0 });
  const [resetTick, setResetTick] = useState(0);
  const resetRequested = useRef(false);
  const tunables = options.tunables;
  const tunablesKey = tunables ? JSON.stringify(tunables) : '';
  const tunablesRef = useRef<Tunables | undefined>(tunables);
  tunablesRef.current = tunables;
  const sentTunables = useRef<Tunables>({});
  const sentTunablesKey = useRef('');

  // Tunables reach the lab as retunes, applied before its next step; a finished run takes none (Reset
  // does). Declared before the effect below, which clears a pending Reset, so it sees that Reset.
  const finished = view.status === 'done';
  useEffect(() => {
    const labId = labIdRef.current;
    const next = tunablesRef.current;
    // A Reset in the same moment builds a new lab from these values; the old one must not take them.
    if (!labId || !next || finished || resetRequested.current) return;
    for (const { runId, hyper } of tunableChanges(sentTunables.current, next)) {
      getLiveClient().send({ type: 'retune', labId, runId, hyper });
    }
    sentTunables.current = next;
    sentTunablesKey.current = tunablesKey;
  }, [tunablesKey, finished]);

  // A new config replaces the lab only while it has nothing to lose (no steps, or an error); else it
  // waits for Reset, which applies the settings of that moment.
  const keepsRun = view.step > 0 && view.status !== 'error';
  useEffect(() => {
    if (resetRequested.current) {
      resetRequested.current = false;
      setApplied((previous) => ({ key: configKey, generation: previous.generation + 1 }));
    } else if (configKey !== applied.key && (configKey === null || !keepsRun)) {
      setApplied((previous) => ({ key: configKey, generation: previous.generation }));
    }
  }, [configKey, applied.key, keepsRun, resetTick]);

  useEffect(() => {
    if (!applied.key) return undefined;
    const tuned = tunablesRef.current;
    const labConfig = withTunables(JSON.parse(applied.key) as LabConfig, tuned);
    sentTunables.current = tuned ?? {};
    sentTunablesKey.current = tuned ? JSON.stringify(tuned) : '';
    labsCreated.current += 1;
    const labId = `${baseId}-${applied.generation}-${labsCreated.current}`;
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
        const samples = current.status === 'running' ? addSample(current.samples, { at: performance.now(), step: message.step }) : [];
        viewRef.current = { ...current, step: message.step, records, samples };
      } else if (message.type === 'retuned' && message.step > 1) {
        // A change before the first step is simply the run's setting, not a change to mark.
        viewRef.current = { ...current, changes: current.changes.concat({ runId: message.runId, step: message.step, hyper: message.hyper }) };
      } else if (message.type === 'runPaths') {
        viewRef.current = { ...current, runPaths: message.paths };
      } else if (message.type === 'evaluation') {
        viewRef.current = { ...current, evaluations: current.evaluations.concat(message.evaluations) };
      } else if (message.type === 'status') {
        const samples = message.status === 'running' ? current.samples : [];
        viewRef.current = { ...current, status: message.status, backend: client.backend(), samples };
      } else if (message.type === 'error') {
        viewRef.current = { ...current, error: message.message };
      }
      publish();
    };
    labIdRef.current = labId;
    client.createLab(labId, labConfig, onMessage);
    if (playSentTo.current !== null && playSentTo.current === disposedLab.current) {
      playSentTo.current = labId;
      client.send({ type: 'play', labId });
    }
    const unsubscribe = client.subscribeBackend((backend) => {
      viewRef.current = { ...viewRef.current, backend };
      publish();
    });
    return () => {
      cancelAnimationFrame(frame);
      unsubscribe();
      client.disposeLab(labId);
      // Only a lab that had not started counts: anything further along waits for Reset anyway.
      disposedLab.current = viewRef.current.step === 0 && viewRef.current.status !== 'error' ? labId : null;
      labIdRef.current = null;
    };
  }, [baseId, applied.key, applied.generation, historyLimit]);

  const controls = useMemo(() => {
    const send = (type: 'play' | 'pause' | 'stepOnce'): void => {
      const labId = labIdRef.current;
      if (!labId) return;
      playSentTo.current = type === 'play' ? labId : null;
      getLiveClient().send({ type, labId });
    };
    return {
      play: () => send('play'),
      pause: () => {
        resumeWhenVisible.current = false;
        send('pause');
      },
      stepOnce: () => send('stepOnce'),
      reset: () => {
        playSentTo.current = null;
        resetRequested.current = true;
        setResetTick((value) => value + 1);
      },
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
    const { samples, ...shown } = view;
    return {
      ...shown,
      latest,
      config: applied.key ? (JSON.parse(applied.key) as LabConfig) : null,
      settingsPending: configKey !== applied.key || (finished && tunablesKey !== sentTunablesKey.current),
      stepsPerSecond: view.status === 'running' ? stepsPerSecond(samples) : null,
      ...controls,
    };
  }, [view, controls, applied.key, configKey, finished, tunablesKey]);
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
