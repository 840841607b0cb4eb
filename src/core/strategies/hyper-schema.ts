/**
 * Hyperparameter schemas (each strategy's definition carries its own) and the one place that checks
 * them: published defaults and the checks that turn a loose
 * `Record<string, unknown>` (from the URL, a scenario file or the CLI) into validated values, with
 * errors that name the offending field.
 */
import type { HyperValue } from './strategy';
import { closestKey } from '../scenario-fields';

/** A validated hyperparameter value; null only where the schema allows it (GradNorm's weightLr). */
export type ResolvedHyperValue = HyperValue | null;
export type ResolvedHyper = Readonly<Record<string, ResolvedHyperValue>>;

/** A numeric range; a bound is omitted when unconstrained. */
interface Range {
  readonly min?: number;
  readonly minOpen?: boolean;
  readonly max?: number;
  readonly maxOpen?: boolean;
}

export type FieldRule =
  | ({ readonly kind: 'number'; readonly integer?: boolean; readonly nullable?: boolean } & Range)
  | ({ readonly kind: 'perTask' } & Range)
  | { readonly kind: 'choice'; readonly values: readonly string[] };

/** A method's hyperparameters: the rule of each field and the published defaults for K tasks. */
export interface HyperSchema {
  readonly fields: Readonly<Record<string, FieldRule>>;
  readonly defaults: (taskCount: number) => ResolvedHyper;
}

/** The schema of a method without hyperparameters. */
export const NO_HYPER: HyperSchema = { fields: {}, defaults: () => ({}) };

/** [1/K, …, 1/K]: the default of a per-task weights field. */
export const halves = (k: number): number[] => new Array<number>(k).fill(1 / k);

/** A random seed: a 32-bit unsigned integer. */
export const SEED_RULE: FieldRule = { kind: 'number', integer: true, min: 0, max: 4294967295 };

/** A validated number field (the schema guarantees the type; this only narrows it). */
export function numberOf(hyper: ResolvedHyper, key: string): number {
  const value = hyper[key];
  if (typeof value !== 'number') throw new Error(`strategy.hyper.${key} must be a number`);
  return value;
}

/** A validated per-task field, copied. */
export function numbersOf(hyper: ResolvedHyper, key: string): number[] {
  const value = hyper[key];
  if (!Array.isArray(value)) throw new Error(`strategy.hyper.${key} must be an array of numbers`);
  return value.slice();
}

/** A validated choice field, narrowed to its allowed values. */
export function choiceOf<T extends string>(hyper: ResolvedHyper, key: string, values: readonly T[]): T {
  const value = hyper[key];
  const match = values.find((allowed) => allowed === value);
  if (match === undefined) throw new Error(`strategy.hyper.${key} must be one of ${values.join(', ')}`);
  return match;
}

function describeRange(range: Range): string {
  const { min, max } = range;
  if (min !== undefined && max !== undefined) {
    return `in ${range.minOpen ? '(' : '['}${min}, ${max}${range.maxOpen ? ')' : ']'}`;
  }
  if (min !== undefined) return `${range.minOpen ? '>' : '>='} ${min}`;
  if (max !== undefined) return `${range.maxOpen ? '<' : '<='} ${max}`;
  return 'finite';
}

function inRange(value: number, range: Range): boolean {
  if (!Number.isFinite(value)) return false;
  if (range.min !== undefined && (range.minOpen ? value <= range.min : value < range.min)) return false;
  if (range.max !== undefined && (range.maxOpen ? value >= range.max : value > range.max)) return false;
  return true;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function checkNumber(path: string, value: unknown, rule: FieldRule & { kind: 'number' }): ResolvedHyperValue {
  if (value === null && rule.nullable) return null;
  if (typeof value !== 'number') {
    throw new Error(`${path} must be a number${rule.nullable ? ' or null' : ''}, got ${typeName(value)}`);
  }
  if (!inRange(value, rule)) throw new Error(`${path} must be ${describeRange(rule)}, got ${value}`);
  if (rule.integer && !Number.isInteger(value)) throw new Error(`${path} must be an integer, got ${value}`);
  return value;
}

function checkPerTask(path: string, value: unknown, rule: Range, taskCount: number): number[] {
  if (!Array.isArray(value) || value.length !== taskCount) {
    const got = Array.isArray(value) ? `${value.length} entries` : typeName(value);
    throw new Error(`${path} must be an array of ${taskCount} numbers (one per task), got ${got}`);
  }
  return value.map((entry: unknown, i) => {
    if (typeof entry !== 'number') throw new Error(`${path}[${i}] must be a number, got ${typeName(entry)}`);
    if (!inRange(entry, rule)) throw new Error(`${path}[${i}] must be ${describeRange(rule)}, got ${entry}`);
    return entry;
  });
}

function checkField(path: string, value: unknown, rule: FieldRule, taskCount: number): ResolvedHyperValue {
  switch (rule.kind) {
    case 'number':
      return checkNumber(path, value, rule);
    case 'perTask':
      return checkPerTask(path, value, rule, taskCount);
    case 'choice':
      if (typeof value !== 'string' || !rule.values.includes(value)) {
        const shown = typeof value === 'string' ? `"${value}"` : typeName(value);
        throw new Error(`${path} must be one of ${rule.values.map((v) => `"${v}"`).join(', ')}, got ${shown}`);
      }
      return value;
  }
}

/**
 * Defaults overridden by `hyper`, every field checked. Throws an Error naming the field, e.g.
 * `strategy.hyper.beta must be in [0, 1), got 1.5`.
 */
export function resolveHyper(name: string, schema: HyperSchema, hyper: unknown, taskCount: number): ResolvedHyper {
  if (hyper !== undefined && (hyper === null || typeof hyper !== 'object' || Array.isArray(hyper))) {
    throw new Error(`strategy.hyper must be an object, got ${typeName(hyper)}`);
  }
  // Checked just above to be a plain object (or absent); its values are still unknown.
  const given = (hyper ?? {}) as Readonly<Record<string, unknown>>;
  const known = Object.keys(schema.fields);
  for (const key of Object.keys(given)) {
    if (!known.includes(key)) {
      const near = closestKey(key, known);
      const hint = near === undefined ? '' : `did you mean "${near}"? `;
      const list = known.length > 0 ? `known: ${known.join(', ')}` : 'it has none';
      throw new Error(`strategy.hyper.${key} is not a hyperparameter of ${name} (${hint}${list})`);
    }
  }
  const merged: Record<string, ResolvedHyperValue> = { ...schema.defaults(taskCount) };
  for (const [key, rule] of Object.entries(schema.fields)) {
    if (key in given) merged[key] = checkField(`strategy.hyper.${key}`, given[key], rule, taskCount);
  }
  checkCrossFieldLimits(merged, taskCount);
  return merged;
}

/** Limits that depend on K: a GABA floor above 1/K would make the floors alone sum past 1. */
function checkCrossFieldLimits(hyper: Readonly<Record<string, ResolvedHyperValue>>, taskCount: number): void {
  const minWeight = hyper.minWeight;
  if (typeof minWeight === 'number' && minWeight * taskCount > 1 + 1e-12) {
    throw new Error(
      `strategy.hyper.minWeight must be at most 1/K = ${1 / taskCount} for K = ${taskCount} tasks, got ${minWeight}`,
    );
  }
}
