/*
 * pnpm bench:compare A B [--out DIR] [--max-regression 0.1]: compares run B against baseline A.
 * Exit codes: 0 no confident regression, 99 regressed, 2 bad usage or summary, 1 other failure
 * (details in harness/compare/runCompareCommand.ts and harness/compare/README.md).
 */
import { runCompareCommand } from '../harness/compare/runCompareCommand.ts';

const code = await runCompareCommand(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  now: () => new Date(),
  cwd: process.cwd(),
});
process.exitCode = code;
