/**
 * The forward and backward passes of the resident step as WGSL (resident-shader.ts runs them, one
 * chunk of rows at a time). Shaped for SwiftShader, which runs a workgroup's lanes four at a time on
 * one CPU thread: a load whose address it cannot fold at compile time (any index that depends on a
 * loop counter or the lane) costs four scalar loads with bounds checks, while arithmetic on values
 * in registers or at constant private offsets costs one vector instruction. So a lane owns
 * `laneColumns` hidden units j = lane + (WIDTH / laneColumns)·m of both tasks and keeps their weights
 * and gradient sums in private arrays; every activation it loads from the chunk scratch serves all
 * its units, and it sums their gradient columns over the rows in order.
 */
import { CLASSES, FEATURES, PARAM, PARAMETER_COUNT, WIDTH } from './resident-layout';
import { f } from './plans/wgsl';

const OUTPUTS = 1 + CLASSES;

/** Hidden units per lane on a software adapter, where it was measured (docs/performance.md). */
export const SOFTWARE_LANE_COLUMNS = 8;

/**
 * Hidden units per lane for the WebGPU backend's adapter: SOFTWARE_LANE_COLUMNS on SwiftShader; one
 * (32 lanes, the most parallel shape) on a hardware GPU, where a lane is a thread and loads from
 * workgroup memory carry no such cost. The hardware shape has not been timed on a real GPU.
 */
export function laneColumnsFor(backend: unknown): number {
  const info = (backend as { adapterInfo?: { architecture?: string } }).adapterInfo;
  return info?.architecture === 'swiftshader' ? SOFTWARE_LANE_COLUMNS : 1;
}

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
  readonly size: number;
}

