/**
 * What a figure of the book is: a number the core computed, the run that computed it, and how the
 * chapters print it. `content/figures.json` holds every figure; `npm run figures` writes it.
 */

/** How a value is printed: fixed decimals, a ratio ("1,200×"), a whole number, or a percentage. */
export type FigureStyle = 'fixed' | 'ratio' | 'integer' | 'percent';

export interface Figure {
  readonly value: number;
  /** Key of the run (in `FigureFile.runs`) that measured it. */
  readonly run: string;
  readonly style: FigureStyle;
  /** Decimals for 'fixed' and 'percent'; significant digits for 'ratio'. */
  readonly digits: number;
}

/** The run behind a group of figures. */
export interface RunProvenance {
  /** One line a reader can follow: what ran, on what data. */
  readonly what: string;
  readonly seed: number | null;
  readonly steps: number | null;
  readonly backend: 'wasm' | 'cpu' | 'none';
  /** 'cheap' figures are recomputed by the unit test; 'expensive' ones (FD001) only checked for provenance. */
  readonly cost: 'cheap' | 'expensive';
  readonly commit: string;
  readonly generatedAt: string;
}

export interface FigureFile {
  readonly generatedBy: string;
  readonly runs: Readonly<Record<string, RunProvenance>>;
  readonly figures: Readonly<Record<string, Figure>>;
}

/** A run's figures before provenance is attached: key → value, style and digits. */
export interface MeasuredRun {
  readonly key: string;
  readonly what: string;
  readonly seed: number | null;
  readonly steps: number | null;
  readonly backend: RunProvenance['backend'];
  readonly figures: Readonly<Record<string, Omit<Figure, 'run'>>>;
}

export type FigureSpec = Omit<Figure, 'run'>;

export const fixedFigure = (value: number, digits: number): FigureSpec => ({ value, style: 'fixed', digits });
export const integerFigure = (value: number): FigureSpec => ({ value, style: 'integer', digits: 0 });
export const percentFigure = (value: number, digits = 1): FigureSpec => ({ value, style: 'percent', digits });
/** `digits` significant digits (1 or more): 75.5× at 3, 76× at 2. */
export const ratioFigure = (value: number, digits = 2): FigureSpec => {
  if (!Number.isInteger(digits) || digits < 1) throw new Error(`a ratio figure needs 1 or more significant digits, got ${digits}`);
  return { value, style: 'ratio', digits };
};
