/**
 * The forward and backward passes of the resident step as WGSL (resident-shader.ts runs them, one
 * chunk of rows at a time). Shaped for SwiftShader, which runs a workgroup's lanes four at a time on
 * one CPU thread: a load whose address it cannot fold at compile time (any index that depends on a
 * loop counter or the lane) costs four scalar loads with bounds checks, while arithmetic on values
 * already in registers costs one vector instruction. So each lane owns LANE_COLUMNS hidden units
 * j = lane + RESIDENT_WORKGROUP·m of both tasks and keeps their weights in registers; every
 * activation it loads from the chunk scratch serves all its units, and it sums their gradient
 * columns over the rows in order.
 */
import { CLASSES, FEATURES, PARAM, PARAMETER_COUNT, SHARED_SIZE, WIDTH } from './resident-layout';
import { f } from './plans/wgsl';

/** Hidden units per lane. */
export const LANE_COLUMNS = 8;
/** Invocations of the step program. */
export const RESIDENT_WORKGROUP = WIDTH / LANE_COLUMNS;
const OUTPUTS = 1 + CLASSES;
const W = RESIDENT_WORKGROUP;

/** Offsets (in floats) of the chunk scratch for `capacity` rows, blocks row-major [row][unit]. */
export interface ChunkLayout {
  readonly capacity: number;
  readonly x: number;
  readonly hidden1: number;
  readonly hidden2: number;
  /** Per row: dy, then dz for each class. */
  readonly errors: number;
  /** Second-layer deltas [task][row][unit]. */
  readonly delta2: number;
  /** Also room for the gradients after the last chunk (storeGradientsSource). */
  readonly size: number;
}

