/**
 * The cheap figures: runs of the widgets' own default settings on the synthetic data (a few seconds on
 * wasm) and closed-form numbers of the GABA controller and the quadratic pair (no training). The unit
 * test recomputes every one of them and compares with content/figures.json.
 */
import { updateShares } from '../core/gramian';
import { createGabaController } from '../core/strategies/gaba-controller';
import { COMBINER_SCHEMA, liveLabConfig as combinerLab } from '../../widgets/GradientCombiner/model';
import { computeExplorer, GABA_EXPLORER_SCHEMA, liveLabConfig as explorerLab } from '../../widgets/GabaExplorer/model';
import { runIdFor, SWEEP_LAMBDAS, SWEEP_SCHEMA, sweepLabConfig } from '../../widgets/LambdaSweep/model';
import { computePaths, PARETO_SCHEMA, PATH_STEPS } from '../../widgets/ParetoFrontier/model';
import { DEFAULT_SELECTION, STRATEGY_LAB_SCHEMA, strategyLabConfig, toggleStrategy } from '../../widgets/StrategyLab/model';
import { parseState } from '../../widgets/shared/url-state';
import { quantile, runLab } from './lab-run';
import { fixedFigure as fixed, integerFigure as integer, percentFigure as percent, ratioFigure as ratio, type FigureSpec, type MeasuredRun } from './types';

const defaults = <S>(schema: Parameters<typeof parseState<S>>[2]): S => parseState(new URLSearchParams(), 'figures', schema);
const last = <T>(items: readonly T[]): T => items[items.length - 1];

/** Chapter 3: the combiner's live mode with fixed 0.5/0.5, seed 0, for 400 steps. */
export async function toyFixedRun(): Promise<MeasuredRun> {
  const steps = 400;
  const config = combinerLab({ ...defaults(COMBINER_SCHEMA), mode: 'live', strategy: 'fixed', lambda: 0.5 });
  const records = (await runLab(config, steps)).records.run;
  const cosines = records.map((r) => r.cosine);
  const ratios = records.map((r) => r.gradNorms[0] / r.gradNorms[1]);
  const medianRatio = quantile(ratios, 0.5);
  return {
    key: 'toyFixed', what: 'GradientCombiner live, fixed 0.5/0.5, synthetic toy data', seed: 0, steps, backend: 'wasm',
    figures: {
      'toy.fixed.cosineMedian': fixed(quantile(cosines, 0.5), 3),
      'toy.fixed.cosineQ1': fixed(quantile(cosines, 0.25), 3),
      'toy.fixed.cosineQ3': fixed(quantile(cosines, 0.75), 3),
      'toy.fixed.cosineMin': fixed(Math.min(...cosines), 2),
      'toy.fixed.ratioMedian': ratio(medianRatio),
      'toy.fixed.ratioEnd': ratio(last(ratios)),
      // Chapter 2: at the median ratio, what a λ_rul of 0.1 leaves the health task (eq. 3.2).
      'toy.fixed.healthShareAtLambda01': percent(updateShares([0.1, 0.9], [medianRatio, 1])[1]),
    },
  };
}

/** First step at which the RUL weight used is at the floor (the floored value m/(m + ē) is below m). */
const floorStep = (records: readonly { readonly weights: readonly number[] }[], minWeight: number) =>
  records.findIndex((r) => r.weights[0] < minWeight) + 1;

/** Chapter 4: the explorer's live mode with its defaults (β 0.99, warm-up 100, floor 0.05), seeds 0 and 1. */
export async function toyGabaRun(): Promise<MeasuredRun> {
  const state = defaults(GABA_EXPLORER_SCHEMA);
  const records = (await runLab(explorerLab({ ...state, mode: 'live' }), state.steps)).records.gaba;
  const otherSeed = (await runLab(explorerLab({ ...state, mode: 'live', seed: 1 }), state.steps)).records.gaba;
  const end = last(records);
  return {
    key: 'toyGaba', what: 'GabaExplorer live, GABA with its defaults, synthetic toy data (seed 0; seed 1 for the floor step)', seed: state.seed, steps: state.steps, backend: 'wasm',
    figures: {
      'toy.gaba.ratioEnd': ratio(end.gradNorms[0] / end.gradNorms[1]),
      'toy.gaba.rulWeightEnd': fixed(end.weights[0], 3),
      'toy.gaba.healthShareEnd': percent(updateShares(end.weights, end.gradNorms)[1]),
      'toy.gaba.floorStepSeed0': integer(floorStep(records, state.minWeight)),
      'toy.gaba.floorStepSeed1': integer(floorStep(otherSeed, state.minWeight)),
    },
  };
}

