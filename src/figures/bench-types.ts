/**
 * What a recorded speed figure is: a number a bench script measured, the bench run that measured it
 * and how the book prints it. `content/bench-figures.json` holds them (`npm run bench:record`); it is
 * kept apart from content/figures.json so the two generators never write the same file.
 */
import { fixedFigure, integerFigure, type Figure, type FigureSpec } from './types';

/** The machine a bench ran on and how busy it was: speed figures mean little without it. */
export interface BenchMachine {
  readonly cpuModel: string;
  readonly logicalCores: number;
  readonly memoryGiB: number;
  readonly platform: string;
  /** 1, 5 and 15-minute load averages when the bench started and when it ended. */
  readonly loadStart: readonly [number, number, number];
  readonly loadEnd: readonly [number, number, number];
}

/** Whether a GPU took part: a device on the host, and the WebGPU adapter Chromium reported (if asked). */
export interface BenchGpu {
  readonly present: boolean;
  /** e.g. "google swiftshader …" for the software adapter; null when no browser bench asked. */
  readonly webgpuAdapter: string | null;
}

export interface BenchRun {
  /** One line a reader can follow: what was timed, against what. */
  readonly what: string;
  /** The command that measured it, as a person would type it. */
  readonly command: string;
  readonly commit: string;
  readonly generatedAt: string;
  readonly seconds: number;
  readonly machine: BenchMachine;
  readonly node: string;
  /** Chromium's version for browser benches, null for Node ones. */
  readonly browser: string | null;
  readonly tfjs: string;
  /** PyTorch's version when it ran beside tfjs in the same run, else null. */
  readonly torch: string | null;
  readonly backends: readonly string[];
  readonly gpu: BenchGpu;
  /** Absent for a speed bench; 'accuracy and time' for one that trains to a score (bench:fd001). */
  readonly measures?: 'accuracy and time';
}

export interface BenchFigureFile {
  readonly generatedBy: string;
  readonly runs: Readonly<Record<string, BenchRun>>;
  /** Keyed "bench.<run>.…"; each figure's `run` names its entry in `runs`. */
  readonly figures: Readonly<Record<string, Figure>>;
}

/** A rate as the book prints it: whole steps per second, one decimal below 100 (WebGPU on SwiftShader). */
export const speedFigure = (value: number): FigureSpec => (Math.abs(value) < 100 ? fixedFigure(value, 1) : integerFigure(value));
