import { describe, expect, it } from 'vitest';
import { MIN_TRAINING_ENGINES, untrainableReason } from './trainable';
import { splitEngines } from './prepare';

describe('which data a lab can train on', () => {
  it('needs three engines, the fewest whose split keeps one to train on and one to validate on', () => {
    expect(splitEngines(MIN_TRAINING_ENGINES - 1, 0.2, 0).validation.length).toBe(0);
    const split = splitEngines(MIN_TRAINING_ENGINES, 0.2, 0);
    expect(split.validation.length).toBe(1);
    expect(split.train.length).toBe(2);
  });

  it('refuses one engine and says how many engines and windows it needs', () => {
    expect(untrainableReason('train_FD001.txt', { engines: 1 })).toBe(
      'train_FD001.txt holds 1 engine: the lab needs at least 3 engines, so that one in five (at least one) is held out '
      + 'for validation, and at least one 30-cycle window to train on and one to validate on.',
    );
    expect(untrainableReason('t.txt', { engines: 2 })).toMatch(/^t\.txt holds 2 engines: the lab needs at least 3 engines/);
  });

  it('refuses a split without windows on either side, and counts them in the message', () => {
    expect(untrainableReason('t.txt', { engines: 5, windows: { train: 12, validation: 0 } })).toMatch(/^t\.txt holds 5 engines, 12 training windows and 0 validation windows: /);
    expect(untrainableReason('t.txt', { engines: 5, windows: { train: 0, validation: 1 } })).toMatch(/0 training windows and 1 validation window: /);
  });

  it('accepts three or more engines with windows on both sides', () => {
    expect(untrainableReason('t.txt', { engines: 3 })).toBeNull();
    expect(untrainableReason('t.txt', { engines: 100, windows: { train: 14000, validation: 3700 } })).toBeNull();
  });
});
