// The check both GPU-resident parity tests (dense and temporal) apply to one replayed case: every
// compared field within 1e-4 relative of the cpu backend, PCGrad's projection count equal at every
// step, and the worst figures printed so a run shows how close it came.
import { assert } from './harness.mjs';

export const PARITY_TOLERANCE = 1e-4;

export function checkParity(result) {
  const keys = ['losses', 'gradNorms', 'weights', 'coefficients', 'cosine', 'parameters'];
  const figures = keys.map((key) => `${key} ${Number(result[key]).toExponential(1)}`).join(', ');
  const worst = result.parameterWorstAt;
  const where = worst ? ` (parameter ${worst.index}: ${worst.resident} vs ${worst.cpu})` : '';
  console.log(`     ${result.name}: ${result.recordsCompared} steps, ${figures}${where}${result.cpuFailure ? `; stopped at step ${result.cpuFailure.step}` : ''}`);
  assert.equal(result.error, undefined, `${result.name}: ${result.error}`);
  for (const key of keys) assert.ok(result[key] <= PARITY_TOLERANCE, `${result.name}: ${key} differs by ${result[key]} relative`);
  assert.equal(result.projectionsDiffer, 0, `${result.name}: PCGrad's projection count differs at ${result.projectionsDiffer} steps`);
}
