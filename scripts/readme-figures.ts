/** `npm run readme:figures`: rewrites the README's table of recorded speeds from content/bench-figures.json. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchFigureFile } from '../src/figures/bench-types';
import { withReadmeTable } from '../src/figures/readme-table';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readmePath = path.join(root, 'README.md');
const file = JSON.parse(readFileSync(path.join(root, 'content/bench-figures.json'), 'utf8')) as BenchFigureFile;
const before = readFileSync(readmePath, 'utf8');
const after = withReadmeTable(before, file);
writeFileSync(readmePath, after);
console.log(after === before ? 'README.md: the performance table was already up to date' : 'README.md: performance table rewritten from content/bench-figures.json');
