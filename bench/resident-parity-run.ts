/**
 * Scratch driver while developing: build the bench page, replay the scenarios on the resident path.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { launch, serve } from './browser';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv[2];
const steps = Number(process.argv[3] ?? 200);
if (!process.env.SKIP_BUILD) await build({ configFile: path.join(root, 'bench/page/vite.config.ts') });
const scenarios = readdirSync(path.join(root, 'reference/scenarios')).filter((file) => !only || file.includes(only))
  .map((file) => JSON.parse(readFileSync(path.join(root, 'reference/scenarios', file), 'utf8')));
const server = await serve(path.join(root, 'dist-bench/step'));
const browser = await launch(true);
const page = await browser.newPage();
page.on('console', (m) => console.log('page:', m.text().slice(0, 2000)));
await page.goto(server.url);
await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
const results = await page.evaluate(([s, n]) => window.residentParity(s, n), [scenarios, steps] as const);
console.log(JSON.stringify(results, null, 1));
await browser.close();
await server.close();
