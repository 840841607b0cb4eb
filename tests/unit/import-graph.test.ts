/**
 * The import graph stays acyclic: a cycle means two modules each own part of the other's facts (the
 * lab and its stacked runs once shared their types that way). Reads the sources as text, follows
 * every relative import, re-export and dynamic import (type-only ones too), and lists each cycle.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const FOLDERS = ['src', 'widgets', 'bench', 'reference', 'tests', 'scripts'];
const SOURCE = /\.(ts|tsx|mts|mjs)$/;
const SPECIFIERS = [/\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/g, /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g];
const CANDIDATE_ENDINGS = ['', '.ts', '.tsx', '.mts', '.mjs', '/index.ts', '/index.tsx'];

function sourceFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  const found = CANDIDATE_ENDINGS.map((ending) => base + ending).find((path) => existsSync(path) && statSync(path).isFile());
  return found ?? null;
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)))) {
    const text = readFileSync(file, 'utf8');
    const targets = SPECIFIERS.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => resolveImport(file, match[1])));
    graph.set(file, [...new Set(targets.filter((target): target is string => target !== null))]);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the files along it. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push(path.slice(path.indexOf(next)).map((entry) => relative(ROOT, entry)));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe('the import graph', () => {
  it('reads the project: the trainer imports its batches', () => {
    const graph = importGraph();
    expect(graph.get(join(ROOT, 'src/core/trainer/trainer.ts'))).toContain(join(ROOT, 'src/core/trainer/batch.ts'));
  });

  it('has no cycles', () => {
    expect(cycles(importGraph())).toEqual([]);
  });

  it('would name a cycle', () => {
    expect(cycles(new Map([['/a.ts', ['/b.ts']], ['/b.ts', ['/a.ts']]]))).toEqual([[relative(ROOT, '/a.ts'), relative(ROOT, '/b.ts')]]);
  });
});
