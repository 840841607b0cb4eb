/** The Gramian family's coefficient functions (pure numbers; the Strategy wrappers come later). */
export { mgdaCoefficients, mgdaTwoTaskClosedForm, type MgdaResult } from './mgda';
export { imtlGCoefficients, type ImtlGResult } from './imtl-g';
export { cagradCoefficients, type CagradOptions, type CagradResult } from './cagrad';
export { nashMtlCoefficients, type NashMtlResult } from './nash-mtl';
export { fairGradCoefficients, type FairGradResult } from './fairgrad';
export { alignedMtlCoefficients, type AlignedMtlResult } from './aligned-mtl';
export { upgradCoefficients, type UpgradResult } from './upgrad';
export { dualProjCoefficients, type DualProjResult } from './dualproj';
export { gradVacStep, initialGradVacState, type GradVacOptions, type GradVacResult, type GradVacState } from './gradvac';
export { rlwCoefficients } from './rlw';
export { glsCoefficients } from './gls';
export { famoCoefficients, famoUpdate, initialFamoState, type FamoOptions, type FamoState } from './famo';
export { stchStep, initialStchState, type StchOptions, type StchState } from './stch';
export type { LossWeightingResult } from './weighting-result';
export type { GramianInput } from './matrix';