/** Adaptive steps until the controller's RUL weight first falls below `threshold` at constant norms. */
function adaptiveStepsBelow(beta: number, threshold: number): number {
  const controller = createGabaController({ taskCount: 2, beta, warmupSteps: 0 });
  for (let step = 1; step <= 10_000; step += 1) if (controller.update([5, 0.01]).weights[0] < threshold) return step;
  return NaN;
}

/** Chapter 4: the explorer's sliders at their defaults (norms 5 and 0.01, 400 steps) and a few changes. */
export function gabaFloorNumbers(): MeasuredRun {
  const state = defaults(GABA_EXPLORER_SCHEMA);
  const norms = [state.normRul, state.normHealth];
  const shown = computeExplorer(state).finalWeights;
  const fastAverage = computeExplorer({ ...state, beta: 0.9 }).finalWeights;
  const noFloor = computeExplorer({ ...state, minWeight: 0, beta: 0.9 }).finalWeights;
  const halfFloor = computeExplorer({ ...state, minWeight: 0.5 }).finalWeights;
  return {
    key: 'gabaFloor', what: "the core's GABA controller fed the GabaExplorer sliders' norms (5 and 0.01)", seed: null, steps: state.steps, backend: 'none',
    figures: {
      'floor.rulWeightDefault': fixed(shown[0], 3),
      'floor.healthShareDefault': percent(updateShares(shown, norms)[1]),
      'floor.healthShareBeta90': percent(updateShares(fastAverage, norms)[1]),
      'floor.healthShareNoFloorBeta90': percent(updateShares(noFloor, norms)[1]),
      'floor.halfFloorRul': fixed(halfFloor[0], 3),
      'floor.halfFloorHealth': fixed(halfFloor[1], 3),
      'floor.stepsBelowTenthBeta99': integer(adaptiveStepsBelow(0.99, 0.1)),
      'floor.stepsBelowTenthBeta90': integer(adaptiveStepsBelow(0.9, 0.1)),
    },
  };
}

/** Chapter 4: where GABA settles at a 500× ratio with the floor 0.05, and what the floor caps. */
export function gabaSettled(): MeasuredRun {
  const steps = 2000;
  const state = defaults(GABA_EXPLORER_SCHEMA);
  const settled = computeExplorer({ ...state, steps }).finalWeights;
  return {
    key: 'gabaSettled', what: "the core's GABA controller fed norms 5 and 0.01 (500×) with its defaults", seed: null, steps, backend: 'none',
    figures: {
      'floor.settledRul': fixed(settled[0], 3),
      'floor.settledHealth': fixed(settled[1], 3),
      'floor.equalisableRatio': ratio(settled[1] / settled[0], 3),
      'floor.healthShare500': percent(updateShares(settled, [state.normRul, state.normHealth])[1]),
    },
  };
}

/** Chapter 1: where the Pareto widget's paths end, at three loss scales and two floors. */
export function paretoEnds(): MeasuredRun {
  const state = { ...defaults(PARETO_SCHEMA), mode: 'gaba' as const };
  const figures: Record<string, FigureSpec> = {};
  for (const scale of [1, 100, 1000]) {
    for (const floor of scale === 1000 ? [0.05, 0.01] : [0.05]) {
      const { gaba, fixed: fixedPath } = computePaths({ ...state, scale, minWeight: floor });
      const [end, fixedEnd] = [gaba[PATH_STEPS - 1], fixedPath[PATH_STEPS - 1]];
      const tag = `${scale}x.floor${String(floor).replace('0.', '')}`;
      figures[`pareto.gaba.${tag}.rulLoss`] = fixed(end.losses[0], 3);
      figures[`pareto.gaba.${tag}.healthLoss`] = fixed(end.losses[1], 3);
      figures[`pareto.fixed.${scale}x.rulLoss`] = fixed(fixedEnd.losses[0], 3);
      figures[`pareto.fixed.${scale}x.healthLoss`] = fixed(fixedEnd.losses[1], 3);
    }
  }
  return { key: 'paretoEnds', what: 'ParetoFrontier GABA path (λ 0.5, warm-up 20, β 0.9) on the quadratic pair', seed: null, steps: PATH_STEPS, backend: 'none', figures };
}

