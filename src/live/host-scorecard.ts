/**
 * The training host's scorecards: a scorecard runs to its end in the host (Worker or per-frame
 * slices), yielding a turn every few steps so labs, stop requests and the page stay responsive, and
 * reports its progress and its per-seed scores as messages.
 */
import type { ScorecardConfig } from '../core/lab/scorecard';
import type { CoreBridge, HostEnvironment } from './host';
import type { LoadedDatasetArrays } from './protocol';

/** Lab steps between progress messages (and turns given to the host's other work). */
const STEPS_PER_TURN = 10;

export function createScorecardRunner(environment: HostEnvironment, core: () => Promise<CoreBridge>, datasets: ReadonlyMap<string, LoadedDatasetArrays>) {
  const stopped = new Set<string>();
  const running = new Set<string>();

  const run = async (scorecardId: string, config: ScorecardConfig): Promise<void> => {
    running.add(scorecardId);
    try {
      const bridge = await core();
      if (!bridge.runScorecard) throw new Error('this training host cannot run a scorecard');
      const result = await bridge.runScorecard(config, datasets, {
        progressEvery: STEPS_PER_TURN,
        onProgress: (progress) => environment.post({ type: 'scorecardProgress', scorecardId, progress }),
        yieldTurn: () => environment.yieldTurn(),
        cancelled: () => stopped.has(scorecardId),
      });
      environment.post({ type: 'scorecardDone', scorecardId, result });
    } catch (error) {
      if (!stopped.has(scorecardId)) {
        environment.post({ type: 'scorecardFailed', scorecardId, message: error instanceof Error ? error.message : String(error) });
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