export function chunkLayout(capacity: number): ChunkLayout {
  const x = 0;
  const hidden1 = x + FEATURES * capacity;
  const hidden2 = hidden1 + WIDTH * capacity;
  const errors = hidden2 + WIDTH * capacity;
  const delta2 = errors + OUTPUTS * capacity;
  return { capacity, x, hidden1, hidden2, errors, delta2, size: delta2 + 2 * WIDTH * capacity };
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const sum = (terms: string[]): string => terms.join(' + ');

/** The step program's passes for lanes of `laneColumns` hidden units each (a divisor of WIDTH). */
export interface LanePasses {
  /** Invocations of the step program: WIDTH / laneColumns. */
  readonly workgroup: number;
  laneWeightsSource(): string;
  chunkSource(c: ChunkLayout, rulWeight: string, batch: number): string;
  gramianTermsSource(): string;
  laneUpdateSource(update: string): string;
}

export function lanePasses(laneColumns: number): LanePasses {
  if (!Number.isInteger(laneColumns) || laneColumns < 1 || WIDTH % laneColumns !== 0) throw new Error(`a lane takes a divisor of ${WIDTH} hidden units, not ${laneColumns}`);
  const K = laneColumns;
  const W = WIDTH / K;
  const M = range(K);
  /** The WGSL index of this lane's unit m. */
  const unit = (m: number): string => `(b + ${W * m})`;

  // Slots of the lane's weights in the private array baW: W0 columns, W1 columns, W1 rows, biases and
  // head weights of its units, then every head parameter (V0, c0, V1, c1 lie together from PARAM.v0).
  const WA = 0;
  const WC = WA + K * FEATURES;
  const WR = WC + K * WIDTH;
  const B0 = WR + K * WIDTH;
  const B1 = B0 + K;
  const V0 = B1 + K;
  const V1 = V0 + K;
  const HEAD = V1 + K * CLASSES;
  const WEIGHTS = HEAD + PARAMETER_COUNT - PARAM.v0;
  const wa = (m: number, i: number) => `baW[${WA + m * FEATURES + i}]`;
  const wc = (m: number, i: number) => `baW[${WC + m * WIDTH + i}]`;
  const wr = (m: number, k: number) => `baW[${WR + m * WIDTH + k}]`;
  const hy = (i: number) => `baW[${HEAD + i}]`;
  const hz = (i: number, k: number) => `baW[${HEAD + PARAM.v1 - PARAM.v0 + i * CLASSES + k}]`;
  const hc = (k: number) => `baW[${HEAD + (k === 0 ? PARAM.c0 : PARAM.c1 + k - 1) - PARAM.v0}]`;

  // Slots of the lane's gradient sums in the private array baG: per unit m and task t, its W0
  // column, b0, W1 column and b1 (SHARED_PER_UNIT); then per unit its head weights'; then the head biases'.
  const SHARED_PER_UNIT = FEATURES + 1 + WIDTH + 1;
  const shared = (m: number, t: number, r: number) => `baG[${(m * 2 + t) * SHARED_PER_UNIT + r}]`;
  const ga = (t: number, m: number, i: number) => shared(m, t, i);
  const gb0 = (t: number, m: number) => shared(m, t, FEATURES);
  const gc = (t: number, m: number, i: number) => shared(m, t, FEATURES + 1 + i);
  const gb1 = (t: number, m: number) => shared(m, t, SHARED_PER_UNIT - 1);
  const GV = K * 2 * SHARED_PER_UNIT;
  const gv = (m: number, k: number) => `baG[${GV + m * OUTPUTS + k}]`;
  const gbias = (k: number) => `baG[${GV + K * OUTPUTS + k}]`;
  const ACCUMULATORS = GV + K * OUTPUTS + OUTPUTS;

  /**
   * Once per step, into the private baW: the lane's columns of W0 and W1, its rows of W1, its biases
   * and head weights, and all head parameters (the output phase takes a row per lane); and baG zeroed.
   * Loops, not unrolled code: these loads run once a step, and unrolled they would lengthen the compile.
   */
  function laneWeightsSource(): string {
    const u = (q: string) => `b + ${W} * (${q})`;
    return `var baW: array<f32, ${WEIGHTS}>;
      var baG: array<f32, ${ACCUMULATORS}>;
      for (var q = 0; q < ${K * FEATURES}; q++) { baW[${WA} + q] = result[${PARAM.w0} + (q % ${FEATURES}) * ${WIDTH} + ${u(`q / ${FEATURES}`)}]; }
      for (var q = 0; q < ${K * WIDTH}; q++) {
        baW[${WC} + q] = result[${PARAM.w1} + (q % ${WIDTH}) * ${WIDTH} + ${u(`q / ${WIDTH}`)}];
        baW[${WR} + q] = result[${PARAM.w1} + (${u(`q / ${WIDTH}`)}) * ${WIDTH} + q % ${WIDTH}];
      }
      for (var m = 0; m < ${K}; m++) {
        let u = ${u('m')};
        baW[${B0} + m] = result[${PARAM.b0} + u];
        baW[${B1} + m] = result[${PARAM.b1} + u];
        baW[${V0} + m] = result[${PARAM.v0} + u];
        ${range(CLASSES).map((k) => `baW[${V1} + m * ${CLASSES} + ${k}] = result[${PARAM.v1} + u * ${CLASSES} + ${k}];`).join(' ')}
      }
      for (var q = 0; q < ${PARAMETER_COUNT - PARAM.v0}; q++) { baW[${HEAD} + q] = result[${PARAM.v0} + q]; }`;
  }

  /**
   * One chunk: `rows` rows from pool sample `first` (i32s in scope), forward to the output errors
   * (losses added to lossSum0, lossSum1), then both tasks' deltas and the gradient sums. Each phase
   * ends at a barrier, since the next reads what other lanes wrote. Sums run in the cpu backend's
   * order: inputs in order then the bias; rows in order.
   */
  function chunkSource(c: ChunkLayout, rulWeight: string, batch: number): string {
    const s = (block: number, width: number, index: string) => `baScratch[${block} + r * ${width} + ${index}]`;
    const d2 = (task: number, index: string) => `baScratch[${c.delta2} + (${task * c.capacity} + r) * ${WIDTH} + ${index}]`;
    // Rows r … r + count − 1: both tasks' second-layer deltas, stored for the next phase, and their
    // sums, added to the running sums one row after the other (`s = s + a + b` is (s + a) + b in
    // WGSL), so the order is the cpu backend's; only the loads and stores of s are shared.
    const add = (target: string, terms: string[]): string => `${target} = ${[target, ...terms].join(' + ')};`;
    const secondDeltas = (count: number): string => {
      const rows = range(count);
      const at = (q: number, block: number, width: number, index: string) => `baScratch[${block} + (r + ${q}) * ${width} + ${index}]`;
      const spot = (q: number, task: number, index: string) => `baScratch[${c.delta2} + (${task * c.capacity} + r + ${q}) * ${WIDTH} + ${index}]`;
      return `
          ${rows.map((q) => range(OUTPUTS).map((k) => `let e${q}_${k} = ${at(q, c.errors, OUTPUTS, String(k))};`).join(' ')).join('\n          ')}
          ${range(OUTPUTS).map((k) => add(gbias(k), rows.map((q) => `e${q}_${k}`))).join(' ')}
          ${rows.map((q) => range(WIDTH).map((i) => `let h${q}_${i} = ${at(q, c.hidden1, WIDTH, String(i))};`).join(' ')).join('\n          ')}
          ${M.map((m) => `{
            ${rows.map((q) => `let own${q} = ${at(q, c.hidden2, WIDTH, unit(m))};
            let on${q} = select(0.0, 1.0, own${q} > 0.0);
            let d${q}0 = e${q}_0 * baW[${V0 + m}] * on${q};
            let d${q}1 = (${sum(range(CLASSES).map((k) => `e${q}_${k + 1} * baW[${V1 + m * CLASSES + k}]`))}) * on${q};
            ${spot(q, 0, unit(m))} = d${q}0;
            ${spot(q, 1, unit(m))} = d${q}1;`).join('\n            ')}
            ${range(OUTPUTS).map((k) => add(gv(m, k), rows.map((q) => `own${q} * e${q}_${k}`))).join(' ')}
            ${add(gb1(0, m), rows.map((q) => `d${q}0`))} ${add(gb1(1, m), rows.map((q) => `d${q}1`))}
            ${range(WIDTH).map((i) => `${add(gc(0, m, i), rows.map((q) => `h${q}_${i} * d${q}0`))} ${add(gc(1, m, i), rows.map((q) => `h${q}_${i} * d${q}1`))}`).join(' ')}
          }`).join('\n          ')}`;
    };
    return `for (var k = b; k < rows * ${FEATURES}; k += ${W}) {
          baScratch[${c.x} + k] = poolX[baRow(t, first + k / ${FEATURES}) * ${FEATURES} + k % ${FEATURES}];
        }
        workgroupBarrier();
        for (var r = 0; r < rows; r++) {
          ${range(FEATURES).map((i) => `let x${i} = ${s(c.x, FEATURES, String(i))};`).join(' ')}
          ${M.map((m) => `${s(c.hidden1, WIDTH, unit(m))} = max(${sum(range(FEATURES).map((i) => `x${i} * ${wa(m, i)}`))} + baW[${B0 + m}], 0.0);`).join('\n        ')}
        }
        workgroupBarrier();
        for (var r = 0; r < rows; r++) {
          ${range(WIDTH).map((i) => `let h${i} = ${s(c.hidden1, WIDTH, String(i))};`).join(' ')}
          ${M.map((m) => `${s(c.hidden2, WIDTH, unit(m))} = max(${sum(range(WIDTH).map((i) => `h${i} * ${wc(m, i)}`))} + baW[${B1 + m}], 0.0);`).join('\n        ')}
        }
        workgroupBarrier();
        for (var r = b; r < rows; r += ${W}) {
          let row = baRow(t, first + r);
          ${range(WIDTH).map((i) => `let h${i} = ${s(c.hidden2, WIDTH, String(i))};`).join(' ')}
          let y = ${sum(range(WIDTH).map((i) => `h${i} * ${hy(i)}`))} + ${hc(0)};
          ${range(CLASSES).map((k) => `let z${k} = ${sum(range(WIDTH).map((i) => `h${i} * ${hz(i, k)}`))} + ${hc(k + 1)};`).join('\n        ')}
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
        for (var r = 0; r + 1 < rows; r += 2) {${secondDeltas(2)}
        }
        for (var r = rows - rows % 2; r < rows; r++) {${secondDeltas(1)}
        }
        workgroupBarrier();
        for (var r = 0; r < rows; r++) {
          ${range(WIDTH).map((k) => `let p${k} = ${d2(0, String(k))}; let q${k} = ${d2(1, String(k))};`).join(' ')}
          ${range(FEATURES).map((i) => `let x${i} = ${s(c.x, FEATURES, String(i))};`).join(' ')}
          ${M.map((m) => `{
            let on = select(0.0, 1.0, ${s(c.hidden1, WIDTH, unit(m))} > 0.0);
            let d0 = (${sum(range(WIDTH).map((k) => `p${k} * ${wr(m, k)}`))}) * on;
            let d1 = (${sum(range(WIDTH).map((k) => `q${k} * ${wr(m, k)}`))}) * on;
            ${gb0(0, m)} += d0; ${gb0(1, m)} += d1;
            ${range(FEATURES).map((i) => `${ga(0, m, i)} += x${i} * d0; ${ga(1, m, i)} += x${i} * d1;`).join(' ')}
          }`).join('\n        ')}
        }
        workgroupBarrier();`;
  }

  /** `let index = …;`: the parameter index of shared entry r (0 … SHARED_PER_UNIT − 1) of unit u (i32s in scope). */
  const sharedIndexSource = `var index = ${PARAM.w1} + (r - ${FEATURES + 1}) * ${WIDTH} + u;
        if (r < ${FEATURES}) { index = ${PARAM.w0} + r * ${WIDTH} + u; }
        if (r == ${FEATURES}) { index = ${PARAM.b0} + u; }
        if (r == ${SHARED_PER_UNIT - 1}) { index = ${PARAM.b1} + u; }`;

  /** This lane's Gramian terms from its own sums: own0, cross, own1 over its shared entries, last0, last1 over its W1 columns. */
  function gramianTermsSource(): string {
    return `var own0 = 0.0; var cross = 0.0; var own1 = 0.0; var last0 = 0.0; var last1 = 0.0;
      for (var q = 0; q < ${K * SHARED_PER_UNIT}; q++) {
        let r = q % ${SHARED_PER_UNIT};
        let at = (q / ${SHARED_PER_UNIT}) * ${2 * SHARED_PER_UNIT} + r;
        let g0 = baG[at];
        let g1 = baG[at + ${SHARED_PER_UNIT}];
        own0 += g0 * g0; cross += g0 * g1; own1 += g1 * g1;
        let last = select(0.0, 1.0, r > ${FEATURES} && r < ${SHARED_PER_UNIT - 1});
        last0 += g0 * g0 * last; last1 += g1 * g1 * last;
      }`;
  }

  /**
   * The update of the lane's own parameters (its units' shared entries and head weights; lane 0
   * also the head biases) from its sums: direction `d` (c0, c1, head0, head1 in scope), then
   * `update`, the optimiser's statements for parameter index `p`.
   */
  function laneUpdateSource(update: string): string {
    const step = (index: string, direction: string) => `{ let p = ${index}; let d = ${direction}; ${update} }`;
    return `for (var q = 0; q < ${K * SHARED_PER_UNIT}; q++) {
        let r = q % ${SHARED_PER_UNIT};
        let u = b + ${W} * (q / ${SHARED_PER_UNIT});
        let at = (q / ${SHARED_PER_UNIT}) * ${2 * SHARED_PER_UNIT} + r;
        ${sharedIndexSource}
        ${step('index', `c0 * baG[at] + c1 * baG[at + ${SHARED_PER_UNIT}]`)}
      }
      for (var q = 0; q < ${K * OUTPUTS}; q++) {
        let u = b + ${W} * (q / ${OUTPUTS});
        let k = q % ${OUTPUTS};
        ${step(`select(${PARAM.v1} + u * ${CLASSES} + k - 1, ${PARAM.v0} + u, k == 0)`, `select(head1, head0, k == 0) * baG[${GV} + q]`)}
      }
      if (b == 0) {
        ${step(`${PARAM.c0}`, `head0 * ${gbias(0)}`)}
        ${range(CLASSES).map((k) => step(`${PARAM.c1 + k}`, `head1 * ${gbias(k + 1)}`)).join('\n      ')}
      }`;
  }
  return { workgroup: W, laneWeightsSource, chunkSource, gramianTermsSource, laneUpdateSource };
}
