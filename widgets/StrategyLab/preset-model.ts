/**
 * The lab's "train a real model" preset as the widget sees it: the lab config (from the core's
 * preset), the published FD001 figures it is compared with, and the time left from the pace so far.
 */
import type { CitationKey } from '../../src/book/content/bibliography';
import { FD001_PRESET, presetLabConfig } from '../../src/core/lab/fd001-preset';
import type { LabConfig } from '../../src/core/lab/types';
import type { StrategyName } from '../../src/core/strategies/index';
import { strategyLabel } from './model';

/** Published FD001 test RMSEs (last window per engine, RUL capped at 125), each from its paper. */
export const PUBLISHED_FD001: readonly { readonly model: string; readonly rmse: number; readonly source: CitationKey }[] = [
  { model: 'CNN', rmse: 18.45, source: 'Babu 2016' },
  { model: 'LSTM', rmse: 16.14, source: 'Zheng 2017' },
  { model: 'deep CNN', rmse: 12.61, source: 'Li 2018' },
];

export const PRESET_STEPS = FD001_PRESET.steps;

export function presetConfig(names: readonly StrategyName[], seed: number, datasetId: string, steps: number): LabConfig | null {
  if (names.length === 0) return null;
  return presetLabConfig(names.map((name) => ({ id: name, label: strategyLabel(name), strategy: { name } })), seed, datasetId, steps);
}

/**
 * Seconds left at the pace measured since `startedAt` (ms), or null before there is a pace to go by
 * (fewer than 2 % of the steps, or under a second): an early guess would mostly measure start-up.
 */
export function secondsLeft(step: number, totalSteps: number, startedAt: number | null, now: number): number | null {
  if (startedAt === null || step <= 0 || step >= totalSteps) return null;
  const elapsed = (now - startedAt) / 1000;
  if (elapsed < 1 || step < totalSteps * 0.02) return null;
  return (elapsed / step) * (totalSteps - step);
}

export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}
