/*
 * pnpm api <workload> [--variant optimized|naive]: one workload variant's reference API alone
 * (reference-impl/platform/serve.ts), in the variant's own Postgres schema. Configuration from the
 * environment: DATABASE_URL, REDIS_URL, PORT (0 = any free port), HOST, SCALEPROOF_* (README, Configuration).
 */
import { Command } from 'commander';
import { processSecrets, readProcessEnv } from '../harness/config/readEnv.ts';
import { ScaleproofError } from '../harness/errors/ScaleproofError.ts';
import { schemaName, withSchema } from '../harness/migrate/schemaUrl.ts';
import { resolveWorkload } from '../harness/workload/WorkloadRegistry.ts';
import { serve } from '../reference-impl/platform/serve.ts';
import { workloads } from '../scenarios/registry.ts';
import { exitWithError, parseOrExit, quietCommander } from './cli/exitWithError.ts';

const secrets = processSecrets();
const program = quietCommander(
  new Command('api')
    .description('Run one workload variant\'s reference API (prints "scaleproof api listening on URL" when ready).')
    .argument('<workload>', `workload: ${Object.keys(workloads).join(', ')}`)
    .option('--variant <name>', 'variant (default: the workload\'s own, optimized)'),
);
const opts = parseOrExit<{ variant?: string }>(program, process.argv, secrets);

try {
  const { workload, variant } = await resolveWorkload(workloads, program.args[0]!, opts.variant);
  const env = readProcessEnv(workload.env);
  if (!env.databaseUrl) {
    throw new ScaleproofError('SP_CONFIG', 'DATABASE_URL is not set; point it at Postgres (e.g. postgres://postgres@127.0.0.1:5432/postgres).');
  }
  await serve({
    config: {
      ...env.api,
      // Through a transaction-mode pooler the alias selects the schema (pgBouncer refuses the startup option).
      databaseUrl: env.api.pgPooled ? env.databaseUrl : withSchema(env.databaseUrl, schemaName(workload.name, variant.name)),
      databaseReplicaUrl: env.databaseReplicaUrl ? withSchema(env.databaseReplicaUrl, schemaName(workload.name, variant.name)) : undefined,
      redisUrl: env.redisUrl,
    },
    plugin: await variant.plugin(),
    variant: variant.name,
    migrations: variant.migrations,
    settings: env.workload,
  });
} catch (err) {
  exitWithError(err, secrets);
}
