/*
 * pnpm bench:capacity <workload> [--variant v] [--target URL] [flags]: the highest arrival rate the design
 * carries within its budget (harness/capacity/runCapacity.ts), in req/s and in users of the plan's profile.
 * Exit codes as bench: 0 the plan's target load is within the found capacity; 99 it is above it, or no rate
 * passed at all; 2 usage or configuration error; 1 any other failure. With --json the last stdout line is one
 * JSON object: maxSustainableRps, low, high, bindingThreshold, users (and the report folder).
 */
import { Option } from 'commander';
import { processSecrets, readProcessEnv } from '../harness/config/readEnv.ts';
import { capacityDefaults, type CapacityOptions } from '../harness/capacity/CapacityOptions.ts';
import { runCapacity } from '../harness/capacity/runCapacity.ts';
import { capacityHeadline } from '../harness/capacity/report/capacityHeadline.ts';
import { workloadDefaults } from '../harness/run/BenchOptions.ts';
import { flagBounds } from '../harness/run/flagBounds.ts';
import { durationArg, fractionArg, intArg, mixArg, urlArg } from '../harness/run/parseArgs.ts';
import { redactText } from '../harness/services/redactUrl.ts';
import { resolveWorkload } from '../harness/workload/WorkloadRegistry.ts';
import { ScaleproofError } from '../harness/errors/ScaleproofError.ts';
import { workloads } from '../scenarios/registry.ts';
import { datasetParametersOf, distributionOf, workloadProgram, type DatasetFlags } from './cli/commonFlags.ts';
import { runContext } from './cli/runContext.ts';
import { exitWithError, parseOrExit } from './cli/exitWithError.ts';
import { terminalOutput } from './cli/terminalOutput.ts';

const secrets = processSecrets();
const b = flagBounds;
const d = capacityDefaults;
const program = workloadProgram('bench:capacity', 'Find the highest arrival rate the workload sustains within its budget (open model), in req/s and in users.', Object.keys(workloads))
  .option('--target <url>', "search someone else's API: no services, seeding or API started", urlArg('--target'))
  .option('--thresholds <file>', "budget (.ts or .json threshold set) replacing the workload's")
  .option('--mix <spec>', "request mix over the workload's endpoints, e.g. pin_public=70,pin_events=30", mixArg('--mix'))
  .option('--warmup <d>', "closed-model warm-up before the search (default: the workload's)", durationArg('--warmup', 0))
  .option('--start-rate <rps>', `first (safe) rate, req/s (default ${d.startRps})`, intArg('--start-rate', 1, b.rate.max))
  .option('--max-rate <rps>', `highest rate tried, req/s (default ${d.maxRps})`, intArg('--max-rate', 1, b.rate.max))
  .option('--tolerance <f>', `relative bisection tolerance (default ${d.tolerance})`, fractionArg('--tolerance'))
  .option('--trials <n>', `confirmation trials at the boundary (default ${d.trials})`, intArg('--trials', 1, 20))
  .option('--refine-steps <n>', `steps of each confirmation trial's own bisection around the boundary (default ${d.refineSteps})`, intArg('--refine-steps', 1, 10))
  .option('--settle <d>', `seconds each step runs before it is measured (default ${d.settleS})`, durationArg('--settle', 1))
  .option('--measure <d>', `measured seconds per step (default ${d.measureS})`, durationArg('--measure', 1))
  .option('--window <d>', `sliding judging window (default ${d.windowS} s)`, durationArg('--window', 1))
  .addOption(new Option('--arrivals <process>', 'arrival process').choices(['constant', 'poisson']).default(d.arrivals))
  .option('--max-connections <n>', `most connections the open-model driver opens (default ${d.maxConnections})`, intArg('--max-connections', b.connections.min, b.connections.max))
  .option('--max-schedule-lag <ms>', "generator validity: the driver's schedule lag p99 bound per window (default max(5, 5% of the tightest p95 budget))", intArg('--max-schedule-lag', 1, 60_000))
  .option('--out <dir>', 'report folder (default reports/capacity-<run-id>)')
  .option('--json', 'print one JSON object as the last stdout line');

