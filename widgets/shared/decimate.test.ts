import { describe, expect, it } from 'vitest';
import { decimateForDrawing, type Point } from './decimate';

const identity = (x: number): number => x;

describe('decimateForDrawing', () => {
  it('keeps every point when each has its own column', () => {
    const points: Point[] = [[0, 1], [1, 5], [2, 3], [3, 4]];
    expect(decimateForDrawing(points, identity, 1)).toEqual(points);
  });

  it('keeps the lowest and highest point of each column, in step order, and the last point', () => {
    // Column 0 holds x 0..3, column 1 holds x 4..7 (width 4).
    const points: Point[] = [[0, 2], [1, 9], [2, -1], [3, 4], [4, 5], [5, 5], [6, 7], [7, 6]];
    expect(decimateForDrawing(points, identity, 4)).toEqual([[1, 9], [2, -1], [4, 5], [6, 7], [7, 6]]);
  });

  it('keeps a spike, so the drawn envelope matches the full line', () => {
    const points: Point[] = Array.from({ length: 2000 }, (_, i) => [i, i === 1234 ? 100 : Math.sin(i / 50)] as const);
    const drawn = decimateForDrawing(points, (x) => x * 0.24, 2);
    expect(drawn.length).toBeLessThanOrEqual(2 * Math.ceil((2000 * 0.24) / 2) + 1);
    expect(drawn).toContainEqual([1234, 100]);
    expect(Math.min(...drawn.map((p) => p[1]))).toBe(Math.min(...points.map((p) => p[1])));
    expect(drawn[drawn.length - 1]).toEqual(points[points.length - 1]);
  });

  it('keeps gaps (non-finite values) where they are, so the line still breaks there', () => {
    const points: Point[] = [[0, 1], [0.1, 2], [0.2, Number.NaN], [0.3, 3], [0.4, 1]];
    expect(decimateForDrawing(points, identity, 1)).toEqual(points);
  });

  it('leaves a trajectory (x going back) as it is', () => {
    const points: Point[] = Array.from({ length: 600 }, (_, i) => [Math.cos(i / 40) * 10, Math.sin(i / 40) * 10] as const);
    expect(decimateForDrawing(points, identity, 2)).toBe(points);
  });
});
