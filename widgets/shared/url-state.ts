/**
 * Widget state in the page URL: each widget owns the query keys prefixed by its id ("gaba1.gRul"),
 * so a link reproduces the experiment. Parsing is pure and forgiving: a missing, malformed or absurd
 * value falls back to the default or is clamped, never an exception.
 */

/** How one field is read from and written to a string. */
export type FieldSpec<T> =
  | { readonly kind: 'number'; readonly min: number; readonly max: number; readonly fallback: number; readonly integer?: boolean }
  | { readonly kind: 'choice'; readonly options: readonly T[]; readonly fallback: T }
  | { readonly kind: 'boolean'; readonly fallback: T }
  /** A value with its own reader (a list of names…); written as String(value), so keep it canonical. */
  | { readonly kind: 'text'; readonly parse: (raw: string) => T; readonly fallback: T };

export type Schema<S> = { readonly [K in keyof S]: FieldSpec<S[K]> };

/** The largest seed: seeds are integers 0 … 2³¹ − 1, as the core's generators take them. */
export const MAX_SEED = 2 ** 31 - 1;

/** Every widget's seed field: an integer that round-trips through the URL exactly. */
export const SEED_FIELD = { kind: 'number', min: 0, max: MAX_SEED, fallback: 0, integer: true } as const satisfies FieldSpec<number>;

/** Every field at its default. */
export function defaultState<S>(schema: Schema<S>): S {
  const state = {} as S;
  for (const key of Object.keys(schema) as (keyof S & string)[]) state[key] = schema[key].fallback as S[typeof key];
  return state;
}

/** Reads one value: numbers are clamped to [min, max]; anything unreadable gives the fallback. */
export function parseField<T>(raw: string | null | undefined, spec: FieldSpec<T>): T {
  if (raw === null || raw === undefined) return spec.fallback as T;
  if (spec.kind === 'number') {
    const value = Number(raw.trim());
    if (raw.trim() === '' || !Number.isFinite(value)) return spec.fallback as T;
    const clamped = Math.min(spec.max, Math.max(spec.min, value));
    return (spec.integer ? Math.round(clamped) : clamped) as T;
  }
  if (spec.kind === 'text') return spec.parse(raw);
  if (spec.kind === 'boolean') {
    if (raw === '1' || raw === 'true') return true as T;
    if (raw === '0' || raw === 'false') return false as T;
    return spec.fallback as T;
  }
  const match = spec.options.find((option) => String(option) === raw);
  return match === undefined ? spec.fallback : match;
}

/** The whole state from URL parameters, key by key. */
export function parseState<S>(params: URLSearchParams, prefix: string, schema: Schema<S>): S {
  const state = {} as S;
  for (const key of Object.keys(schema) as (keyof S & string)[]) {
    state[key] = parseField<S[typeof key]>(params.get(`${prefix}.${key}`), schema[key]);
  }
  return state;
}

/** Writes the state into a copy of the parameters; defaults are left out to keep links short. */
export function serializeState<S>(params: URLSearchParams, prefix: string, schema: Schema<S>, state: S): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of Object.keys(schema) as (keyof S & string)[]) {
    const value = state[key];
    const spec = schema[key];
    const name = `${prefix}.${key}`;
    if (value === spec.fallback) next.delete(name);
    else next.set(name, typeof value === 'boolean' ? (value ? '1' : '0') : formatForUrl(value, spec));
  }
  return next;
}

// Integers are written whole (a seed of 99999999 must come back as itself); slider values are cut to
// six significant digits so a drag does not fill the address bar.
function formatForUrl<T>(value: unknown, spec: FieldSpec<T>): string {
  if (typeof value !== 'number') return String(value);
  if (spec.kind === 'number' && spec.integer) return String(Math.round(value));
  return String(Number(value.toPrecision(6)));
}

/** The address of the page with only this widget's state (and page-wide options) in the query. */
export function linkFor<S>(href: string, prefix: string, schema: Schema<S>, state: S): string {
  const url = new URL(href);
  const pageWide = new URLSearchParams([...url.searchParams].filter(([name]) => !name.includes('.')));
  const query = serializeState(pageWide, prefix, schema, state).toString();
  return `${url.origin}${url.pathname}${query ? `?${query}` : ''}${url.hash}`;
}

/** Reads the page's current parameters (empty outside a browser). */
export function currentParams(): URLSearchParams {
  return typeof location === 'undefined' ? new URLSearchParams() : new URLSearchParams(location.search);
}

/** Replaces the page's query string, keeping the path and the hash route; no history entry per drag. */
export function writeParams(params: URLSearchParams): void {
  if (typeof location === 'undefined' || typeof history === 'undefined') return;
  const query = params.toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
}
