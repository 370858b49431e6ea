/*
 * pnpm bench:k6-plan <workload> --instances N --target URL [flags]
 * Writes a folder to run the workload's k6 test on N machines or on k6-operator (harness/k6plan/writeK6Plan.ts):
 * the bundled script, the key file, the N exact `k6 run` lines, resume.sh and a k6-operator TestRun manifest.
 * The shards those runs write are merged with `pnpm bench:merge`. Exit 2 on usage or configuration errors.
 */
import path from 'node:path';
import { processSecrets } from '../harness/config/readEnv.ts';
import { writeK6Plan } from '../harness/k6plan/writeK6Plan.ts';
import { workloadDefaults } from '../harness/run/BenchOptions.ts';
import { flagBounds } from '../harness/run/flagBounds.ts';
import { durationArg, intArg, mixArg, urlArg } from '../harness/run/parseArgs.ts';
import { resolveWorkload } from '../harness/workload/WorkloadRegistry.ts';
import { buildScenario } from '../harness/workload/buildScenario.ts';
import { ScaleproofError } from '../harness/errors/ScaleproofError.ts';
import { createKeySampler } from '../seeders/engine/keySampler.ts';
import { workloads } from '../scenarios/registry.ts';
import { distributionOf, workloadProgram, type DatasetFlags } from './cli/commonFlags.ts';
import { exitWithError, parseOrExit } from './cli/exitWithError.ts';

/** Keys per plan: enough that the skew decides what is hot, small enough for a ConfigMap (1 MiB). */
const PLAN_KEYS = 20_000;

const secrets = processSecrets();
const b = flagBounds;
const program = workloadProgram('bench:k6-plan', 'Write the k6 script, key file, N k6 command lines and a k6-operator TestRun for one test split over N instances.', Object.keys(workloads))
  .requiredOption('--instances <n>', 'k6 instances (machines or k6-operator runners)', intArg('--instances', 1, 1000))
  .requiredOption('--target <url>', 'the API the instances drive', urlArg('--target'))
  .option('--duration <d>', "measured duration (default: the workload's)", durationArg('--duration', 1))
  .option('--warmup <d>', "warm-up, a scenario of its own that the merge keeps apart (default: the workload's)", durationArg('--warmup', 0))
  .option('--rate <rps>', 'open model: total arrival rate in requests/s, split over the instances (default: closed model)', intArg('--rate', b.rate.min, b.rate.max))
  .option('--connections <n>', 'VUs in total (closed model) or the VU pool (open model), split over the instances', intArg('--connections', b.connections.min, b.connections.max))
  .option('--mix <spec>', "request mix over the workload's endpoints", mixArg('--mix'))
  .option('--name <name>', 'TestRun name (default scaleproof-<workload>)')
  .option('--namespace <ns>', 'Kubernetes namespace for the manifest')
  .option('--out <dir>', 'plan folder (default reports/k6-plan-<workload>-<N>)');

interface PlanFlags extends DatasetFlags {
  instances: number;
  target: string;
  duration?: number;
  warmup?: number;
  rate?: number;
  connections?: number;
  mix?: Record<string, number>;
  name?: string;
  namespace?: string;
  out?: string;
}

const flags = parseOrExit<PlanFlags>(program, process.argv, secrets);

try {
  const { workload, variant } = await resolveWorkload(workloads, program.args[0]!, flags.variant);
  const d = workloadDefaults(workload, variant);
  const name = flags.name ?? `scaleproof-${workload.name}`;
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 50) throw new ScaleproofError('SP_USAGE', `--name must be a Kubernetes name (lowercase letters, digits, '-'; at most 50), got ${JSON.stringify(name)}`);
  const connections = flags.connections ?? d.connections;
  const scenario = buildScenario(workload, {
    users: flags.users ?? d.users,
    seed: flags.seed ?? d.seed,
    distribution: distributionOf(flags, d.distribution),
    mix: flags.mix,
    warmupS: flags.warmup ?? d.warmupS,
    durationS: flags.duration ?? d.durationS,
    load: flags.rate ? { kind: 'open', ratePerSecond: flags.rate, connections } : { kind: 'closed', connections, pipelining: 1 },
  });
  const sampler = createKeySampler(scenario.keys);
  const outDir = path.resolve(flags.out ?? path.join('reports', `k6-plan-${workload.name}-${flags.instances}`));
  const plan = await writeK6Plan({
    workload: workload.name,
    endpointsModule: workload.endpointsModule,
    instances: flags.instances,
    target: flags.target,
    keys: Array.from({ length: PLAN_KEYS }, () => sampler.next()),
    mix: Object.fromEntries(scenario.endpoints.map((e) => [e.name, e.weight])),
    load: scenario.load,
    warmupS: scenario.warmupS,
    durationS: scenario.durationS,
    outDir,
    name,
    namespace: flags.namespace,
  });
  process.stdout.write(`k6 plan for ${workload.name}: ${flags.instances} instance(s), test ${plan.testId}, segments ${plan.sequence}\n`);
  process.stdout.write(`many machines: ${plan.files['commands.sh']} (then resume.sh); k6-operator: kubectl apply -f ${plan.files['k6-operator.yaml']}\n`);
  process.stdout.write(`then: pnpm bench:merge <the instances' folders or points files> --workload ${workload.name}\n`);
} catch (err) {
  exitWithError(err, secrets);
}
