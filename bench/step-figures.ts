/**
 * The figures bench:step records (`--record`): steps/s per backend and place, their ratios to PyTorch
 * eager measured in the same run, and the GPU-resident path against the op-by-op WebGPU step.
 */
import type { FigureSpec } from '../src/figures/types';
import { speedFigure } from '../src/figures/bench-types';
import { fixedFigure, integerFigure, ratioFigure } from '../src/figures/types';

export interface StepRow {
  /** "wasm.page", "webgpu.worker", "resident10.page", "torch". */
  readonly key: string;
  readonly label: string;
  readonly naive: number;
  readonly fused: number;
  readonly fusedBest: number;
  readonly kernels?: { naive: number; fused: number };
  readonly compute?: { naive: number; fused: number };
}

export function stepFigures(rows: readonly StepRow[], torchFused: number): Record<string, FigureSpec> {
  const figures: Record<string, FigureSpec> = {};
  const put = (name: string, figure: FigureSpec) => {
    if (Number.isFinite(figure.value)) figures[name] = figure;
  };
  const byKey = new Map(rows.map((row) => [row.key, row]));
  for (const row of rows) {
    put(`${row.key}.fused`, speedFigure(row.fused));
    put(`${row.key}.naive`, speedFigure(row.naive));
    if (row.key === 'torch') continue;
    put(`${row.key}.fusedVsTorch`, ratioFigure(row.fused / torchFused, 3));
    put(`${row.key}.fusedVsNaive`, ratioFigure(row.fused / row.naive, 3));
    const resident = /^resident\d+\.(page|worker)$/.exec(row.key);
    if (resident) {
      put(`${row.key}.dispatchesPerStep`, fixedFigure(row.kernels?.fused ?? Number.NaN, 2));
      put(`${row.key}.vsOpByOp`, ratioFigure(row.fused / (byKey.get(`webgpu.${resident[1]}`)?.fused ?? Number.NaN), 3));
    } else {
      put(`${row.key}.computeKernels`, integerFigure(row.compute?.fused ?? Number.NaN));
    }
  }
  return figures;
}
