/*
 * pnpm seed <workload> [--variant v] — loads the workload's deterministic dataset into its variant's schema in
 * DATABASE_URL, or into embedded Postgres under SCALEPROOF_DATA_DIR when it is unset (started here, stopped at
 * the end). Every flag is validated before a database is touched; bad input prints one line and exits 2.
 * Exit codes: 0 seeded or skipped; 2 usage or configuration error; 1 any other failure.
 */
import { Option } from 'commander';
import { processSecrets, readProcessEnv } from '../harness/config/readEnv.ts';
import { ScaleproofError } from '../harness/errors/ScaleproofError.ts';
import { migrate } from '../harness/migrate/migrate.ts';
import { schemaName, withSchema } from '../harness/migrate/schemaUrl.ts';
import { workloadDefaults } from '../harness/run/BenchOptions.ts';
import { intArg } from '../harness/run/parseArgs.ts';
import { redactText } from '../harness/services/redactUrl.ts';
import { startPostgres, type PostgresHandle } from '../harness/services/startPostgres.ts';
import { resolveWorkload } from '../harness/workload/WorkloadRegistry.ts';
import { workloads } from '../scenarios/registry.ts';
import { datasetParametersOf, distributionOf, workloadProgram, type DatasetFlags } from './cli/commonFlags.ts';
import { exitWithError, parseOrExit } from './cli/exitWithError.ts';

const secrets = processSecrets();

function dateArg(flag: string) {
  return (raw: string): string => {
    const d = new Date(raw);
    if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(d.getTime())) throw new ScaleproofError('SP_USAGE', `${flag} must be an ISO date such as 2025-01-31, got ${JSON.stringify(raw)}`);
    if (d.getTime() > Date.now() + 86_400_000) throw new ScaleproofError('SP_USAGE', `${flag} ${raw} is in the future; use today or an earlier date`);
    return d.toISOString();
  };
}

const program = workloadProgram('seed', "Load a workload's deterministic dataset into its variant's own schema (skipped when already loaded).", Object.keys(workloads))
  .option('--as-of <date>', 'end of the dataset\'s time span, ISO date (default: today 00:00 UTC; reproduces an older dataset)', dateArg('--as-of'))
  .option('--streams <n>', 'parallel COPY streams (default: one per CPU)', intArg('--streams', 1, 64))
  .option('--force', 'reload even when the loaded dataset already matches')
  .addOption(new Option('--no-progress', 'no progress bars (they are drawn only on a terminal anyway)'));

interface SeedFlags extends DatasetFlags {
  asOf?: string;
  streams?: number;
  force?: boolean;
  progress: boolean;
}

const flags = parseOrExit<SeedFlags>(program, process.argv, secrets);

async function main(): Promise<void> {
  const { workload, variant } = await resolveWorkload(workloads, program.args[0]!, flags.variant);
  const d = workloadDefaults(workload, variant);
  const parameters = datasetParametersOf(flags, workload);
  const env = readProcessEnv(workload.env);
  const log = (line: string) => process.stdout.write(`${redactText(line, secrets)}\n`);

  let pg: PostgresHandle | undefined;
  const stop = async () => { await pg?.stop(); };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => { void stop().finally(() => process.exit(130)); });
  }
  try {
    pg = await startPostgres({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, log });
    const databaseUrl = withSchema(pg.url, schemaName(workload.name, variant.name));
    await migrate(databaseUrl, variant.migrations);
    await workload.dataset.seed({
      databaseUrl, variant: variant.name, users: flags.users ?? d.users, seed: flags.seed ?? d.seed, distribution: distributionOf(flags, d.distribution),
      parameters, asOf: flags.asOf, streams: flags.streams, force: flags.force === true,
      progress: flags.progress !== false && process.stderr.isTTY === true, log,
    });
  } finally {
    await stop();
  }
}

main().catch((err: unknown) => exitWithError(err, secrets));
