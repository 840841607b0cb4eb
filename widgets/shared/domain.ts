/**
 * Axis domains that follow the data: every value drawn lies inside, a log axis spans whole decades
 * (so it always has at least two labelled ticks, even after one step), and a linear one starts at
 * zero when the data are positive.
 */

/** The smallest whole-decade span holding every finite positive value; `fallback` when there is none. */
export function logDomain(values: readonly number[], fallback: readonly [number, number]): [number, number] {
  const usable = values.filter((v) => Number.isFinite(v) && v > 0);
  if (usable.length === 0) return [fallback[0], fallback[1]];
  const low = Math.floor(Math.log10(Math.min(...usable)));
  let high = Math.ceil(Math.log10(Math.max(...usable)));
  if (high <= low) high = low + 1;
  return [10 ** low, 10 ** high];
}

/**
 * From zero (or the lowest value, if negative) to the highest value plus `headroom` of it, so lines
 * and markers are never cut at the edge; `fallback` when no value is finite.
 */
export function linearDomain(values: readonly number[], fallback: readonly [number, number], headroom = 0.05): [number, number] {
  const usable = values.filter((v) => Number.isFinite(v));
  if (usable.length === 0) return [fallback[0], fallback[1]];
  const low = Math.min(0, ...usable);
  const high = Math.max(...usable);
  if (high === low) return [low, low === 0 ? 1 : low + Math.abs(low)];
  return [low, high + (high - low) * headroom];
}
