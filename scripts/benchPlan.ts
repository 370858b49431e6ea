/*
 * pnpm bench:plan <workload> [--users N] [--trials N] [--out DIR]: every quantitative claim of the workload's
 * plan measured on the same data, machine and offered load, before against after, with bootstrap intervals
 * over trials and a verdict per claim (harness/plan/runPlan.ts). Exit codes: 0 the report was written;
 * 99 with --require-claims when a claim is `not reproduced`; 2 usage or configuration error; 1 anything else.
 * With --json the last stdout line is one JSON object (verdict counts, per-claim verdicts, the report folder).
 */
import { Option } from 'commander';
import { processSecrets, readProcessEnv } from '../harness/config/readEnv.ts';
import { ScaleproofError } from '../harness/errors/ScaleproofError.ts';
import { planDefaults, type PlanOptions } from '../harness/plan/PlanOptions.ts';
import { runPlan } from '../harness/plan/runPlan.ts';
import { workloadDefaults } from '../harness/run/BenchOptions.ts';
import { flagBounds } from '../harness/run/flagBounds.ts';
import { durationArg, intArg } from '../harness/run/parseArgs.ts';
import { redactText } from '../harness/services/redactUrl.ts';
import { resolveWorkload } from '../harness/workload/WorkloadRegistry.ts';
import { workloads } from '../scenarios/registry.ts';
import { datasetParametersOf, distributionOf, workloadProgram, type DatasetFlags } from './cli/commonFlags.ts';
import { exitWithError, parseOrExit } from './cli/exitWithError.ts';
import { runContext } from './cli/runContext.ts';
import { terminalOutput } from './cli/terminalOutput.ts';

const secrets = processSecrets();
const d = planDefaults;
const program = workloadProgram('bench:plan', "Measure each claim of the workload's plan, before against after, and give a verdict per claim.", Object.keys(workloads))
  .option('--trials <n>', `trials per step, interleaved across steps (default ${d.trials})`, intArg('--trials', 1, 50))
  .option('--rate <rps>', 'offered rate for every step, req/s (default: half of what the first step carries in a closed-model calibration)', intArg('--rate', 1, flagBounds.rate.max))
  .option('--duration <d>', `measured seconds per trial (default ${d.durationS})`, durationArg('--duration', 1))
  .option('--warmup <d>', `open-model warm-up per step, excluded (default ${d.warmupS})`, durationArg('--warmup', 0))
  .option('--calibrate <d>', `closed-model calibration of the rate (default ${d.calibrateS})`, durationArg('--calibrate', 1))
  .addOption(new Option('--arrivals <process>', 'arrival process').choices(['constant', 'poisson']).default(d.arrivals))
  .option('--max-connections <n>', `most connections the open-model driver opens (default ${d.maxConnections})`, intArg('--max-connections', flagBounds.connections.min, flagBounds.connections.max))
  .option('--steps <ids>', "only these steps of the claims file, comma-separated (e.g. naive,optimized)")
  .option('--probe-repeats <n>', `runs of each probe per trial (default ${d.probeRepeats})`, intArg('--probe-repeats', 1, 20))
  .option('--capacity', "also find every step's sustainable rate within the budget (bench:capacity's search, short steps; 1-2 min per step)")
  .option('--probe-timeout <d>', `longest a probe may take (default ${d.probeTimeoutS} s)`, durationArg('--probe-timeout', 1))
  .option('--require-claims', 'exit 99 when any claim is not reproduced')
  .option('--out <dir>', 'report folder (default reports/plan-<run-id>)')
  .option('--json', 'print one JSON object as the last stdout line');

interface PlanFlags extends DatasetFlags {
  trials?: number;
  rate?: number;
  duration?: number;
  warmup?: number;
  calibrate?: number;
  arrivals: 'constant' | 'poisson';
  maxConnections?: number;
  steps?: string;
  probeRepeats?: number;
  probeTimeout?: number;
  capacity?: boolean;
  requireClaims?: boolean;
  out?: string;
  json?: boolean;
}

const flags = parseOrExit<PlanFlags>(program, process.argv, secrets);

try {
  if (flags.variant !== undefined) throw new ScaleproofError('SP_USAGE', 'bench:plan runs the steps its claims file names; use --steps instead of --variant');
  const resolved = await resolveWorkload(workloads, program.args[0]!, undefined);
  const { workload, variant } = resolved;
  const wd = workloadDefaults(workload, variant);
  const env = readProcessEnv(workload.env);
  const options: PlanOptions = Object.freeze({
    workload: workload.name,
    users: flags.users ?? wd.users,
    seed: flags.seed ?? wd.seed,
    distribution: distributionOf(flags, wd.distribution),
    datasetParameters: datasetParametersOf(flags, workload),
    trials: flags.trials ?? d.trials,
    warmupS: flags.warmup ?? d.warmupS,
    durationS: flags.duration ?? d.durationS,
    ratePerSecond: flags.rate,
    calibrateS: flags.calibrate ?? d.calibrateS,
    calibrateConnections: Math.min(wd.connections, d.calibrateMaxConnections),
    arrivals: flags.arrivals,
    maxConnections: flags.maxConnections ?? d.maxConnections,
    probeRepeats: flags.probeRepeats ?? d.probeRepeats,
    probeTimeoutS: flags.probeTimeout ?? d.probeTimeoutS,
    explainTop: d.explainTop,
    steps: flags.steps?.split(',').map((s) => s.trim()).filter(Boolean),
    outDir: flags.out,
    capacity: flags.capacity ?? false,
    requireClaims: flags.requireClaims ?? false,
    command: redactText(`pnpm bench:plan ${process.argv.slice(2).join(' ')}`.trim(), secrets),
  });
  const out = terminalOutput(secrets);
  const outcome = await runPlan(options, {
    env, workload, cwd: process.cwd(), log: out.log, progress: out.progress,
    contextFor: async (name) => runContext(await resolveWorkload(workloads, workload.name, name), env, out),
  });
  out.clear();
  const r = outcome.report;
  for (const c of r.claims) process.stdout.write(`${c.verdict.padEnd(20)} ${c.id}${c.reason ? `: ${c.reason}` : ''}\n`);
  process.stdout.write(`reports: ${Object.values(outcome.files).join(', ')}\n`);
  if (flags.json) process.stdout.write(`${JSON.stringify({ workload: r.workload, ratePerSecond: r.load.ratePerSecond, counts: r.counts, claims: r.claims.map((c) => ({ id: c.id, verdict: c.verdict })), outDir: outcome.outDir })}\n`);
  process.exit(outcome.exitCode);
} catch (err) {
  exitWithError(err, secrets);
}
