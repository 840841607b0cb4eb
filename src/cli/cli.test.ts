import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const scenarioFile = (scenario: object): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'balancing-act-cli-')), 'scenario.json');
  writeFileSync(file, JSON.stringify(scenario));
  return file;
};

const runCli = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('the command line', () => {
  it('replays a 3-step scenario as three step lines and a summary line', () => {
    const file = scenarioFile({
      name: 'cli-small',
      parameters: { seed: 0 },
      data: { kind: 'synthetic', seed: 0, batchSize: 8, poolSize: 32 },
      strategy: { name: 'fixed', hyper: { weights: [0.75, 0.25] } },
      steps: 3,
    });
    const child = runCli(['replay', file]);
    expect(child.status, child.stderr).toBe(0);
    const lines = child.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.step ?? 'summary')).toEqual([1, 2, 3, 'summary']);
    expect(lines[0].weights).toEqual([0.75, 0.25]);
    expect(Object.keys(lines[0])).toEqual(['step', 'losses', 'gradNorms', 'weights', 'cosine']);
    expect(lines[3].summary).toMatchObject({ name: 'cli-small', strategy: 'fixed', backend: 'cpu', steps: 3 });
  });

  it('prints a one-line error naming the field and exits 2 for a bad scenario', () => {
    const file = scenarioFile({ parameters: { seed: 0 }, data: { kind: 'synthetic', seed: 0, batchSize: 8 }, strategy: { name: 'gaba' }, steps: -1 });
    const child = runCli(['replay', file]);
    expect(child.status).toBe(2);
    expect(child.stderr.trim().split('\n').pop()).toBe('error: scenario.steps must be a positive integer, got -1');
  });

  it('reads a scenario saved as UTF-8 with a byte-order mark', () => {
    const file = scenarioFile({});
    writeFileSync(file, `\uFEFF${JSON.stringify({ parameters: { seed: 0 }, data: { kind: 'synthetic', seed: 0, batchSize: 8, poolSize: 32 }, strategy: { name: 'fixed' }, steps: 1 })}`);
    const child = runCli(['replay', file]);
    expect(child.status, child.stderr).toBe(0);
    expect(child.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('refuses a misspelt field with the closest known name instead of running defaults', () => {
    const file = scenarioFile({ parameters: { seed: 0 }, data: { kind: 'synthetic', seed: 0, batchSize: 8 }, strategy: { name: 'fixed' }, optimizer: { kind: 'sgd' }, steps: 1 });
    const child = runCli(['replay', file]);
    expect(child.status).toBe(2);
    expect(child.stderr).toContain('error: scenario.optimizer is not a known field (did you mean "optimiser"?');
  });

  it('exits 2 with a clear message for an unknown flag value', () => {
    const child = runCli(['train', '--strategy', 'gaba', '--lr', 'fast']);
    expect(child.status).toBe(2);
    expect(child.stderr).toContain('error: --lr must be a number');
  });
});
