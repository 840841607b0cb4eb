/** A widget's state object, seeded from the URL and written back (debounced) as it changes. */
import { useEffect, useState } from 'react';
import { currentParams, parseState, serializeState, writeParams, type Schema } from './url-state';

export function useUrlState<S>(prefix: string, schema: Schema<S>): [S, (update: Partial<S>) => void] {
  const [state, setState] = useState<S>(() => parseState(currentParams(), prefix, schema));
  useEffect(() => {
    const timer = setTimeout(() => writeParams(serializeState(currentParams(), prefix, schema, state)), 250);
    return () => clearTimeout(timer);
  }, [prefix, schema, state]);
  return [state, (update) => setState((previous) => ({ ...previous, ...update }))];
}
