/** AMNL: fixed weights with the RUL task trained on the failure-biased weighted MSE. */
import { createFixedStrategy, type FixedHyper, type FixedStrategy, type FixedVariant } from './fixed';

export const AMNL_VARIANT: FixedVariant = { name: 'amnl', label: 'AMNL', rulLoss: 'weightedMse' };

export function createAmnlStrategy(hyper: FixedHyper): FixedStrategy {
  return createFixedStrategy(hyper, AMNL_VARIANT);
}
