/**
 * The phases of the resident step's forward and backward passes as WGSL (resident-shader.ts runs
 * them, chunk by chunk of rows). Lanes stand for units, not rows: lane b = task·WIDTH + j keeps
 * column j of the weights in registers, and every row's activations sit in workgroup memory
 * row-major, so a lane group reads one activation for all its lanes (a broadcast) and writes
 * consecutive addresses. Loop bodies are unrolled over units but loop over rows: SwiftShader runs
 * such small bodies far faster than the same work fully unrolled (measured: docs/performance.md).
 */
import { CLASSES, FEATURES, PARAM, SHARED_SIZE, WIDTH } from './resident-layout';
import { f } from './plans/wgsl';

/** Invocations of the step program: lane b = task·WIDTH + j. */
export const RESIDENT_WORKGROUP = 2 * WIDTH;
const HEAD_SIZE = PARAM.c1 + CLASSES - SHARED_SIZE;

/** Offsets (in floats) of one chunk of `rows` rows in the workgroup scratch, each block [row][unit]. */
export interface ChunkLayout {
  readonly rows: number;
  readonly x: number;
  readonly hidden1: number;
  readonly hidden2: number;
  /** Per row: dy, then dz for each class. */
  readonly errors: number;
  /** Per task [2][rows][WIDTH]. */
  readonly delta2: number;
  /** The gradients after the last chunk (aliasing it): task 0 shared, task 1 shared, then the heads. */
  readonly gradients: number;
  readonly size: number;
}

