/*
 * pnpm seed — loads the deterministic dataset (seeders/seedDataset.ts) into DATABASE_URL, or into embedded
 * Postgres under SCALEPROOF_DATA_DIR when it is unset (started here and stopped at the end).
 * Every flag is validated before a database is touched; bad input prints one line and exits 2.
 * Exit codes: 0 seeded or skipped; 2 usage or configuration error; 1 any other failure.
 */
import { Command, Option } from 'commander';
import { readEnv } from '../harness/config/readEnv.ts';
import { ScaleproofError } from '../harness/errors/ScaleproofError.ts';
import { migrate } from '../harness/migrate/migrate.ts';
import { choiceArg, intArg } from '../harness/run/parseArgs.ts';
import { redactText } from '../harness/services/redactUrl.ts';
import { startPostgres, type PostgresHandle } from '../harness/services/startPostgres.ts';
import type { KeyDistribution } from '../scenarios/Scenario.ts';
import { seedDataset } from '../seeders/analytics/seedDataset.ts';
import { MAX_EVENTS_PER_USER, MAX_SEED, MAX_USERS, seedDefaults, startOfUtcDay, validateSeedParameters } from '../seeders/analytics/SeedParameters.ts';
import { exitWithError, parseOrExit } from './cli/exitWithError.ts';

const secrets = [process.env.DATABASE_URL];


function numberArg(flag: string, min: number, max: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new ScaleproofError('SP_USAGE', `${flag} must be a number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    return n;
  };
}

function dateArg(flag: string) {
  return (raw: string): string => {
    const d = new Date(raw);
    if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(d.getTime())) throw new ScaleproofError('SP_USAGE', `${flag} must be an ISO date such as 2025-01-31, got ${JSON.stringify(raw)}`);
    if (d.getTime() > Date.now() + 86_400_000) throw new ScaleproofError('SP_USAGE', `${flag} ${raw} is in the future; use today or an earlier date`);
    return d.toISOString();
  };
}

const program = new Command('seed')
  .description('Load the deterministic million-user dataset (profiles, PINs, experiences, skills, 12 months of analytics events).')
  .option('--users <n>', 'users (= profiles = PINs)', intArg('--users', 1, MAX_USERS), seedDefaults.users)
  .option('--events-per-user <n>', 'analytics events per user, spread over the last 12 months', intArg('--events-per-user', 0, MAX_EVENTS_PER_USER), seedDefaults.eventsPerUser)
  .option('--seed <n>', 'generator seed: same seed and scale, same tables', intArg('--seed', 0, MAX_SEED), seedDefaults.seed)
  .option('--distribution <kind>', 'PIN popularity of events: zipf, uniform or hotspot', choiceArg('--distribution', ['zipf', 'uniform', 'hotspot'] as const), 'zipf')
  .option('--zipf-exponent <s>', 'Zipf exponent (with --distribution zipf)', numberArg('--zipf-exponent', 0.01, 10), 1.1)
  .option('--hot-fraction <f>', 'hotspot: fraction of PINs that are hot', numberArg('--hot-fraction', 0.000001, 1), 0.01)
  .option('--hot-traffic <f>', 'hotspot: fraction of events that hit the hot PINs', numberArg('--hot-traffic', 0, 1), 0.8)
  .option('--as-of <date>', 'end of the event history, ISO date (default: today 00:00 UTC; reproduces an older dataset)', dateArg('--as-of'))
  .option('--streams <n>', 'parallel COPY streams (default: one per CPU)', intArg('--streams', 1, 64))
  .option('--force', 'reload even when the loaded dataset already matches')
  .addOption(new Option('--no-progress', 'no progress bars (they are drawn only on a terminal anyway)'))
  .exitOverride()
  .configureOutput({ writeErr: () => undefined, outputError: () => undefined });

const opts = parseOrExit<ReturnType<typeof program.opts>>(program, process.argv, secrets);

async function main(): Promise<void> {
  const distribution: KeyDistribution = opts.distribution === 'uniform' ? { kind: 'uniform' }
    : opts.distribution === 'hotspot' ? { kind: 'hotspot', hotFraction: opts.hotFraction, hotTrafficFraction: opts.hotTraffic }
    : { kind: 'zipf', exponent: opts.zipfExponent };
  // Everything is checked here, before Postgres is started or reached.
  const params = validateSeedParameters({
    users: opts.users, eventsPerUser: opts.eventsPerUser, seed: opts.seed, distribution,
    asOf: opts.asOf ?? startOfUtcDay().toISOString(),
  });
  const env = readEnv(process.env, process.cwd());
  const log = (line: string) => process.stdout.write(`${redactText(line, secrets)}\n`);

  let pg: PostgresHandle | undefined;
  const stop = async () => { await pg?.stop(); };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => { void stop().finally(() => process.exit(130)); });
  }
  try {
    pg = await startPostgres({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, log });
    await migrate(pg.url);
    await seedDataset({
      databaseUrl: pg.url, users: params.users, eventsPerUser: params.eventsPerUser, seed: params.seed, distribution: params.distribution,
      asOf: opts.asOf === undefined ? undefined : params.asOf, streams: opts.streams, force: opts.force === true,
      progress: opts.progress !== false && process.stderr.isTTY === true, log,
    });
  } finally {
    await stop();
  }
}

main().catch((err: unknown) => exitWithError(err, secrets));
