/*
 * How every scaleproof CLI ends on an error: ONE line on stderr naming the problem (passwords removed), and
 * the error's exit code (2 for usage and configuration, 1 for anything else, which also gets its stack).
 * Explicit process.exit, so no library exit hook can change the code.
 */
import { Command, CommanderError } from 'commander';
import { ScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import { redactText } from '../../harness/services/redactUrl.ts';

export type Secrets = ReadonlyArray<string | undefined>;

export function exitWithError(err: unknown, secrets: Secrets): never {
  const code = err instanceof ScaleproofError ? err.exitCode : err instanceof CommanderError ? 2 : 1;
  const msg = err instanceof Error ? err.message : String(err);
  const line = redactText(msg.replace(/^error: /, ''), secrets).split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
  process.stderr.write(`scaleproof: ${line}\n`);
  if (code === 1 && err instanceof Error && err.stack) process.stderr.write(redactText(err.stack, secrets) + '\n');
  process.exit(code);
}

/** Parses argv with a commander program set up with quietCommander(); --help exits 0, bad flags exit 2. */
export function parseOrExit<T>(program: Command, argv: string[], secrets: Secrets): T {
  try {
    program.parse(argv);
    return program.opts<T & Record<string, unknown>>();
  } catch (err) {
    if (err instanceof CommanderError && (err.code === 'commander.helpDisplayed' || err.code === 'commander.version')) process.exit(0);
    exitWithError(err, secrets);
  }
}

/** Commander throws instead of printing and exiting, so parseOrExit reports every error in one line. */
export function quietCommander(program: Command): Command {
  return program.exitOverride().configureOutput({ writeErr: () => undefined, outputError: () => undefined });
}
