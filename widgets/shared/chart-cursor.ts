/**
 * What a chart's cursor reads: the steps (x values) a reader can move through, and each series'
 * point nearest a step. Pure, so the hover and keyboard readouts are tested without a browser.
 */

type Point = readonly [number, number];

/** Sorted distinct finite x values of all the series. */
export function cursorSteps(series: readonly (readonly Point[])[]): number[] {
  const steps = new Set<number>();
  for (const points of series) for (const [x] of points) if (Number.isFinite(x)) steps.add(x);
  return [...steps].sort((a, b) => a - b);
}

/** Index of the value in sorted `values` nearest `target` (−1 when empty). */
export function nearestIndex(values: readonly number[], target: number): number {
  if (values.length === 0) return -1;
  let low = 0;
  let high = values.length - 1;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (values[middle] <= target) low = middle;
    else high = middle;
  }
  return Math.abs(values[high] - target) < Math.abs(values[low] - target) ? high : low;
}

/** The series' point at `step`, or its nearest earlier point (lines are drawn through it); null before its first. */
export function valueAtStep(points: readonly Point[], step: number): Point | null {
  let found: Point | null = null;
  for (const point of points) {
    if (point[0] > step) break;
    found = point;
  }
  return found;
}