interface CapacityFlags extends DatasetFlags {
  target?: string;
  thresholds?: string;
  mix?: Record<string, number>;
  warmup?: number;
  startRate?: number;
  maxRate?: number;
  tolerance?: number;
  trials?: number;
  refineSteps?: number;
  settle?: number;
  measure?: number;
  window?: number;
  arrivals: 'constant' | 'poisson';
  maxConnections?: number;
  maxScheduleLag?: number;
  out?: string;
  json?: boolean;
}

const flags = parseOrExit<CapacityFlags>(program, process.argv, secrets);

try {
  const isWhole = (x: number | undefined) => x === undefined || Number.isInteger(x);
  if (!isWhole(flags.settle) || !isWhole(flags.measure) || !isWhole(flags.window)) throw new ScaleproofError('SP_USAGE', '--settle, --measure and --window take whole seconds (the search judges one-second buckets)');
  if (flags.tolerance !== undefined && flags.tolerance >= 1) throw new ScaleproofError('SP_USAGE', `--tolerance must be below 1 (100%), got ${flags.tolerance}`);
  const startRps = flags.startRate ?? d.startRps;
  const maxRps = flags.maxRate ?? d.maxRps;
  if (maxRps < startRps) throw new ScaleproofError('SP_USAGE', `--max-rate (${maxRps}) is below --start-rate (${startRps})`);
  const resolved = await resolveWorkload(workloads, program.args[0]!, flags.variant);
  const { workload, variant } = resolved;
  const wd = workloadDefaults(workload, variant);
  const env = readProcessEnv(workload.env);
  const options: CapacityOptions = Object.freeze({
    workload: workload.name,
    variant: variant.name,
    users: flags.users ?? wd.users,
    seed: flags.seed ?? wd.seed,
    distribution: distributionOf(flags, wd.distribution),
    datasetParameters: datasetParametersOf(flags, workload),
    mix: flags.mix,
    warmupS: flags.warmup ?? wd.warmupS,
    warmupConnections: wd.connections,
    thresholdsFile: flags.thresholds,
    target: flags.target,
    outDir: flags.out,
    startRps,
    maxRps,
    factor: d.factor,
    tolerance: flags.tolerance ?? d.tolerance,
    trials: flags.trials ?? d.trials,
    refineSteps: flags.refineSteps ?? d.refineSteps,
    settleS: flags.settle ?? d.settleS,
    measureS: flags.measure ?? d.measureS,
    windowS: flags.window ?? d.windowS,
    arrivals: flags.arrivals,
    maxConnections: flags.maxConnections ?? d.maxConnections,
    // After a failed step, as long as a step settles: the target's backlog drains before the next rate.
    cooldownS: Math.min(d.cooldownS, flags.settle ?? d.settleS),
    degradeErrorRate: d.degradeErrorRate,
    maxScheduleLagMs: flags.maxScheduleLag,
    command: redactText(`pnpm bench:capacity ${process.argv.slice(2).join(' ')}`.trim(), secrets),
  });
  const out = terminalOutput(secrets);
  const outcome = await runCapacity(options, runContext(resolved, env, out));
  out.clear();
  const r = outcome.report;
  for (const line of capacityHeadline(r)) process.stdout.write(`${line}\n`);
  process.stdout.write(`reports: ${Object.values(outcome.files).join(', ')}\n`);
  process.stdout.write(`verdict: ${r.verdict} (exit ${outcome.exitCode})\n`);
  if (flags.json) {
    const m = r.maxSustainableRps;
    process.stdout.write(
      `${JSON.stringify({ maxSustainableRps: m?.value ?? null, low: m?.low ?? null, high: m?.high ?? null, bindingThreshold: r.bindingThreshold, users: r.users ? Math.round(r.users.value) : null, planTargetRps: r.planTargetRps, saturation: r.saturation?.resource ?? null, trials: r.trials.map((t) => t.highestPassingRps), steps: r.steps.length, verdict: r.verdict, outDir: outcome.outDir })}\n`,
    );
  }
  process.exit(outcome.exitCode);
} catch (err) {
  exitWithError(err, secrets);
}
