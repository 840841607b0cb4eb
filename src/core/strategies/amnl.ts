/** AMNL: fixed weights with the RUL task trained on the failure-biased weighted MSE. */
import { createFixedStrategy, WEIGHTS_SCHEMA, type FixedHyper, type FixedStrategy, type FixedVariant } from './fixed';
import { defineStrategy } from './definition';
import { numbersOf } from './hyper-schema';

export const AMNL_VARIANT: FixedVariant = { name: 'amnl', label: 'AMNL', rulLoss: 'weightedMse' };

export function createAmnlStrategy(hyper: FixedHyper): FixedStrategy {
  return createFixedStrategy(hyper, AMNL_VARIANT);
}

export const amnlDefinition = defineStrategy({
  name: 'amnl',
  label: AMNL_VARIANT.label,
  summary: 'Fixed 0.5 / 0.5 with a failure-biased weighted MSE on RUL.',
  hyper: WEIGHTS_SCHEMA,
  kind: 'stackable',
  create: (hyper) => createAmnlStrategy({ weights: numbersOf(hyper, 'weights') }),
});
