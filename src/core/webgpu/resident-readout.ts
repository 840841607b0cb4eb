/**
 * Decoding one readback of a resident trainer (dense or temporal; both keep the control block and
 * the record ring in the layout of resident-layout.ts): the records of the steps applied since the
 * last readback, and the failure the sticky flag holds.
 */
import { NonFiniteError } from '../errors';
import type { StepRecord } from '../trainer/trainer';
import { CONTROL, CONTROL_SIZE, RECORD_SIZE } from './resident-layout';

export interface DecodedReadback {
  /** Steps applied so far (the control block's counter). */
  readonly applied: number;
  readonly records: StepRecord[];
  /** The failure the flag holds, or null (reported once by the caller). */
  readonly failure: NonFiniteError | null;
}

/** One ring record as a StepRecord (`projections` only where PCGrad counted them). */
export function decodeRecord(r: readonly number[]): StepRecord {
  const record: StepRecord = {
    step: r[0], losses: [r[1], r[2]], gradNorms: [r[3], r[4]], cosine: r[5], weights: [r[6], r[7]],
    sharedCoefficients: [r[10], r[11]], headCoefficients: [r[12], r[13]], lastLayerNorms: [r[8], r[9]],
  };
  return r[14] < 0 ? record : { ...record, projections: r[14] };
}

/**
 * `block`: the control block followed by a ring of `ring` records, as copied from the state; the
 * records after step `lastReadStep` up to the counter. The caller reads at least once per `ring` steps.
 */
export function decodeReadback(block: Float32Array, lastReadStep: number, ring: number): DecodedReadback {
  if (block.length !== CONTROL_SIZE + ring * RECORD_SIZE) throw new Error(`a readback holds ${CONTROL_SIZE + ring * RECORD_SIZE} values, got ${block.length}`);
  const applied = block[CONTROL.steps];
  const records: StepRecord[] = [];
  for (let step = lastReadStep + 1; step <= applied; step += 1) {
    const at = CONTROL_SIZE + ((step - 1) % ring) * RECORD_SIZE;
    records.push(decodeRecord(Array.from(block.subarray(at, at + RECORD_SIZE))));
  }
  const failure = block[CONTROL.failed] === 0 ? null : new NonFiniteError({
    task: block[CONTROL.failedTask],
    step: block[CONTROL.failedStep],
    quantity: block[CONTROL.failedQuantity] === 0 ? 'loss' : 'gradient',
  });
  return { applied, records, failure };
}