export function chunkLayout(rows: number): ChunkLayout {
  const x = 0;
  const hidden1 = x + FEATURES * rows;
  const hidden2 = hidden1 + WIDTH * rows;
  const errors = hidden2 + WIDTH * rows;
  const delta2 = errors + (1 + CLASSES) * rows;
  const end = delta2 + 2 * WIDTH * rows;
  return { rows, x, hidden1, hidden2, errors, delta2, gradients: 0, size: Math.max(end, 2 * SHARED_SIZE + HEAD_SIZE) };
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const sum = (terms: string[]): string => terms.join(' + ');
const p = (index: number | string): string => `result[${index}]`;

/** Once per step, lane b = task·WIDTH + j: its columns of W0 and W1, its row of W1, its head weights. */
export function laneWeightsSource(): string {
  return `let task = b / ${WIDTH};
    let j = b % ${WIDTH};
    ${range(FEATURES).map((i) => `let wa${i} = ${p(`${PARAM.w0 + i * WIDTH} + j`)};`).join(' ')}
    ${range(WIDTH).map((i) => `let wc${i} = ${p(`${PARAM.w1 + i * WIDTH} + j`)};`).join(' ')}
    ${range(WIDTH).map((k) => `let wr${k} = ${p(`${PARAM.w1} + j * ${WIDTH} + ${k}`)};`).join(' ')}
    let bias0 = ${p(`${PARAM.b0} + j`)};
    let bias1 = ${p(`${PARAM.b1} + j`)};
    let v0j = ${p(`${PARAM.v0} + j`)};
    ${range(CLASSES).map((k) => `let v1j${k} = ${p(`${PARAM.v1} + j * ${CLASSES} + ${k}`)};`).join(' ')}`;
}

/**
 * The forward pass of the chunk's `rows` rows (first row `first`, both i32 in scope) up to the
 * output errors, with the losses added to `lossSum0`, `lossSum1`, then both tasks' deltas at the
 * second hidden layer. Separated by barriers, each phase reads what the last wrote.
 */
export function forwardChunkSource(c: ChunkLayout, rulWeight: string, batch: number): string {
  const s = (block: number, row: string, unit: number | string) => `baScratch[${block} + (${row}) * ${block === c.x ? FEATURES : WIDTH} + ${unit}]`;
  const e = (row: string, k: number) => `baScratch[${c.errors} + (${row}) * ${1 + CLASSES} + ${k}]`;
  return `for (var k = b; k < rows * ${FEATURES}; k += ${RESIDENT_WORKGROUP}) {
        let row = baRow(t, first + k / ${FEATURES});
        baScratch[${c.x} + k] = poolX[row * ${FEATURES} + k % ${FEATURES}];
      }
      workgroupBarrier();
      for (var r = task; r < rows; r += 2) {
        ${s(c.hidden1, 'r', 'j')} = max(${sum(range(FEATURES).map((i) => `${s(c.x, 'r', i)} * wa${i}`))} + bias0, 0.0);
      }
      workgroupBarrier();
      for (var r = task; r < rows; r += 2) {
        ${s(c.hidden2, 'r', 'j')} = max(${sum(range(WIDTH).map((i) => `${s(c.hidden1, 'r', i)} * wc${i}`))} + bias1, 0.0);
      }
      workgroupBarrier();
      if (b < rows) {
        let row = baRow(t, first + b);
        let rul = poolT[row * 2];
        let label = i32(poolT[row * 2 + 1]);
        var y = 0.0;
        var z0 = 0.0; var z1 = 0.0; var z2 = 0.0;
        for (var i = 0; i < ${WIDTH}; i++) {
          let h = ${s(c.hidden2, 'b', 'i')};
          y += h * ${p(`${PARAM.v0} + i`)};
          ${range(CLASSES).map((k) => `z${k} += h * ${p(`${PARAM.v1} + i * ${CLASSES} + ${k}`)};`).join(' ')}
        }
        y += ${p(PARAM.c0)};
        ${range(CLASSES).map((k) => `z${k} += ${p(PARAM.c1 + k)};`).join(' ')}
        let error = y - rul;
        let weighted = ${rulWeight} * error;
        let zMax = max(z0, max(z1, z2));
        let e0 = exp(z0 - zMax); let e1 = exp(z1 - zMax); let e2 = exp(z2 - zMax);
        let eTotal = e0 + e1 + e2;
        let zLabel = select(select(z0, z1, label == 1), z2, label == 2);
        lossSum0 += weighted * error;
        lossSum1 += log(eTotal) - (zLabel - zMax);
        ${e('b', 0)} = weighted * ${f(2 / batch)};
        ${range(CLASSES).map((k) => `${e('b', 1 + k)} = (e${k} / eTotal - select(0.0, 1.0, label == ${k})) * ${f(1 / batch)};`).join('\n        ')}
      }
      workgroupBarrier();
      // Task 0 reaches the shared layers through the RUL head, task 1 through the health head.
      for (var r = 0; r < rows; r++) {
        let on = select(0.0, 1.0, ${s(c.hidden2, 'r', 'j')} > 0.0);
        var d = ${e('r', 0)} * v0j * on;
        if (task == 1) { d = (${sum(range(CLASSES).map((k) => `${e('r', 1 + k)} * v1j${k}`))}) * on; }
        baScratch[${c.delta2} + (task * rows + r) * ${WIDTH} + j] = d;
      }
      workgroupBarrier();`;
}

/** Declarations of the gradient accumulators, which live across the chunks of one step. */
export function accumulatorDeclarations(): string {
  return [
    ...range(FEATURES).map((i) => `var gw0_${i} = 0.0;`),
    ...range(WIDTH).map((i) => `var gw1_${i} = 0.0;`),
    'var gb0 = 0.0; var gb1 = 0.0;',
    ...range(1 + CLASSES).map((k) => `var gh${k} = 0.0;`),
  ].join(' ');
}

/**
 * One chunk's sums into the accumulators, in row order: lane b = task·WIDTH + j takes its task's
 * delta at hidden unit j of the first layer (its row of W1 against the second layer's deltas) and
 * sums column j of both weight gradients; lanes below WIDTH also sum hidden unit b's head
 * gradients, lanes WIDTH … WIDTH + CLASSES the head biases.
 */
export function accumulateChunkSource(c: ChunkLayout): string {
  const d2 = (unit: number | string) => `baScratch[${c.delta2} + (task * rows + r) * ${WIDTH} + ${unit}]`;
  const s = (block: number, width: number, unit: number | string) => `baScratch[${block} + r * ${width} + ${unit}]`;
  return `for (var r = 0; r < rows; r++) {
        let dv2 = ${d2('j')};
        gb1 += dv2;
        ${range(WIDTH).map((i) => `gw1_${i} += ${s(c.hidden1, WIDTH, i)} * dv2;`).join(' ')}
        let on = select(0.0, 1.0, ${s(c.hidden1, WIDTH, 'j')} > 0.0);
        let dv1 = (${sum(range(WIDTH).map((k) => `${d2(k)} * wr${k}`))}) * on;
        gb0 += dv1;
        ${range(FEATURES).map((i) => `gw0_${i} += ${s(c.x, FEATURES, i)} * dv1;`).join(' ')}
      }
      if (b < ${WIDTH}) {
        for (var r = 0; r < rows; r++) {
          let h = ${s(c.hidden2, WIDTH, 'b')};
          ${range(1 + CLASSES).map((k) => `gh${k} += h * ${s(c.errors, 1 + CLASSES, k)};`).join(' ')}
        }
      } else if (b < ${WIDTH + 1 + CLASSES}) {
        for (var r = 0; r < rows; r++) { gh0 += ${s(c.errors, 1 + CLASSES, `b - ${WIDTH}`)}; }
      }`;
}

/**
 * The accumulators into the gradient block of the scratch (task t's shared gradient at
 * t·SHARED_SIZE + p, head parameter p at SHARED_SIZE + p), and this lane's Gramian terms: `own`
 * (its task's squared entries), `cross` (task 0 lanes: g0·g1 over their entries) and `last`
 * (squares over the last shared weight).
 */
export function storeGradientsSource(): string {
  const w0 = range(FEATURES).map((i) => [`gw0_${i}`, `${PARAM.w0 + i * WIDTH} + j`]);
  const w1 = range(WIDTH).map((i) => [`gw1_${i}`, `${PARAM.w1 + i * WIDTH} + j`]);
  const all = [...w0, ['gb0', `${PARAM.b0} + j`], ...w1, ['gb1', `${PARAM.b1} + j`]];
  return `let base = task * ${SHARED_SIZE};
      ${all.map(([value, index]) => `baScratch[base + ${index}] = ${value};`).join(' ')}
      if (b < ${WIDTH}) {
        baScratch[${SHARED_SIZE + PARAM.v0} + b] = gh0;
        ${range(CLASSES).map((k) => `baScratch[${SHARED_SIZE + PARAM.v1} + b * ${CLASSES} + ${k}] = gh${k + 1};`).join(' ')}
      } else if (b == ${WIDTH}) {
        baScratch[${SHARED_SIZE + PARAM.c0}] = gh0;
      } else if (b < ${WIDTH + 1 + CLASSES}) {
        baScratch[${SHARED_SIZE + PARAM.c1} + b - ${WIDTH + 1}] = gh0;
      }
      let own = ${sum(all.map(([value]) => `${value} * ${value}`))};
      let last = ${sum(w1.map(([value]) => `${value} * ${value}`))};
      workgroupBarrier();
      var cross = 0.0;
      if (task == 0) {
        cross = ${sum(all.map(([value, index]) => `${value} * baScratch[${SHARED_SIZE} + ${index}]`))};
      }`;
}
