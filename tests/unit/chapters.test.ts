import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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
    expect((references ?? '').split('\n').filter((line) => /^\s*(-|\*|\d+\.)\s+\S/.test(line)).length).toBeGreaterThan(0);
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
    for (const name of ['ParetoFrontier', 'GradientCombiner', 'LambdaSweep', 'GabaExplorer', 'StrategyLab']) {
      expect(all, name).toContain(`<Widget name="${name}"`);
    }
  });
});
