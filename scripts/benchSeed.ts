/*
 * pnpm bench:seed [--users N] [--json] — seeds at the given scale (a forced fresh load) into DATABASE_URL,
 * or embedded Postgres when unset, then measures in the same run this machine's raw COPY limit for the
 * events table (seeders/measureRawCopy.ts) and prints both, with the seeder's peak RSS taken before the
 * raw phase. With --json the last stdout line is one JSON object. Figures only; the exit code is 0 unless
 * something failed (2 usage/configuration, 1 other).
 */
import os from 'node:os';
import { Command } from 'commander';
import pg from 'pg';
import { readEnv } from '../harness/config/readEnv.ts';
import { migrate } from '../harness/migrate/migrate.ts';
import { intArg } from '../harness/run/parseArgs.ts';
import { redactText, redactUrl } from '../harness/services/redactUrl.ts';
import { startPostgres, type PostgresHandle } from '../harness/services/startPostgres.ts';
import { measureRawCopy } from '../seeders/engine/measureRawCopy.ts';
import { seedDataset } from '../seeders/analytics/seedDataset.ts';
import { MAX_USERS, seedDefaults, startOfUtcDay, validateSeedParameters } from '../seeders/analytics/SeedParameters.ts';
import { exitWithError, parseOrExit } from './cli/exitWithError.ts';

const secrets = [process.env.DATABASE_URL];
const TARGETS = { wallSecondsAt1M: 90, ratio: 0.5, peakRssBytes: 512 * 1024 * 1024 };


const program = new Command('bench:seed')
  .description('Seed at a given scale and compare the events load rate with this machine\'s raw COPY rate, measured in the same run.')
  .option('--users <n>', 'users to seed', intArg('--users', 1, MAX_USERS), seedDefaults.users)
  .option('--events-per-user <n>', 'events per user', intArg('--events-per-user', 1, 10_000), seedDefaults.eventsPerUser)
  .option('--seed <n>', 'generator seed', intArg('--seed', 0, 4_294_967_295), seedDefaults.seed)
  .option('--streams <n>', 'parallel COPY streams for both phases (default: one per CPU)', intArg('--streams', 1, 64))
  .option('--json', 'print the result as one JSON object on the last stdout line')
  .exitOverride()
  .configureOutput({ writeErr: () => undefined, outputError: () => undefined });

const opts = parseOrExit<ReturnType<typeof program.opts>>(program, process.argv, secrets);

const round = (n: number, digits = 0) => Number(n.toFixed(digits));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function checkpoint(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('CHECKPOINT').catch(() => undefined); // best effort: needs superuser or pg_checkpoint
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const params = validateSeedParameters({ users: opts.users, eventsPerUser: opts.eventsPerUser, seed: opts.seed, distribution: seedDefaults.distribution, asOf: startOfUtcDay().toISOString() });
  const env = readEnv(process.env, process.cwd());
  const log = (line: string) => process.stdout.write(`${redactText(line, secrets)}\n`);
  const streams = opts.streams ?? os.availableParallelism();
  const loadBefore = os.loadavg();
  let pgh: PostgresHandle | undefined;
  try {
    pgh = await startPostgres({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, log });
    await migrate(pgh.url);
    await checkpoint(pgh.url);
    const seeded = await seedDataset({ databaseUrl: pgh.url, ...params, force: true, progress: false, streams, log });
    // maxRSS is the process-wide peak so far (main thread and any worker threads): the seeder's, since
    // nothing before it held much memory. Taken now, before the raw phase pre-renders rows into memory.
    const peakRssBytes = process.resourceUsage().maxRSS * 1024;
    const raw = await measureRawCopy({ databaseUrl: pgh.url, params, streams, freeze: true, log });
    const events = seeded.rowCounts.pin_analytics ?? 0;
    const eventsRowsPerSecond = events / (seeded.phases.events ?? NaN);
    const result = {
      users: params.users,
      events,
      rowCounts: seeded.rowCounts,
      wallSeconds: round(seeded.wallSeconds, 2),
      eventsRowsPerSecond: round(eventsRowsPerSecond),
      rawCopyRowsPerSecond: round(raw.copyRowsPerSecond),
      ratio: round(eventsRowsPerSecond / raw.copyRowsPerSecond, 3),
      rawWithIndexesRowsPerSecond: round(raw.withIndexesRowsPerSecond),
      peakRssBytes,
      phases: Object.fromEntries(Object.entries(seeded.phases).map(([k, v]) => [k, round(v, 2)])),
      raw: { copySeconds: round(raw.copySeconds, 2), indexSeconds: round(raw.indexSeconds, 2), prerenderSeconds: round(raw.prerenderSeconds, 2), bytes: raw.bytes },
      streams,
      defaultPartitionRows: seeded.defaultPartitionRows,
      machine: { cpus: os.availableParallelism(), memoryBytes: os.totalmem(), node: process.version, postgres: pgh.serverVersion, postgresKind: pgh.kind, loadAvgBefore: loadBefore.map((l) => round(l, 2)), loadAvgAfter: os.loadavg().map((l) => round(l, 2)) },
      database: redactUrl(pgh.url),
    };
    const rows: Array<[string, string, string]> = [
      ['users / events', `${fmt(result.users)} / ${fmt(events)}`, ''],
      ['seed wall time (end to end)', `${result.wallSeconds} s`, params.users === 1_000_000 ? verdict(result.wallSeconds <= TARGETS.wallSecondsAt1M, `<= ${TARGETS.wallSecondsAt1M} s at 1M users`) : 'target applies at 1M users'],
      ['  phases (s)', Object.entries(result.phases).map(([k, v]) => `${k} ${v}`).join(', '), ''],
      ['seeder events COPY', `${fmt(result.eventsRowsPerSecond)} rows/s`, ''],
      ['raw COPY, no index', `${fmt(result.rawCopyRowsPerSecond)} rows/s`, `(${result.raw.copySeconds} s)`],
      ['raw COPY, indexes built after', `${fmt(result.rawWithIndexesRowsPerSecond)} rows/s`, `(+${result.raw.indexSeconds} s of index builds)`],
      ['ratio seeder / raw', String(result.ratio), verdict(result.ratio >= TARGETS.ratio, `>= ${TARGETS.ratio}`)],
      ['seeder peak RSS', `${(peakRssBytes / 1048576).toFixed(0)} MB`, verdict(peakRssBytes < TARGETS.peakRssBytes, '< 512 MB')],
      ['default partition rows', String(result.defaultPartitionRows), verdict(result.defaultPartitionRows === 0, '0')],
      ['machine', `${result.machine.cpus} CPUs, Node ${process.version}, Postgres ${pgh.serverVersion} (${pgh.kind}), ${streams} streams`, `load avg ${loadBefore[0]!.toFixed(2)} -> ${os.loadavg()[0]!.toFixed(2)}`],
    ];
    const w = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    process.stdout.write('\n' + rows.map((r) => `${r[0].padEnd(w[0]!)}  ${r[1].padEnd(w[1]!)}  ${r[2]}`.trimEnd()).join('\n') + '\n');
    if (opts.json) process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    await pgh?.stop();
  }
}

function verdict(ok: boolean, target: string): string {
  return `${ok ? 'ok' : 'MISSED'} (target ${target})`;
}

main().catch((err: unknown) => exitWithError(err, secrets));
