import { describe, expect, it } from 'vitest';
import { addSample, formatRate, stepsPerSecond, type StepSample } from './step-rate';

describe('measured steps per second', () => {
  it('is the steps taken over the time between the oldest and newest sample in the window', () => {
    let samples: StepSample[] = [];
    expect(stepsPerSecond(samples)).toBeNull();
    samples = addSample(samples, { at: 0, step: 0 });
    expect(stepsPerSecond(samples)).toBeNull();
    for (let t = 100; t <= 3000; t += 100) samples = addSample(samples, { at: t, step: t / 2 });
    // 5 steps per 100 ms; only the last 1.5 s are kept.
    expect(samples[0].at).toBe(1500);
    expect(stepsPerSecond(samples)).toBeCloseTo(500, 9);
  });

  it('keeps two samples when messages are rare, and gives null for a clock that did not move', () => {
    const samples = addSample(addSample([], { at: 0, step: 0 }), { at: 5000, step: 50 });
    expect(samples).toHaveLength(2);
    expect(stepsPerSecond(samples)).toBe(10);
    expect(stepsPerSecond([{ at: 7, step: 1 }, { at: 7, step: 2 }])).toBeNull();
  });

  it('reads as people write numbers', () => {
    expect(formatRate(1234.4)).toBe('1,234 steps/s');
    expect(formatRate(12.46)).toBe('12.5 steps/s');
    expect(formatRate(0.8)).toBe('0.80 steps/s');
  });
});
