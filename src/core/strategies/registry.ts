/**
 * The one list of weighting methods, in the order the book introduces them. Each entry is the
 * definition its own file exports; names, the CLI's list, validation and the lab's choices all
 * come from here. Adding a method: its file, one line here, its test and its reference.
 */
import { amnlDefinition } from './amnl';
import { amnlNormalisedDefinition } from './amnl-normalised';
import type { StrategyDefinition } from './definition';
import { dwaDefinition } from './dwa';
import { fixedDefinition } from './fixed';
import { gabaDefinition, gabaInverseNormDefinition, graceDefinition } from './gaba';
import { alignedMtlDefinition } from './gramian/aligned-mtl';
import { cagradDefinition } from './gramian/cagrad';
import { dualProjDefinition } from './gramian/dualproj';
import { fairGradDefinition } from './gramian/fairgrad';
import { famoNextBatchDefinition } from './gramian/famo';
import { glsDefinition } from './gramian/gls';
import { gradVacDefinition } from './gramian/gradvac';
import { imtlGDefinition } from './gramian/imtl-g';
import { mgdaDefinition } from './gramian/mgda';
import { nashMtlDefinition } from './gramian/nash-mtl';
import { rlwDefinition } from './gramian/rlw';
import { stchDefinition } from './gramian/stch';
import { upgradDefinition } from './gramian/upgrad';
import { gradNormDefinition } from './gradnorm';
import { pcgradDefinition } from './pcgrad';
import { uncertaintyDefinition } from './uncertainty';

export const STRATEGY_DEFINITIONS = Object.freeze([
  fixedDefinition,
  amnlDefinition,
  amnlNormalisedDefinition,
  uncertaintyDefinition,
  gradNormDefinition,
  dwaDefinition,
  pcgradDefinition,
  gabaDefinition,
  gabaInverseNormDefinition,
  graceDefinition,
  mgdaDefinition,
  imtlGDefinition,
  cagradDefinition,
  nashMtlDefinition,
  fairGradDefinition,
  alignedMtlDefinition,
  upgradDefinition,
  dualProjDefinition,
  gradVacDefinition,
  rlwDefinition,
  famoNextBatchDefinition,
  glsDefinition,
  stchDefinition,
] as const);

/** Every registered name, as a type. */
export type StrategyName = (typeof STRATEGY_DEFINITIONS)[number]['name'];

/** Every registered name, in the book's order. */
export const STRATEGY_NAMES: readonly StrategyName[] = Object.freeze(STRATEGY_DEFINITIONS.map((definition) => definition.name));

export function isStrategyName(name: unknown): name is StrategyName {
  return typeof name === 'string' && (STRATEGY_NAMES as readonly string[]).includes(name);
}

export function strategyDefinition(name: StrategyName): StrategyDefinition<StrategyName> {
  const found = STRATEGY_DEFINITIONS.find((definition) => definition.name === name);
  if (found === undefined) throw new Error(`no strategy named ${String(name)}`);
  return found;
}