export function chunkLayout(capacity: number): ChunkLayout {
  const x = 0;
  const hidden1 = x + FEATURES * capacity;
  const hidden2 = hidden1 + WIDTH * capacity;
  const errors = hidden2 + WIDTH * capacity;
  const delta2 = errors + OUTPUTS * capacity;
  return { capacity, x, hidden1, hidden2, errors, delta2, size: Math.max(delta2 + 2 * WIDTH * capacity, SHARED_SIZE + PARAMETER_COUNT) };
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const sum = (terms: string[]): string => terms.join(' + ');
const M = range(LANE_COLUMNS);
/** The WGSL index of this lane's unit m. */
const unit = (m: number): string => `(b + ${W * m})`;

/** Once per step: the lane's columns of W0 and W1, its rows of W1, biases and head weights; all head weights for the output phase. */
export function laneWeightsSource(): string {
  const lines = M.map((m) => [
    ...range(FEATURES).map((i) => `let wa${m}_${i} = result[${PARAM.w0 + i * WIDTH} + ${unit(m)}];`),
    ...range(WIDTH).map((i) => `let wc${m}_${i} = result[${PARAM.w1 + i * WIDTH} + ${unit(m)}];`),
    ...range(WIDTH).map((k) => `let wr${m}_${k} = result[${PARAM.w1} + ${unit(m)} * ${WIDTH} + ${k}];`),
    `let b0_${m} = result[${PARAM.b0} + ${unit(m)}]; let b1_${m} = result[${PARAM.b1} + ${unit(m)}]; let v0_${m} = result[${PARAM.v0} + ${unit(m)}];`,
    ...range(CLASSES).map((k) => `let v1_${m}_${k} = result[${PARAM.v1} + ${unit(m)} * ${CLASSES} + ${k}];`),
  ].join(' '));
  const heads = [
    ...range(WIDTH).map((i) => `let hy${i} = result[${PARAM.v0 + i}];`),
    ...range(WIDTH).flatMap((i) => range(CLASSES).map((k) => `let hz${i}_${k} = result[${PARAM.v1 + i * CLASSES + k}];`)),
    `let hc0 = result[${PARAM.c0}];`,
    ...range(CLASSES).map((k) => `let hc${k + 1} = result[${PARAM.c1 + k}];`),
  ];
  return [...lines, heads.join(' ')].join('\n    ');
}

/** The gradient sums of the lane's units, both tasks, which live across the chunks of a step. */
export function accumulatorDeclarations(): string {
  const names = [
    ...M.flatMap((m) => [0, 1].flatMap((t) => [...range(FEATURES).map((i) => `g${t}a${m}_${i}`), ...range(WIDTH).map((i) => `g${t}c${m}_${i}`), `g${t}b0_${m}`, `g${t}b1_${m}`])),
    ...M.flatMap((m) => range(OUTPUTS).map((k) => `gv${m}_${k}`)),
    ...range(OUTPUTS).map((k) => `gc${k}`),
  ];
  return names.map((name) => `var ${name} = 0.0;`).join(' ');
}

/**
 * One chunk: `rows` rows from pool sample `first` (i32s in scope), forward to the output errors
 * (losses added to lossSum0, lossSum1), then both tasks' deltas and the gradient sums. Each phase
 * ends at a barrier, since the next reads what other lanes wrote. Sums run in the cpu backend's
 * order: inputs in order then the bias; rows in order.
 */
export function chunkSource(c: ChunkLayout, rulWeight: string, batch: number): string {
  const s = (block: number, width: number, index: string) => `baScratch[${block} + r * ${width} + ${index}]`;
  const d2 = (task: number, index: string) => `baScratch[${c.delta2} + (${task * c.capacity} + r) * ${WIDTH} + ${index}]`;
  return `for (var k = b; k < rows * ${FEATURES}; k += ${W}) {
        baScratch[${c.x} + k] = poolX[baRow(t, first + k / ${FEATURES}) * ${FEATURES} + k % ${FEATURES}];
      }
      workgroupBarrier();
      for (var r = 0; r < rows; r++) {
        ${range(FEATURES).map((i) => `let x${i} = ${s(c.x, FEATURES, String(i))};`).join(' ')}
        ${M.map((m) => `${s(c.hidden1, WIDTH, unit(m))} = max(${sum(range(FEATURES).map((i) => `x${i} * wa${m}_${i}`))} + b0_${m}, 0.0);`).join('\n        ')}
      }
      workgroupBarrier();
      for (var r = 0; r < rows; r++) {
        ${range(WIDTH).map((i) => `let h${i} = ${s(c.hidden1, WIDTH, String(i))};`).join(' ')}
        ${M.map((m) => `${s(c.hidden2, WIDTH, unit(m))} = max(${sum(range(WIDTH).map((i) => `h${i} * wc${m}_${i}`))} + b1_${m}, 0.0);`).join('\n        ')}
      }
      workgroupBarrier();
      for (var r = b; r < rows; r += ${W}) {
        let row = baRow(t, first + r);
        ${range(WIDTH).map((i) => `let h${i} = ${s(c.hidden2, WIDTH, String(i))};`).join(' ')}
        let y = ${sum(range(WIDTH).map((i) => `h${i} * hy${i}`))} + hc0;
        ${range(CLASSES).map((k) => `let z${k} = ${sum(range(WIDTH).map((i) => `h${i} * hz${i}_${k}`))} + hc${k + 1};`).join('\n        ')}
        let rul = poolT[row * 2];
        let label = i32(poolT[row * 2 + 1]);
        let error = y - rul;
        let weighted = ${rulWeight} * error;
        let zMax = max(z0, max(z1, z2));
        let e0 = exp(z0 - zMax); let e1 = exp(z1 - zMax); let e2 = exp(z2 - zMax);
        let eTotal = e0 + e1 + e2;
        let zLabel = select(select(z0, z1, label == 1), z2, label == 2);
        lossSum0 += weighted * error;
        lossSum1 += log(eTotal) - (zLabel - zMax);
        ${s(c.errors, OUTPUTS, '0')} = weighted * ${f(2 / batch)};
        ${range(CLASSES).map((k) => `${s(c.errors, OUTPUTS, String(1 + k))} = (e${k} / eTotal - select(0.0, 1.0, label == ${k})) * ${f(1 / batch)};`).join('\n        ')}
      }
      workgroupBarrier();
      // Task 0 reaches the shared layers through the RUL head, task 1 through the health head.
      for (var r = 0; r < rows; r++) {
        ${range(OUTPUTS).map((k) => `let e${k} = ${s(c.errors, OUTPUTS, String(k))}; gc${k} += e${k};`).join(' ')}
        ${range(WIDTH).map((i) => `let h${i} = ${s(c.hidden1, WIDTH, String(i))};`).join(' ')}
        ${M.map((m) => `{
          let own = ${s(c.hidden2, WIDTH, unit(m))};
          let on = select(0.0, 1.0, own > 0.0);
          let d0 = e0 * v0_${m} * on;
          let d1 = (${sum(range(CLASSES).map((k) => `e${k + 1} * v1_${m}_${k}`))}) * on;
          ${d2(0, unit(m))} = d0;
          ${d2(1, unit(m))} = d1;
          ${range(OUTPUTS).map((k) => `gv${m}_${k} += own * e${k};`).join(' ')}
          g0b1_${m} += d0; g1b1_${m} += d1;
          ${range(WIDTH).map((i) => `g0c${m}_${i} += h${i} * d0; g1c${m}_${i} += h${i} * d1;`).join(' ')}
        }`).join('\n        ')}
      }
      workgroupBarrier();
      for (var r = 0; r < rows; r++) {
        ${range(WIDTH).map((k) => `let p${k} = ${d2(0, String(k))}; let q${k} = ${d2(1, String(k))};`).join(' ')}
        ${range(FEATURES).map((i) => `let x${i} = ${s(c.x, FEATURES, String(i))};`).join(' ')}
        ${M.map((m) => `{
          let on = select(0.0, 1.0, ${s(c.hidden1, WIDTH, unit(m))} > 0.0);
          let d0 = (${sum(range(WIDTH).map((k) => `p${k} * wr${m}_${k}`))}) * on;
          let d1 = (${sum(range(WIDTH).map((k) => `q${k} * wr${m}_${k}`))}) * on;
          g0b0_${m} += d0; g1b0_${m} += d1;
          ${range(FEATURES).map((i) => `g0a${m}_${i} += x${i} * d0; g1a${m}_${i} += x${i} * d1;`).join(' ')}
        }`).join('\n        ')}
      }
      workgroupBarrier();`;
}

interface Entry {
  /** WGSL index of the parameter. */
  readonly index: string;
  readonly task0: string;
  readonly task1: string;
}

/** The lane's shared entries: columns of W0 and W1 and biases of its units, with both tasks' gradients. */
function sharedEntries(): Entry[] {
  return M.flatMap((m) => [
    ...range(FEATURES).map((i) => ({ index: `${PARAM.w0 + i * WIDTH} + ${unit(m)}`, task0: `g0a${m}_${i}`, task1: `g1a${m}_${i}` })),
    { index: `${PARAM.b0} + ${unit(m)}`, task0: `g0b0_${m}`, task1: `g1b0_${m}` },
    ...range(WIDTH).map((i) => ({ index: `${PARAM.w1 + i * WIDTH} + ${unit(m)}`, task0: `g0c${m}_${i}`, task1: `g1c${m}_${i}` })),
    { index: `${PARAM.b1} + ${unit(m)}`, task0: `g0b1_${m}`, task1: `g1b1_${m}` },
  ]);
}

/**
 * The lane's gradient sums into the gradient block of the scratch (task t's shared entry p at
 * t·SHARED_SIZE + p, head parameter p at SHARED_SIZE + p), after the last chunk.
 */
export function storeGradientsSource(): string {
  const heads = M.flatMap((m) => [[`${SHARED_SIZE + PARAM.v0} + ${unit(m)}`, `gv${m}_0`], ...range(CLASSES).map((k) => [`${SHARED_SIZE + PARAM.v1} + ${unit(m)} * ${CLASSES} + ${k}`, `gv${m}_${k + 1}`])]);
  return `${sharedEntries().map((e) => `baScratch[${e.index}] = ${e.task0}; baScratch[${SHARED_SIZE} + ${e.index}] = ${e.task1};`).join(' ')}
    ${heads.map(([index, value]) => `baScratch[${index}] = ${value};`).join(' ')}
    if (b == 0) {
      baScratch[${SHARED_SIZE + PARAM.c0}] = gc0;
      ${range(CLASSES).map((k) => `baScratch[${SHARED_SIZE + PARAM.c1 + k}] = gc${k + 1};`).join(' ')}
    }`;
}
