/**
 * The commands behind src/cli/main.ts. Output is JSON lines on `out`; mistakes in the arguments or
 * the scenario are one line on `err` with exit status 2; a run that fails (e.g. diverges) exits 1.
 */
import { readFileSync } from 'node:fs';
import { selectBackend } from '../core/backend';
import { NonFiniteError, ValidationError } from '../core/errors';
import { DEFAULT_ADAM } from '../core/optimiser-config';
import { parseScenario, runScenario, type RunSummary, type Scenario } from '../core/scenario';
import type { StepRecord } from '../core/trainer/trainer';
import { parseCommand, USAGE, UsageError, type Command } from './args';
import { nodeWasmPaths } from '../node/tfjs-setup';

/** Where the command line writes. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** The per-step line: what the book's charts and the fixtures compare. */
function stepLine(record: StepRecord): string {
  const { step, losses, gradNorms, weights, cosine, projections } = record;
  return JSON.stringify(projections === undefined ? { step, losses, gradNorms, weights, cosine } : { step, losses, gradNorms, weights, cosine, projections });
}

function readScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    // Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse refuses.
    json = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseScenario(json);
}

function trainingScenario(command: Extract<Command, { kind: 'train' }>): Scenario {
  return parseScenario({
    name: `train-${command.strategy}-seed${command.seed}`,
    parameters: { seed: command.seed },
    data: { kind: 'synthetic', seed: command.seed, batchSize: command.batch },
    strategy: { name: command.strategy },
    optimiser: { ...DEFAULT_ADAM, learningRate: command.lr },
    steps: command.steps,
  });
}

async function execute(command: Exclude<Command, { kind: 'help' }>, io: CliIo): Promise<void> {
  const scenario = command.kind === 'replay' ? readScenario(command.file) : trainingScenario(command);
  const choice = await selectBackend({ forced: command.backend, order: ['cpu'], wasmPaths: nodeWasmPaths() });
  if (choice.forcedUnavailable !== undefined) io.err(choice.forcedUnavailable);
  const every = command.kind === 'train' ? command.every : 1;
  const summary: RunSummary = await runScenario(
    scenario,
    (record) => {
      if (record.step % every === 0 || record.step === scenario.steps) io.out(stepLine(record));
    },
    { path: command.path, exportParameters: command.kind === 'replay' && command.parameters },
  );
  io.out(JSON.stringify({ summary }));
}

/** Run one command line; resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseCommand(argv);
    if (command.kind === 'help') {
      io.out(USAGE);
      return 0;
    }
    await execute(command, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ValidationError) {
      io.err(`error: ${error.message}`);
      return 2;
    }
    if (error instanceof NonFiniteError) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
