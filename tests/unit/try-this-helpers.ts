/** Shared by the "Try this" tests: the figures file, a widget's default state, and the wasm backend. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { nodeWasmPaths } from '../../src/node/tfjs-setup';
import { selectBackend } from '../../src/core/backend';
import type { FigureFile } from '../../src/figures/types';
import { parseState, type Schema } from '../../widgets/shared/url-state';

const root = path.resolve(__dirname, '../..');

/** content/figures.json; tests/unit/figures.test.ts checks that it is what the core computes. */
export const figures = JSON.parse(readFileSync(path.join(root, 'content/figures.json'), 'utf8')) as FigureFile;

export function figure(key: string): number {
  const found = figures.figures[key];
  if (!found) throw new Error(`no figure ${key} in content/figures.json (npm run figures)`);
  return found.value;
}

/** A widget's state as a reader first sees it (no URL parameters). */
export const defaultsOf = <S>(schema: Schema<S>): S => parseState(new URLSearchParams(), 'try', schema);

export const useWasm = () => selectBackend({ forced: 'wasm', wasmPaths: nodeWasmPaths() });

/** The "Try this" section of a chapter, for tests that check what the exercise says. */
export function tryThisOf(chapterFile: string): string {
  const text = readFileSync(path.join(root, 'content', chapterFile), 'utf8');
  return text.slice(text.indexOf('## Try this'), text.indexOf('## References'));
}

/** Number of exercises (top-level list items) in a chapter's "Try this" section. */
export function exerciseCount(chapterFile: string): number {
  return tryThisOf(chapterFile).split('\n').filter((line) => /^(-|\d+\.) /.test(line)).length;
}
