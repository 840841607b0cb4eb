/**
 * What a weighting method declares about itself, once: the registry (registry.ts) lists these, and
 * everything else (names, labels, summaries, defaults, validation, the CLI's list, which methods the
 * stacked sweep may train) is read from them.
 */
import type { OptimiserConfig } from '../optimiser-config';
import type { HyperSchema, ResolvedHyper } from './hyper-schema';
import type { WeightingStrategy } from './strategy';

/** What a strategy needs from the run it belongs to. */
export interface StrategyContext {
  readonly taskCount: number;
  /** The trainer's optimiser; learnable-scalar methods reuse its kind and hyperparameters. */
  readonly optimiser: OptimiserConfig;
}

/**
 * 'stackable': fixed weights that never move, so N runs can share one stacked program
 * (lab/stacked-runs.ts); 'adaptive': the weights follow losses or gradients step by step.
 */
export type WeightingKind = 'adaptive' | 'stackable';

export interface StrategyDefinition<N extends string = string> {
  /** The registry name (URLs, scenario files, the CLI). */
  readonly name: N;
  /** Human-readable name, e.g. "GABA". */
  readonly label: string;
  /** One line for the book's UI and the CLI. */
  readonly summary: string;
  readonly hyper: HyperSchema;
  readonly kind: WeightingKind;
  /** Build one from hyperparameters already validated against `hyper` (the registry does that). */
  readonly create: (hyper: ResolvedHyper, context: StrategyContext) => WeightingStrategy;
}

/** Keeps the name's literal type, so the registry can derive its union of names. */
export function defineStrategy<N extends string>(definition: StrategyDefinition<N>): StrategyDefinition<N> {
  return Object.freeze(definition);
}
