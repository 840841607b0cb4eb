/** Bounded step histories: long runs keep an evenly thinned picture plus every recent point. */
import type { LabStepRecord } from './types';

/** Appends `incoming`; when over `limit`, halves the history by dropping every other record (the newest always stays). */
export function appendThinned(history: readonly LabStepRecord[], incoming: readonly LabStepRecord[], limit: number): LabStepRecord[] {
  let next = history.concat(incoming);
  while (next.length > Math.max(2, limit)) {
    const last = next[next.length - 1];
    next = next.filter((_, index) => index % 2 === 0);
    if (next[next.length - 1] !== last) next.push(last);
  }
  return next;
}
