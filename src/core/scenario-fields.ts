/**
 * What the scenario parser needs besides its field rules: the value echoed in an error, the known keys
 * of each object, and the closest known key for a misspelt one. Kept apart so that parse rules and
 * message wording change separately.
 */
import { ValidationError } from './errors';

/** Longest echo of a bad value; a whole 85 MB array in one error line helps nobody. */
export const ECHO_LIMIT = 80;

/**
 * Most steps a scenario may ask for. 10⁶ steps is hours on the fastest backend and far beyond any
 * run the book shows (a few thousand); 10¹² would never finish. docs/scenario.md states the limit.
 */
export const MAX_SCENARIO_STEPS = 1_000_000;

/** The value as JSON, cut to {@link ECHO_LIMIT} characters; ±∞ and NaN (1e999 parses to ∞) by name. */
export function shownValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return Number.isNaN(value) ? 'NaN' : `${value < 0 ? '-' : ''}Infinity (too large for a double)`;
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= ECHO_LIMIT ? text : `${text.slice(0, ECHO_LIMIT - 1)}… (${text.length.toLocaleString('en-US')} characters)`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The known key nearest to `key` (case-insensitive edit distance), or undefined when none is near. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const [typed, name] = [key.toLowerCase(), candidate.toLowerCase()];
    // A shortened name ("batch" for "batchSize") counts as a near miss however many letters it drops.
    const distance = typed.length >= 3 && name.startsWith(typed) ? 1 : editDistance(typed, name);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  // More than about a third of the word changed is a different word, not a typo.
  return bestDistance <= Math.max(2, Math.ceil(key.length / 3)) ? best : undefined;
}

/**
 * Refuse keys of `fields` outside `known`, naming the closest known key:
 * `scenario.optimizer is not a known field (did you mean "optimiser"?; known: …)`.
 */
export function refuseUnknownKeys(fields: Readonly<Record<string, unknown>>, known: readonly string[], path: string): void {
  for (const key of Object.keys(fields)) {
    if (known.includes(key)) continue;
    const near = closestKey(key, known);
    const hint = near === undefined ? '' : `did you mean "${near}"? `;
    throw new ValidationError(`${path}.${key}`, `is not a known field (${hint}known: ${known.join(', ')})`);
  }
}
