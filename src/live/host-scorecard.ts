/**
 * The training host's scorecards: a scorecard runs to its end in the host (Worker or per-frame
 * slices), yielding a turn every few steps so labs, stop requests and the page stay responsive, and
 * reports its progress and its per-seed scores as messages.
 */
import type { ScorecardConfig, ScorecardHooks, ScorecardRuns } from '../core/lab/scorecard';
import type { LoadedDatasetArrays, ScorecardMessage } from './protocol';

/** The core's scorecard as the host calls it (CoreBridge.runScorecard in host.ts). */
export type ScorecardCore = (config: ScorecardConfig, datasets: ReadonlyMap<string, LoadedDatasetArrays>, hooks: ScorecardHooks) => Promise<ScorecardRuns>;

/** What the runner needs from its host: a way to post, a turn to yield, and the core once loaded. */
export interface ScorecardHostSide {
  post(message: ScorecardMessage): void;
  yieldTurn(): Promise<void>;
  /** The loaded core's scorecard, or undefined where the core has none. */
  scorecardCore(): Promise<ScorecardCore | undefined>;
}

/** Lab steps between progress messages (and turns given to the host's other work). */
const STEPS_PER_TURN = 10;

export function createScorecardRunner(host: ScorecardHostSide, datasets: ReadonlyMap<string, LoadedDatasetArrays>) {
  const stopped = new Set<string>();
  const running = new Set<string>();

  const run = async (scorecardId: string, config: ScorecardConfig): Promise<void> => {
    running.add(scorecardId);
    try {
      const runScorecard = await host.scorecardCore();
      if (!runScorecard) throw new Error('this training host cannot run a scorecard');
      const result = await runScorecard(config, datasets, {
        progressEvery: STEPS_PER_TURN,
        onProgress: (progress) => host.post({ type: 'scorecardProgress', scorecardId, progress }),
        yieldTurn: () => host.yieldTurn(),
        cancelled: () => stopped.has(scorecardId),
      });
      host.post({ type: 'scorecardDone', scorecardId, result });
    } catch (error) {
      if (!stopped.has(scorecardId)) {
        host.post({ type: 'scorecardFailed', scorecardId, message: error instanceof Error ? error.message : String(error) });
      }
    } finally {
      running.delete(scorecardId);
      stopped.delete(scorecardId);
    }
  };

  return {
    run(scorecardId: string, config: ScorecardConfig): void {
      void run(scorecardId, config);
    },
    /** Stops a running scorecard at its next turn; it reports nothing more. */
    stop(scorecardId: string): void {
      if (running.has(scorecardId)) stopped.add(scorecardId);
    },
  };
}
