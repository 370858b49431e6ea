/*
 * `pnpm bench:compare A B [--out DIR] [--max-regression 0.1]`: compares run B against baseline A (run folders
 * or summary.json files), prints the delta table, writes compare.md and compare.html, and returns the exit code:
 *   0  no regression beyond --max-regression with confidence (also: inconclusive with too few trials)
 *   99 B regressed beyond --max-regression with confidence (the same rule as the CI gate)
 *   2  bad arguments or an unreadable/incompatible summary (one line naming the problem)
 *   1  anything else
 * Kept apart from scripts/benchCompare.ts so tests run it in-process with their own output streams.
 */
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { isScaleproofError } from '../errors/ScaleproofError.ts';
import { readSummary } from '../report/readSummary.ts';
import { formatComparisonTable } from './formatComparisonTable.ts';
import { regressionGate } from './regressionGate.ts';
import { writeComparison } from './writeComparison.ts';

export const EXIT_REGRESSED = 99;

export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** For the default output folder name. */
  now: () => Date;
  cwd: string;
}

function fraction(raw: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0 || n >= 10) throw new InvalidArgumentError('expected a fraction such as 0.1 (= 10%)');
  return n;
}

export function defaultCompareDir(cwd: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return path.resolve(cwd, 'reports', `compare-${stamp}`);
}

export async function runCompareCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const program = new Command()
    .name('bench:compare')
    .description('Compare run B against baseline run A with noise-aware statistics over their trials.')
    .argument('<a>', 'baseline run: a run folder (reports/<run-id>) or its summary.json')
    .argument('<b>', 'candidate run: a run folder or its summary.json')
    .option('--out <dir>', 'where compare.md and compare.html go (default reports/compare-<timestamp>/)')
    .option('--max-regression <fraction>', 'largest tolerated p95 rise / throughput drop before exit 99', fraction, 0.1)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (str, write) => write(str.trimEnd().split('\n')[0] + '\n') });

  try {
    program.parse([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : 2;
    throw err;
  }
  const [aPath, bPath] = program.args as [string, string];
  const opts = program.opts<{ out?: string; maxRegression: number }>();

  try {
    const [a, b] = await Promise.all([readSummary(path.resolve(io.cwd, aPath)), readSummary(path.resolve(io.cwd, bPath))]);
    const gate = regressionGate(a, b, { maxRegression: opts.maxRegression });
    io.out(`${formatComparisonTable(gate.comparison, gate, opts.maxRegression)}\n`);
    const outDir = opts.out ? path.resolve(io.cwd, opts.out) : defaultCompareDir(io.cwd, io.now());
    const { files } = await writeComparison(gate.comparison, outDir, { result: gate, maxRegression: opts.maxRegression });
    io.out(`wrote ${Object.values(files).join(', ')}\n`);
    return gate.regressed ? EXIT_REGRESSED : 0;
  } catch (err) {
    if (isScaleproofError(err)) {
      io.err(`bench:compare: ${err.message}\n`);
      return err.exitCode;
    }
    io.err(`bench:compare: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}
