import { describe, expect, it } from 'vitest';
import type { ScorecardConfig, ScorecardHooks } from '../core/lab/scorecard';
import { createTrainingHost, type CoreBridge } from './host';
import type { FromHost } from './protocol';

const config: ScorecardConfig = {
  runs: [{ id: 'fixed', label: 'Fixed', strategy: { name: 'fixed' } }],
  seeds: [0, 1],
  steps: 4,
  data: { kind: 'toy', seed: 1 },
  baselineId: 'fixed',
};

/** A bridge whose scorecard reports a step at a time and yields, like the core's, on plain numbers. */
function startHost(withScorecard = true) {
  const messages: FromHost[] = [];
  const bridge: CoreBridge = {
    selectBackend: async () => ({ name: 'cpu', skipped: [] }),
    createLab: async () => { throw new Error('no labs here'); },
    backendLost: () => null,
    recoverFromLoss: async () => ({ name: 'cpu', skipped: [] }),
    ...(withScorecard ? {
      async runScorecard(scorecard: ScorecardConfig, _datasets: unknown, hooks: ScorecardHooks) {
        for (let step = 1; step <= 8; step += 1) {
          hooks.onProgress?.({ seed: 0, seedIndex: 0, seedCount: 2, modelSteps: step, totalModelSteps: 8 });
          await hooks.yieldTurn?.();
          if (hooks.cancelled?.()) throw new Error('the scorecard was stopped before it finished');
        }
        return { split: 'validation' as const, count: 3, stackedRunIds: [], scores: scorecard.seeds.map((seed) => ({ runId: 'fixed', seed, rmse: 1, nasaScore: 2, healthAccuracy: 0.5 })) };
      },
    } : {}),
  };
  const host = createTrainingHost({
    kind: 'main-thread',
    loadCore: async () => bridge,
    post: (message) => messages.push(message),
    yieldTurn: () => new Promise((resolve) => setTimeout(resolve, 0)),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => 0,
  });
  return { host, messages };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the training host’s scorecards', () => {
  it('reports progress, then the per-seed scores', async () => {
    const { host, messages } = startHost();
    host.receive({ type: 'runScorecard', scorecardId: 's1', config });
    await settle();
    const progress = messages.filter((m) => m.type === 'scorecardProgress');
    expect(progress).toHaveLength(8);
    const done = messages.find((m) => m.type === 'scorecardDone');
    expect(done?.type === 'scorecardDone' && done.result.scores.map((s) => s.seed)).toEqual([0, 1]);
  });

  it('stops a scorecard at its next turn and reports nothing more', async () => {
    const { host, messages } = startHost();
    host.receive({ type: 'runScorecard', scorecardId: 's2', config });
    await new Promise((resolve) => setTimeout(resolve, 0));
    host.receive({ type: 'stopScorecard', scorecardId: 's2' });
    await settle();
    expect(messages.filter((m) => m.type === 'scorecardProgress').length).toBeLessThan(8);
    expect(messages.some((m) => m.type === 'scorecardDone' || m.type === 'scorecardFailed')).toBe(false);
  });

  it('says so when the core it loaded cannot run a scorecard', async () => {
    const { host, messages } = startHost(false);
    host.receive({ type: 'runScorecard', scorecardId: 's3', config });
    await settle();
    expect(messages).toContainEqual({ type: 'scorecardFailed', scorecardId: 's3', message: 'this training host cannot run a scorecard' });
  });
});
