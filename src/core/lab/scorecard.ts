/**
 * The scorecard's runs: every strategy of a lab trained once per seed, then scored on the test split
 * (each test engine's last window, truth capped at 125) or, for data without test engines, on the
 * validation windows. A seed sets the initial parameters and the batch order, and every strategy of
 * that seed shares both, so the differences can be paired per seed (scorecard-summary.ts).
 *
 * Runs whose weights never move and that share their task losses are asked to stack: one stacked
 * program (stacked-runs.ts, the definitions marked 'stackable'), or on webgpu GPU-resident runs where
 * that is faster (lab-runs.ts); the others get a trainer each. Seeds cannot share a stacked program, because a
 * stacked program steps every network on one batch and each seed has its own batch order.
 */
import { describeStrategy, strategyDefinition } from '../strategies/index';
import type { OptimiserConfig } from '../optimiser-config';
import { createLab } from './lab';
import type { LabConfig, LabDataSpec, LabDatasetArrays, LabRunSpec } from './types';

export interface ScorecardConfig {
  readonly runs: readonly LabRunSpec[];
  /** One training of every run per seed; at least 2, or there is no spread to measure. */
  readonly seeds: readonly number[];
  readonly steps: number;
  readonly data: LabDataSpec;
  readonly backbone?: 'dense' | 'temporal';
  /** The run every other is compared with, seed by seed (the book uses Fixed 0.5 / 0.5). */
  readonly baselineId: string;
  readonly batchSize?: number;
  readonly optimiser?: OptimiserConfig;
}

/** One run's scores after its last step at one seed; NaN where the run stopped on a non-finite value. */
export interface SeedScore {
  readonly runId: string;
  readonly seed: number;
  readonly rmse: number;
  readonly nasaScore: number;
  readonly healthAccuracy: number;
  readonly failure?: string;
}

export interface ScorecardRuns {
  /** 'test' when the data has test engines, else 'validation' (every held-out window). */
  readonly split: 'test' | 'validation';
  /** Rows scored: test engines, or validation windows. */
  readonly count: number;
  /** Runs trained in a stacked program, as their labs' paths say (on webgpu a stacked request may train resident). */
  readonly stackedRunIds: readonly string[];
  readonly scores: readonly SeedScore[];
}

export interface ScorecardProgress {
  readonly seed: number;
  readonly seedIndex: number;
  readonly seedCount: number;
  /** Model-steps done (one run taking one step is one), of `totalModelSteps`. */
  readonly modelSteps: number;
  readonly totalModelSteps: number;
}

export interface ScorecardHooks {
  onProgress?(progress: ScorecardProgress): void;
  /** Awaited every `progressEvery` steps, so a host can let other work (messages, the page) run. */
  yieldTurn?(): Promise<void>;
  /** Checked at each yield; true stops the scorecard with an error saying so. */
  cancelled?(): boolean;
  /** Lab steps between progress reports and yields (default 25). */
  readonly progressEvery?: number;
}

export function checkScorecardConfig(config: ScorecardConfig): void {
  const ids = config.runs.map((run) => run.id);
  if (ids.length === 0) throw new Error('a scorecard needs at least one strategy');
  if (new Set(ids).size !== ids.length) throw new Error('run ids in a scorecard must be unique');
  if (!ids.includes(config.baselineId)) throw new Error(`the scorecard's baseline "${config.baselineId}" is not one of its runs (${ids.join(', ')})`);
  if (config.seeds.length < 2) throw new Error(`a scorecard needs at least 2 seeds to measure their spread, got ${config.seeds.length}`);
  if (config.seeds.some((seed) => !Number.isInteger(seed) || seed < 0)) throw new Error('scorecard seeds must be non-negative integers');
  if (new Set(config.seeds).size !== config.seeds.length) throw new Error('scorecard seeds must differ from each other');
  if (!Number.isInteger(config.steps) || config.steps < 1) throw new Error(`a scorecard needs a whole number of steps >= 1, got ${config.steps}`);
}

/** The runs of one seed split into programs: each group of ≥ 2 stackable runs on the same losses, then the rest. */
export function scorecardGroups(runs: readonly LabRunSpec[], backbone: ScorecardConfig['backbone']): { stacked: LabRunSpec[][]; separate: LabRunSpec[] } {
  const byLosses = new Map<string, LabRunSpec[]>();
  const separate: LabRunSpec[] = [];
  for (const run of runs) {
    if ((backbone ?? 'dense') !== 'dense' || strategyDefinition(run.strategy.name).kind !== 'stackable') {
      separate.push(run);
      continue;
    }
    const key = describeStrategy(run.strategy.name).taskLosses.join();
    byLosses.set(key, [...(byLosses.get(key) ?? []), run]);
  }
  const stacked: LabRunSpec[][] = [];
  for (const group of byLosses.values()) {
    if (group.length >= 2) stacked.push(group);
    else separate.push(...group);
  }
  return { stacked, separate };
}

export async function runScorecard(config: ScorecardConfig, data: LabDatasetArrays, hooks: ScorecardHooks = {}): Promise<ScorecardRuns> {
  checkScorecardConfig(config);
  const split = data.test ? 'test' : 'validation';
  const { stacked, separate } = scorecardGroups(config.runs, config.backbone);
  const programs = [...stacked.map((runs) => ({ runs, stacked: true })), ...(separate.length > 0 ? [{ runs: separate, stacked: false }] : [])];
  const every = Math.max(1, hooks.progressEvery ?? 25);
  const totalModelSteps = config.seeds.length * config.runs.length * config.steps;
  let modelSteps = 0;
  const scores: SeedScore[] = [];
  const stackedRunIds = new Set<string>();
  for (const [seedIndex, seed] of config.seeds.entries()) {
    const report = () => hooks.onProgress?.({ seed, seedIndex, seedCount: config.seeds.length, modelSteps, totalModelSteps });
    for (const program of programs) {
      const labConfig: LabConfig = {
        seed, runs: program.runs, data: config.data, backbone: config.backbone, stacked: program.stacked,
        batchSize: config.batchSize, optimiser: config.optimiser,
      };
      const lab = createLab(labConfig, data);
      for (const [runId, { path }] of Object.entries(lab.paths)) if (path === 'stacked') stackedRunIds.add(runId);
      try {
        const failures = new Map<string, string>();
        for (let step = 1; step <= config.steps; step += 1) {
          const result = await lab.step();
          Object.entries(result.failures).forEach(([runId, message]) => failures.set(runId, message));
          modelSteps += program.runs.length;
          if (step % every === 0 || step === config.steps) {
            report();
            await hooks.yieldTurn?.();
            if (hooks.cancelled?.()) throw new Error('the scorecard was stopped before it finished');
          }
        }
        const evaluations = await lab.evaluate(split);
        for (const run of program.runs) {
          const scored = evaluations.find((evaluation) => evaluation.runId === run.id);
          const failure = failures.get(run.id);
          scores.push({
            runId: run.id, seed,
            rmse: scored?.rmse ?? NaN, nasaScore: scored?.nasaScore ?? NaN, healthAccuracy: scored?.healthAccuracy ?? NaN,
            ...(failure === undefined ? {} : { failure }),
          });
        }
      } finally {
        lab.dispose();
      }
    }
  }
  const count = split === 'test' ? data.test!.rul.length : data.validation.rul.length;
  return { split, count, stackedRunIds: [...stackedRunIds], scores };
}
