/**
 * Typed errors the training core throws, so that callers (the page, the worker, the command line)
 * can tell a diverged run from a programming mistake and show the reader something useful.
 */

/** Which measured quantity went non-finite. */
export type NonFiniteQuantity = 'loss' | 'gradient';

/** Names the book uses for the default tasks, in task order. */
const TASK_LABELS: readonly string[] = ['RUL', 'health'];

/** "task 0 (RUL)", "task 1 (health)", "task 2" for tasks without a book name. */
export function describeTask(task: number): string {
  const label = TASK_LABELS[task];
  return label === undefined ? `task ${task}` : `task ${task} (${label})`;
}

/**
 * A loss or a gradient summary came back NaN or ±∞. The step that measured it applied nothing:
 * parameters, optimiser moments, the strategy's state and the step counter are as they were before.
 */
export class NonFiniteError extends Error {
  /** Index of the first task whose loss or gradient was non-finite. */
  readonly task: number;
  /** The 1-based step that was being taken. */
  readonly step: number;
  readonly quantity: NonFiniteQuantity;

  constructor(details: { task: number; step: number; quantity: NonFiniteQuantity }) {
    super(
      `Non-finite ${details.quantity} for ${describeTask(details.task)} at step ${details.step}; ` +
        'parameters left as they were before this step',
    );
    this.name = 'NonFiniteError';
    this.task = details.task;
    this.step = details.step;
    this.quantity = details.quantity;
  }
}

/** A scenario, parameter set or command-line value failed validation; the message names the field. */
export class ValidationError extends Error {
  /** Dotted path of the offending field, e.g. "scenario.optimiser.learningRate". */
  readonly path: string;

  constructor(path: string, message: string) {
    super(`${path} ${message}`);
    this.name = 'ValidationError';
    this.path = path;
  }
}
