/**
 * Cuts a named region out of a source file for a live code listing. A region is delimited by
 *
 *     // #region listing:NAME
 *     ...
 *     // #endregion listing:NAME
 *
 * Pure string work, so the build plugin and the unit tests share it.
 */

/** The lines between the two markers, ready to highlight. */
export interface RegionSlice {
  /** The code, dedented, without the marker lines and without other regions' marker lines. */
  readonly code: string;
  /** 1-based line number (in the source file) of the first line after the opening marker. */
  readonly firstLine: number;
  /** 1-based line number of the last line before the closing marker. */
  readonly lastLine: number;
}

/** Why a region could not be cut; the message names the file and the marker a reader must add. */
export class ListingRegionError extends Error {
  override readonly name = 'ListingRegionError';
}

const REGION_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
// Markers may sit behind `//` (TS/JS), `#` (Python, shell) or inside `/* */` (CSS).
const MARKER = /^\s*(?:\/\/|#|\/\*)\s*#(region|endregion)\s+listing:([A-Za-z0-9_-]+)\s*(?:\*\/)?\s*$/;

interface Marker {
  readonly kind: 'region' | 'endregion';
  readonly name: string;
}

function parseMarker(line: string): Marker | undefined {
  const match = MARKER.exec(line);
  if (!match) return undefined;
  return { kind: match[1] as Marker['kind'], name: match[2] };
}

/** Removes the indentation that every non-blank line shares, so a method body reads flush left. */
export function dedent(lines: readonly string[]): string[] {
  const indents = lines
    .filter((line) => line.trim() !== '')
    .map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((line) => line.slice(Math.min(common, line.length)));
}

function trimBlankEdges(lines: readonly string[]): { lines: string[]; dropped: number } {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === '') start += 1;
  while (end > start && lines[end - 1].trim() === '') end -= 1;
  return { lines: lines.slice(start, end), dropped: start };
}

/**
 * Returns the region `region` of `source`. `file` is only used in error messages.
 * @throws ListingRegionError when the name is malformed, a marker is missing, duplicated or out of
 *   order, or the region is empty.
 */
export function cutRegion(source: string, region: string, file: string): RegionSlice {
  if (!REGION_NAME.test(region)) {
    throw new ListingRegionError(`Listing region name "${region}" (in ${file}) may only use letters, digits, "-" and "_".`);
  }
  const lines = source.split(/\r?\n/);
  const opens: number[] = [];
  const closes: number[] = [];
  lines.forEach((line, index) => {
    const marker = parseMarker(line);
    if (marker?.name !== region) return;
    (marker.kind === 'region' ? opens : closes).push(index);
  });
  const openText = `// #region listing:${region}`;
  const closeText = `// #endregion listing:${region}`;
  if (opens.length === 0) {
    throw new ListingRegionError(`${file} has no marker "${openText}" (a listing asks for region "${region}").`);
  }
  if (closes.length === 0) {
    throw new ListingRegionError(`${file} opens "${openText}" on line ${opens[0] + 1} but never closes it with "${closeText}".`);
  }
  if (opens.length > 1 || closes.length > 1) {
    throw new ListingRegionError(`${file} marks region "${region}" more than once; each listing region must be unique.`);
  }
  const [open] = opens;
  const [close] = closes;
  if (close < open) {
    throw new ListingRegionError(`${file} closes region "${region}" on line ${close + 1} before opening it on line ${open + 1}.`);
  }
  // Other listings may nest or overlap this one; their markers are scaffolding, not code.
  const kept: { text: string; line: number }[] = [];
  for (let index = open + 1; index < close; index += 1) {
    if (!parseMarker(lines[index])) kept.push({ text: lines[index], line: index + 1 });
  }
  const trimmed = trimBlankEdges(kept.map((entry) => entry.text));
  if (trimmed.lines.length === 0) {
    throw new ListingRegionError(`${file} region "${region}" is empty.`);
  }
  const firstKept = kept[trimmed.dropped];
  const lastKept = kept[trimmed.dropped + trimmed.lines.length - 1];
  return { code: dedent(trimmed.lines).join('\n'), firstLine: firstKept.line, lastLine: lastKept.line };
}
