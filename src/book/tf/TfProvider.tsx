/**
 * React access to the page's TensorFlow.js session.
 *   useTf()       — for widgets: starts loading on mount, returns the state (ready → backend chosen).
 *   useTfState()  — for the badge and notices: listens only, never loads TensorFlow.js.
 */
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { BackendModule } from './backend-contract';
import { readPageRequest } from '../../live/page-request';
import { createTfSession, type TfSession, type TfState } from './tf-session';

// TensorFlow.js runs in the training host (a Worker, src/live), so the backend the badge reports is
// the one that trains; the page itself never loads tfjs.
function loadBackendModule(): Promise<BackendModule> {
  return import('../../live/backend-module');
}

const TfContext = createContext<TfSession | null>(null);

export function TfProvider({ children }: { children: ReactNode }) {
  const [session] = useState(() =>
    createTfSession({ request: readPageRequest().backend, loadBackendModule }),
  );
  return <TfContext.Provider value={session}>{children}</TfContext.Provider>;
}

export function useTfSession(): TfSession {
  const session = useContext(TfContext);
  if (!session) throw new Error('useTf() must be used inside <TfProvider> (the book shell provides it).');
  return session;
}

/** The session state without triggering a load. */
export function useTfState(): TfState {
  const session = useTfSession();
  return useSyncExternalStore(session.subscribe, session.getState, session.getState);
}

/**
 * For widgets that compute with TensorFlow.js on the page: selects the backend (once per page) and
 * re-renders when it is ready. Import tfjs in the widget module itself; it is fetched with the widget.
 */
export function useTf(): TfState {
  const session = useTfSession();
  useEffect(() => {
    // The error is already in the state, which the caller renders.
    session.load().catch(() => undefined);
  }, [session]);
  return useTfState();
}
