/** A widget's state object, seeded from the URL and written back (debounced) as it changes. */
import { useEffect, useMemo, useState } from 'react';
import { currentParams, defaultState, linkFor, parseState, serializeState, writeParams, type Schema } from './url-state';

export interface UrlStateTools {
  /** Every setting back to its default (and out of the URL). */
  resetToDefaults(): void;
  /** A link to this page that reproduces the widget's current state. */
  link(): string;
}

export function useUrlState<S>(prefix: string, schema: Schema<S>): [S, (update: Partial<S>) => void, UrlStateTools] {
  const [state, setState] = useState<S>(() => parseState(currentParams(), prefix, schema));
  useEffect(() => {
    const timer = setTimeout(() => writeParams(serializeState(currentParams(), prefix, schema, state)), 250);
    return () => clearTimeout(timer);
  }, [prefix, schema, state]);
  const tools = useMemo<UrlStateTools>(() => ({
    resetToDefaults: () => setState(defaultState(schema)),
    link: () => linkFor(location.href, prefix, schema, state),
  }), [prefix, schema, state]);
  return [state, (update) => setState((previous) => ({ ...previous, ...update })), tools];
}
