/**
 * `<Measured k="toy.fixed.ratioEnd" />`: a figure the core computed (content/figures.json, written by
 * `npm run figures`), printed the one way src/figures/format.ts prints it, with a small marker naming
 * the run. `bare` leaves the marker out, for tables and lists whose run a `<RunNote>` names once.
 */
import figureFile from '../../../content/figures.json';
import { describeRun, formatFigure } from '../../figures/format';
import type { FigureFile } from '../../figures/types';

const file = figureFile as FigureFile;

export function Measured({ k, bare = false }: { readonly k: string; readonly bare?: boolean }) {
  const figure = file.figures[k];
  const run = figure ? file.runs[figure.run] : undefined;
  if (!figure || !run) return <span className="figure-missing" data-figure={k}>[no figure “{k}”: run npm run figures]</span>;
  const title = `${run.what}; commit ${run.commit}; npm run figures`;
  return (
    <span data-figure={k}>
      <span className="figure-measured" title={title}>{formatFigure(figure)}</span>
      {!bare && <span className="figure-marker"> ({describeRun(run)})</span>}
    </span>
  );
}

/** `<RunNote run="fd001Dense1000" />`: the marker of a run whose figures a table prints bare. */
export function RunNote({ run }: { readonly run: string }) {
  const provenance = file.runs[run];
  if (!provenance) return <span className="figure-missing">[no run “{run}”: run npm run figures]</span>;
  return <span className="figure-marker" data-run={run} title={`commit ${provenance.commit}`}>{describeRun(provenance)}: {provenance.what}</span>;
}
