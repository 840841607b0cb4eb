/**
 * Whether C-MAPSS data can train a lab: the batch sampler needs at least one training window and the
 * validation metrics at least one held-out window; the split holds out one engine in five (at least
 * one, never all), so fewer than three engines leave nothing to validate on.
 */

/** The fewest training engines whose split keeps one to train on and one to validate on. */
export const MIN_TRAINING_ENGINES = 3;

export interface TrainableCounts {
  /** Engines in the reader's train file. */
  readonly engines: number;
  /** Windows on each side of the split, once cut (left out before the pipeline has run). */
  readonly windows?: { readonly train: number; readonly validation: number };
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Null when the lab can train on these counts, else a sentence saying what it found and what it needs. */
export function untrainableReason(fileName: string, counts: TrainableCounts): string | null {
  const { engines, windows } = counts;
  const enoughWindows = !windows || (windows.train >= 1 && windows.validation >= 1);
  if (engines >= MIN_TRAINING_ENGINES && enoughWindows) return null;
  const found = windows
    ? `${plural(engines, 'engine')}, ${plural(windows.train, 'training window')} and ${plural(windows.validation, 'validation window')}`
    : plural(engines, 'engine');
  return `${fileName} holds ${found}: the lab needs at least ${MIN_TRAINING_ENGINES} engines, so that one in five `
    + '(at least one) is held out for validation, and at least one 30-cycle window to train on and one to validate on.';
}
