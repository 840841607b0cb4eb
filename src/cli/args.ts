/**
 * Command-line arguments: parsed with node:util and checked, with errors that name the flag.
 */
import { parseArgs } from 'node:util';
import type { BackendName } from '../core/backend';
import type { GradientPath } from '../core/trainer/trainer';
import { STRATEGY_NAMES } from '../core/strategies';
import type { StrategyName } from '../core/strategies/registry';

/** A mistake in the arguments: printed as one line, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Balancing Act training core

Usage:
  npm run core -- replay <scenario.json> [--backend cpu|wasm] [--path fused|naive] [--parameters]
  npm run core -- train --strategy <name> [--steps 500] [--seed 0] [--batch 64] [--lr 1e-3]
                        [--every 50] [--backend cpu|wasm] [--path fused|naive]
  npm run core -- --help

replay  runs a scenario file (docs/scenario.md) and prints one JSON line per step, then a summary.
train   trains on the seeded synthetic fleet, printing every --every steps and a summary with
        validation metrics on a held-out synthetic set.
Strategies: ${STRATEGY_NAMES.join(', ')}.`;

/** Options shared by both commands. */
export interface CommonOptions {
  readonly backend: BackendName;
  readonly path: GradientPath;
}

export type Command =
  | { readonly kind: 'help' }
  | ({ readonly kind: 'replay'; readonly file: string; readonly parameters: boolean } & CommonOptions)
  | ({
      readonly kind: 'train';
      readonly strategy: StrategyName;
      readonly steps: number;
      readonly seed: number;
      readonly batch: number;
      readonly lr: number;
      readonly every: number;
    } & CommonOptions);

function numberFlag(value: string | undefined, flag: string, fallback: number, integer: boolean, min: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  const ok = value.trim() !== '' && Number.isFinite(parsed) && (!integer || Number.isInteger(parsed)) && parsed >= min;
  if (!ok) throw new UsageError(`--${flag} must be ${integer ? 'an integer' : 'a number'} >= ${min}, got "${value}"`);
  return parsed;
}

function choice<T extends string>(value: string | undefined, flag: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

/** Parse argv (without node and the script). Throws {@link UsageError}. */
export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        parameters: { type: 'boolean' },
        ...Object.fromEntries(
          ['strategy', 'steps', 'seed', 'batch', 'lr', 'every', 'backend', 'path'].map((name) => [name, { type: 'string' as const }]),
        ),
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const strings = values as Record<string, string | boolean | undefined>;
  const text = (name: string): string | undefined => {
    const value = strings[name];
    return typeof value === 'string' ? value : undefined;
  };
  if (values.help === true || positionals.length === 0) return { kind: 'help' };
  const common: CommonOptions = {
    backend: choice(text('backend'), 'backend', ['cpu', 'wasm'] as const, 'cpu'),
    path: choice(text('path'), 'path', ['fused', 'naive'] as const, 'fused'),
  };
  const [command, ...rest] = positionals;
  if (command === 'replay') {
    if (rest.length !== 1) throw new UsageError('replay needs exactly one scenario file');
    return { kind: 'replay', file: rest[0], parameters: values.parameters === true, ...common };
  }
  if (command !== 'train') throw new UsageError(`unknown command "${command}" (use replay or train; --help)`);
  if (rest.length > 0) throw new UsageError(`train takes no positional arguments, got "${rest.join(' ')}"`);
  const strategy = text('strategy');
  if (strategy === undefined) throw new UsageError('train needs --strategy');
  return {
    kind: 'train',
    strategy: choice(strategy, 'strategy', STRATEGY_NAMES, 'gaba'),
    steps: numberFlag(text('steps'), 'steps', 500, true, 1),
    seed: numberFlag(text('seed'), 'seed', 0, true, 0),
    batch: numberFlag(text('batch'), 'batch', 64, true, 1),
    lr: numberFlag(text('lr'), 'lr', 1e-3, false, Number.MIN_VALUE),
    every: numberFlag(text('every'), 'every', 50, true, 1),
    ...common,
  };
}
