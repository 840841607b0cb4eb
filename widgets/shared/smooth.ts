/**
 * Exponential smoothing of a per-step series, for reading a trend through noisy losses. The weight
 * of each new point is 1 − `beta`; the first point starts the average as is (no bias towards zero),
 * and a non-finite point is passed through without resetting what came before.
 */
export function smoothPoints(points: readonly (readonly [number, number])[], beta: number): [number, number][] {
  let average = NaN;
  return points.map(([x, y]) => {
    if (!Number.isFinite(y)) return [x, y];
    average = Number.isFinite(average) ? beta * average + (1 - beta) * y : y;
    return [x, average];
  });
}
