/**
 * Symbols such as λ_rul and ‖g_rul‖ typeset as math, as the prose does, rather than as "λ_rul" with
 * a literal underscore. In HTML, KaTeX draws them (aria-hidden) next to a visually hidden spoken form
 * ("lambda RUL", "norm of g RUL"), which is what a screen reader reads and what names a slider whose
 * label is only a symbol. Inside an SVG chart KaTeX cannot go; there the label is set with a real
 * subscript, and the chart's own aria-label is what assistive technology reads.
 */
import katex from 'katex';
import { Fragment, type ReactNode } from 'react';

const rendered = new Map<string, string>();

function renderTex(tex: string): string {
  let html = rendered.get(tex);
  if (html === undefined) {
    // The strings are the widgets' own constants, never reader input; a typo should fail loudly.
    html = katex.renderToString(tex, { output: 'html', throwOnError: true, strict: 'error' });
    rendered.set(tex, html);
  }
  return html;
}

/** One typeset symbol with its spoken form. */
export function MathLabel({ tex, spoken }: { readonly tex: string; readonly spoken: string }) {
  return (
    <span className="ba-math">
      <span aria-hidden="true" dangerouslySetInnerHTML={{ __html: renderTex(tex) }} />
      <span className="visually-hidden">{spoken}</span>
    </span>
  );
}

const GREEK: Readonly<Record<string, { tex: string; spoken: string }>> = {
  λ: { tex: String.raw`\lambda`, spoken: 'lambda' },
  β: { tex: String.raw`\beta`, spoken: 'beta' },
  α: { tex: String.raw`\alpha`, spoken: 'alpha' },
};
// "‖g_rul‖" or "λ_rul": a one-letter symbol, `_`, a word subscript, optionally inside norm bars.
const SUBSCRIPTED = /(‖?)([A-Za-zα-ω])_([A-Za-z]+)(‖?)/g;

/** TeX and spoken form of one written symbol ("‖g_rul‖" → \lVert g_{\text{rul}} \rVert, "norm of g RUL"). */
export function symbolOf(norm: boolean, symbol: string, subscript: string): { tex: string; spoken: string } {
  const base = GREEK[symbol] ?? { tex: symbol, spoken: symbol };
  const core = String.raw`${base.tex}_{\text{${subscript}}}`;
  const spoken = `${norm ? 'norm of ' : ''}${base.spoken} ${subscript === 'rul' ? 'RUL' : subscript}`;
  return { tex: norm ? String.raw`\lVert ${core} \rVert` : core, spoken };
}

/** Plain text with its `λ_rul`-style symbols typeset: `<MathText text="raw λ_rul" />`. */
export function MathText({ text }: { readonly text: string }) {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(SUBSCRIPTED)) {
    const [whole, open, symbol, subscript, close] = match;
    const index = match.index ?? 0;
    const norm = open === '‖' && close === '‖';
    if (index > last) nodes.push(text.slice(last, index));
    // An unpaired bar stays text around the symbol.
    if (open && !norm) nodes.push(open);
    nodes.push(<MathLabel key={index} {...symbolOf(norm, symbol, subscript)} />);
    if (close && !norm) nodes.push(close);
    last = index + whole.length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return <>{nodes}</>;
}

/**
 * The tspans of an SVG <text> for a label written with `_` subscripts ("‖g_rul‖", "λ_rul share"):
 * a one-letter symbol before `_` is set in italic, the word after it as a lowered, smaller subscript.
 */
export function svgMathText(label: string): ReactNode {
  const parts = label.split(/([A-Za-zα-ω])_([A-Za-z]+)/);
  if (parts.length === 1) return label;
  const nodes: ReactNode[] = [];
  for (let i = 0; i < parts.length; i += 3) {
    if (parts[i]) nodes.push(<Fragment key={`t${i}`}>{parts[i]}</Fragment>);
    if (i + 2 < parts.length) {
      nodes.push(<tspan key={`b${i}`} fontStyle="italic">{parts[i + 1]}</tspan>);
      nodes.push(<tspan key={`s${i}`} baselineShift="sub" fontSize="75%">{parts[i + 2]}</tspan>);
    }
  }
  return nodes;
}
