/**
 * Fewer points for a line that is drawn, not read: a live run's 2,000-step history in a 480-pixel-wide
 * plot puts four points in every pixel column, and the browser paints every segment on every update.
 * Keeping, per column of `columnWidth` units, the lowest and the highest point (in step order) draws
 * the same envelope (spikes included) with at most two points per column. Only a line drawn as a
 * function of x (x never decreasing, as with steps) is thinned; a trajectory such as a path through
 * loss space is drawn as it is. The data itself, the CSV export and the readouts keep every point.
 */
export type Point = readonly [number, number];

export function decimateForDrawing(points: readonly Point[], toX: (x: number) => number, columnWidth: number): readonly Point[] {
  if (points.length <= 2) return points;
  for (let i = 1; i < points.length; i += 1) if (points[i][0] < points[i - 1][0]) return points;
  const kept: Point[] = [];
  let column = Number.NaN;
  let low: Point | null = null;
  let high: Point | null = null;
  let lowIndex = 0;
  let highIndex = 0;
  const flush = (): void => {
    if (low === null || high === null) return;
    if (low === high) kept.push(low);
    else if (lowIndex < highIndex) kept.push(low, high);
    else kept.push(high, low);
  };
  points.forEach((point, index) => {
    const y = point[1];
    const pointColumn = Math.floor(toX(point[0]) / columnWidth);
    // A gap (NaN) is kept as it is: the line generator breaks the line there.
    if (!Number.isFinite(y)) {
      flush();
      kept.push(point);
      low = high = null;
      column = Number.NaN;
      return;
    }
    if (pointColumn !== column || low === null || high === null) {
      flush();
      column = pointColumn;
      low = high = point;
      lowIndex = highIndex = index;
      return;
    }
    if (y < low[1]) [low, lowIndex] = [point, index];
    if (y > high[1]) [high, highIndex] = [point, index];
  });
  flush();
  // The newest point is what the eye follows in a live run: always keep it.
  const last = points[points.length - 1];
  if (kept[kept.length - 1] !== last) kept.push(last);
  return kept;
}