/** Chapter 2: the live sweep's defaults (600 steps, toy data) at seeds 0 and 1. */
export async function sweepRuns(): Promise<MeasuredRun> {
  const state = defaults(SWEEP_SCHEMA);
  const figures: Record<string, FigureSpec> = {};
  for (const seed of [0, 1]) {
    const { validation } = await runLab(sweepLabConfig({ ...state, seed }), state.steps);
    const rmse = (lambda: number) => validation.find((e) => e.runId === runIdFor(lambda))!.rmse;
    const accuracy = (lambda: number) => validation.find((e) => e.runId === runIdFor(lambda))!.healthAccuracy;
    const middle = SWEEP_LAMBDAS.filter((lambda) => lambda < 1).map(rmse);
    figures[`sweep.seed${seed}.rmseMin`] = fixed(Math.min(...middle), 1);
    figures[`sweep.seed${seed}.rmseMax`] = fixed(Math.max(...middle), 1);
    figures[`sweep.seed${seed}.accuracy09`] = fixed(accuracy(0.9), 2);
    figures[`sweep.seed${seed}.accuracy10`] = fixed(accuracy(1.0), 2);
  }
  return { key: 'sweep', what: 'LambdaSweep defaults (stacked fixed-λ runs, synthetic toy data), seeds 0 and 1', seed: 0, steps: state.steps, backend: 'wasm', figures };
}

/**
 * Chapter 5: Uncertainty and DWA at the strategy lab's defaults. Runs of a lab never touch one another
 * (same initial parameters, same batches; src/core/lab/lab.test.ts), so each is trained alone here and
 * its records are the ones the reader sees beside the default four or beside Fixed.
 */
export async function strategyLabRuns(): Promise<MeasuredRun> {
  const state = defaults(STRATEGY_LAB_SCHEMA);
  const share = (weights: readonly number[]) => weights[0] / (weights[0] + weights[1]);
  const alone = async (name: 'uncertainty' | 'dwa') =>
    (await runLab(strategyLabConfig({ ...state, selection: toggleStrategy('', name) }, null)!, state.steps)).records[name].map((r) => share(r.weights));
  const uncertaintyShares = await alone('uncertainty');
  const firstBelow = uncertaintyShares.findIndex((s) => s < 0.15);
  const dwaShares = await alone('dwa');
  return {
    key: 'strategyLab', what: 'StrategyLab defaults: Uncertainty (one of the default four) and DWA, synthetic toy data', seed: state.seed, steps: state.steps, backend: 'wasm',
    figures: {
      'lab.uncertaintyShareEnd': fixed(last(uncertaintyShares), 3),
      'lab.uncertaintyStepBelow015': integer(firstBelow < 0 ? NaN : firstBelow + 1),
      'lab.dwaShareMin': fixed(Math.min(...dwaShares), 3),
      'lab.dwaShareMax': fixed(Math.max(...dwaShares), 3),
    },
  };
}

/**
 * Chapter 5, exercise 4: the default four at seeds 0 and 1. About 6,400 model-steps, over the unit
 * test's budget, so it counts as expensive (checked for provenance, not recomputed).
 */
export async function strategyLabSeeds(): Promise<MeasuredRun> {
  const state = defaults(STRATEGY_LAB_SCHEMA);
  const figures: Record<string, FigureSpec> = {};
  for (const seed of [0, 1]) {
    const { validation } = await runLab(strategyLabConfig({ ...state, seed, selection: DEFAULT_SELECTION }, null)!, state.steps);
    for (const evaluation of validation) figures[`labSeeds.seed${seed}.${evaluation.runId}.rmse`] = fixed(evaluation.rmse, 2);
    const rmses = validation.map((e) => e.rmse);
    figures[`labSeeds.seed${seed}.spread`] = fixed(Math.max(...rmses) - Math.min(...rmses), 1);
  }
  return { key: 'labSeeds', what: 'StrategyLab default four (Fixed, AMNL, Uncertainty, GABA), synthetic toy data, seeds 0 and 1', seed: 0, steps: state.steps, backend: 'wasm', figures };
}

export const CHEAP_RUNS = [toyFixedRun, toyGabaRun, gabaFloorNumbers, gabaSettled, paretoEnds, sweepRuns, strategyLabRuns] as const;
