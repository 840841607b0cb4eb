/**
 * Header badge: which backend TensorFlow.js chose, its measured steps/s, and why. Listens only;
 * until a widget loads TensorFlow.js it says so rather than loading it itself.
 */
import { BACKEND_NAMES } from '../../core/backend-names';
import { backendLabel, describeSelection, describeSpeed } from './tf-session';
import { useTfSession, useTfState } from './TfProvider';

export function BackendBadge() {
  const state = useTfState();
  let label: string;
  let detail: string | undefined;
  switch (state.status) {
    case 'idle':
      label = 'TensorFlow.js not loaded yet';
      detail = 'It loads with the first interactive figure.';
      break;
    case 'loading':
      label = 'Loading TensorFlow.js…';
      break;
    case 'ready':
      label = [backendLabel(state.selection.name), describeSpeed(state.selection)].filter(Boolean).join(' · ');
      detail = describeSelection(state.selection);
      break;
    case 'error':
      label = 'TensorFlow.js failed';
      detail = state.message;
      break;
  }
  return (
    <p className="backend-badge" data-status={state.status} data-backend={state.status === 'ready' ? state.selection.name : undefined} aria-live="polite">
      <span className="backend-badge__label">{state.status === 'ready' ? `Backend: ${label}` : label}</span>
      {detail && <span className="backend-badge__detail">{detail}</span>}
    </p>
  );
}

const BACKEND_CHOICES = `${BACKEND_NAMES.slice(0, -1).join(', ')} or ${BACKEND_NAMES.at(-1)}`;

/** A visible notice for `?backend=` values that could not be honoured. Never blocks the page. */
export function BackendNotice() {
  const state = useTfState();
  const { request } = useTfSession();
  const messages: string[] = [];
  if (request.invalid !== undefined) {
    messages.push(`“?backend=${request.invalid}” is not a backend (use ${BACKEND_CHOICES}); choosing automatically.`);
  }
  if (state.status === 'ready' && state.selection.forcedUnavailable) messages.push(state.selection.forcedUnavailable);
  if (messages.length === 0) return null;
  return (
    <div className="backend-notice" role="status">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
