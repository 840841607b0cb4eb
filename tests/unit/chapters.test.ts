import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIBLIOGRAPHY, formatReference, isCitationKey, type Reference } from '../../src/book/content/bibliography';

const root = path.resolve(__dirname, '../..');
const contentDir = path.join(root, 'content');
const chapters = readdirSync(contentDir).filter((name) => /^\d+-[a-z0-9-]+\.mdx$/.test(name)).sort();

describe.each(chapters)('chapter %s', (file) => {
  const text = readFileSync(path.join(contentDir, file), 'utf8');

  it('has a number, a title and a one-line summary', () => {
    const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
    expect(frontmatter).toMatch(/^number: \d+$/m);
    expect(frontmatter).toMatch(/^title: .+$/m);
    expect(frontmatter).toMatch(/^summary: .+$/m);
  });

  it('embeds at least one widget, each of which exists', () => {
    const widgets = [...text.matchAll(/<Widget\s+name="([A-Za-z]+)"/g)].map((match) => match[1]);
    expect(widgets.length).toBeGreaterThan(0);
    for (const name of widgets) expect(existsSync(path.join(root, 'widgets', name, 'index.ts')), `widgets/${name}/index.ts`).toBe(true);
  });

  it('lists real code from the core at marked regions that exist', () => {
    const listings = [...text.matchAll(/<Listing\s+file="([^"]+)"\s+region="([^"]+)"/g)];
    expect(listings.length).toBeGreaterThan(0);
    for (const [, file, region] of listings) {
      const source = readFileSync(path.join(root, file), 'utf8');
      expect(source, `${file} #region listing:${region}`).toContain(`#region listing:${region}`);
      expect(source).toContain(`#endregion listing:${region}`);
    }
  });

  it('numbers its display equations', () => {
    expect(text).toMatch(/\\tag\{[^}]+\}/);
  });

  it('offers a "Try this" list and cites its sources in a references section', () => {
    expect(text).toMatch(/^##+ Try this/im);
    const references = text.split(/^##+ References\s*$/im)[1];
    expect(references, 'a "References" heading').toBeDefined();
    expect(references ?? '').toMatch(/<References\s+cited=\{\[\s*'/);
  });
});

describe('the book', () => {
  it('has at least the six chapters of the plan, numbered in order', () => {
    const numbers = chapters.map((file) => Number(/^---\n[\s\S]*?^number: (\d+)$/m.exec(readFileSync(path.join(contentDir, file), 'utf8'))?.[1]));
    expect(numbers.length).toBeGreaterThanOrEqual(6);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('embeds every interactive widget somewhere', () => {
    const all = chapters.map((file) => readFileSync(path.join(contentDir, file), 'utf8')).join('\n');
    for (const name of ['ParetoFrontier', 'GradientCombiner', 'LambdaSweep', 'GabaExplorer', 'StrategyLab', 'AggregatorArena']) {
      expect(all, name).toContain(`<Widget name="${name}"`);
    }
  });
});

describe('citations and notation', () => {
  const texts = chapters.map((file) => ({ file, text: readFileSync(path.join(contentDir, file), 'utf8') }));
  // Prose without math, code or JSX attributes, where a citation is written as [Key] or [Key] §x.y.
  const prose = (text: string) => text.replace(/\$\$[\s\S]*?\$\$/g, '').replace(/\$[^$\n]*\$/g, '').replace(/`[^`]*`/g, '').replace(/<References[\s\S]*?\/>/g, '');
  const citedIn = (text: string) => [...prose(text).matchAll(/\[([A-Z][^\][]*?(?: \d{4})?|GABA|LibMTL|NASA PCoE)\](?!\()/g)].map((m) => m[1]);
  const listedIn = (text: string) => {
    const block = /<References\s+cited=\{\[([^\]]*)\]\}/.exec(text)?.[1] ?? '';
    return [...block.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  };

  it.each(chapters)('%s lists every work it cites, from the one bibliography', (file) => {
    const text = texts.find((t) => t.file === file)!.text;
    const listed = listedIn(text);
    expect(listed.length, 'a <References cited={[…]} /> list').toBeGreaterThan(0);
    for (const key of listed) expect(isCitationKey(key), `${key} is in src/book/content/bibliography.ts`).toBe(true);
    for (const key of citedIn(text)) expect(listed, `[${key}] cited in the prose`).toContain(key);
    for (const key of listed) expect(citedIn(text), `${key} listed but never cited in the prose`).toContain(key);
  });

  it('gives every work its authors, title, venue and year (the online source book names its address instead of a year)', () => {
    for (const [key, entry] of Object.entries(BIBLIOGRAPHY) as [string, Reference][]) {
      expect(entry.authors.length, key).toBeGreaterThan(3);
      expect(entry.title.length, key).toBeGreaterThan(3);
      expect(entry.venue.length, key).toBeGreaterThan(3);
      if (entry.year === null) expect(entry.locator, key).toMatch(/^https:\/\//);
      else expect(entry.year, key).toBeGreaterThan(1900);
    }
    expect(formatReference('Saxena 2008')).toContain('Damage Propagation Modeling for Aircraft Engine Run-to-Failure Simulation');
    expect(BIBLIOGRAPHY.GABA.title).toContain('Gradient-Aware Multi-Task Learning for Predictive Maintenance');
  });

  it('cites the source book’s ratio measurements by section', () => {
    const all = texts.map((t) => t.text).join('\n');
    for (const section of ['§12.1', '§12.3', '§13.4']) expect(all).toContain(`[GABA] ${section}`);
  });

  it('renders the one notation table in every chapter, and the table defines each symbol once', () => {
    for (const { file, text } of texts) expect(text, file).toContain('<Notation />');
    const table = readFileSync(path.join(contentDir, 'shared', 'notation.mdx'), 'utf8');
    const rows = table.split('\n').filter((line) => /^\| [^-]/.test(line)).slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(25);
    const symbols = rows.flatMap((row) => row.split(' | ')[0].replace(/^\| /, '').split(/,\s*(?=\$|`)/).map((s) => s.trim()));
    expect(new Set(symbols).size, 'no symbol listed twice').toBe(symbols.length);
    for (const symbol of ['$\\rho$', '$w_k$', '$T_k$', '$\\tau$', '$N_k$', '$s_k$', '$q_k$', '$\\omega(y)$', '$G$']) expect(symbols).toContain(symbol);
  });

  it('keeps the symbols that used to mean two things to one meaning', () => {
    const all = texts.map((t) => t.text).join('\n');
    expect(all, 'GradNorm’s weighted norms are N_k, the Gramian is G').not.toMatch(/\\bar G|G_k = w_k/);
    expect(all, 'DWA’s temperature is τ, its loss ratio q_k').not.toMatch(/\/ T\)|T = 2|\\exp\(r_/);
    expect(all, 'AMNL’s per-example weight is ω(y)').not.toMatch(/\bw\(y/);
    expect(all, 'sensors are named s2 … s21 in code font, not the math s_k').not.toMatch(/\$s_\{\d{2}\}|s_1 \\dots/);
    expect(all, 'tasks are indexed from 0').not.toMatch(/\\sum_\{j=1\}\^\{K\}/);
  });
});
