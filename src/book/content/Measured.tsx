/**
 * `<Measured k="toy.fixed.ratioEnd" />`: a figure the core computed (content/figures.json, written by
 * `npm run figures`), printed the one way src/figures/format.ts prints it, with a small marker naming
 * the run. `bare` leaves the marker out, for tables and lists whose run a `<RunNote>` names once.
 * A key starting "bench." is a recorded speed (content/bench-figures.json, `npm run bench:record`):
 * its marker names the bench, the machine's cores and its load while the bench ran.
 */
import benchFigureFile from '../../../content/bench-figures.json';
import figureFile from '../../../content/figures.json';
import { benchRunTitle, describeBenchRun } from '../../figures/bench-format';
import type { BenchFigureFile } from '../../figures/bench-types';
import { describeRun, formatFigure } from '../../figures/format';
import type { FigureFile } from '../../figures/types';

const file = figureFile as FigureFile;
const benchFile = benchFigureFile as unknown as BenchFigureFile;

function MeasuredSpeed({ k, bare }: { readonly k: string; readonly bare: boolean }) {
  const figure = benchFile.figures[k];
  const run = figure ? benchFile.runs[figure.run] : undefined;
  if (!figure || !run) return <span className="figure-missing" data-figure={k}>[no speed figure “{k}”: run npm run bench:record]</span>;
  return (
    <span data-figure={k}>
      <span className="figure-measured" title={benchRunTitle(run)}>{formatFigure(figure)}</span>
      {!bare && <span className="figure-marker"> ({describeBenchRun(run)})</span>}
    </span>
  );
}

export function Measured({ k, bare = false }: { readonly k: string; readonly bare?: boolean }) {
  if (k.startsWith('bench.')) return <MeasuredSpeed k={k} bare={bare} />;
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
  if (run.startsWith('bench.')) return <BenchRunNote run={run.slice('bench.'.length)} />;
  const provenance = file.runs[run];
  if (!provenance) return <span className="figure-missing">[no run “{run}”: run npm run figures]</span>;
  return <span className="figure-marker" data-run={run} title={`commit ${provenance.commit}`}>{describeRun(provenance)}: {provenance.what}</span>;
}

/** `<RunNote run="bench.step" />`: the marker of a recorded bench whose figures a sentence prints bare. */
function BenchRunNote({ run }: { readonly run: string }) {
  const provenance = benchFile.runs[run];
  if (!provenance) return <span className="figure-missing">[no bench run “{run}”: run npm run bench:record]</span>;
  return <span className="figure-marker" data-run={`bench.${run}`} title={benchRunTitle(provenance)}>{describeBenchRun(provenance)}</span>;
}
