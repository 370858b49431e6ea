/*
 * The riders dataset seeder (seed 002's schema at any scale, 1M riders by default), for one variant's schema
 * (the URL's search_path).
 *
 * Same parameters + a complete manifest -> skip. Otherwise: migrate, manifest 'loading' (committed first),
 * truncate the seeded tables, drop the index files' indexes, make wallet_ledger's hash partitions
 * (walletPartitions) and the 12 months' location partitions (optimized), COPY location_logs alone (its rate is
 * the one bench:seed compares with a raw COPY), then every other table on the same streams (ledger rows
 * straight into their hash partition), rebuild the
 * indexes, ANALYZE, populate the views (optimized), move the id sequences past the loaded ids, verify row
 * counts, manifest 'complete'. A load that dies anywhere leaves 'loading', and the next run starts over.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import pg from 'pg';
import { migrate } from '../../harness/migrate/migrate.ts';
import { ScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import type { DatasetIdentity, SeedOutcome } from '../../harness/workload/Workload.ts';
import { ridersIndexFiles, ridersMigrations } from '../../reference-impl/riders/schema/schemaDirs.ts';
import { parseIndexStatements } from '../engine/indexStatements.ts';
import { onParallelClients } from '../engine/onParallelClients.ts';
import { runLoadUnits } from '../engine/runLoadUnits.ts';
import { createSeedProgress } from '../engine/seedProgress.ts';
import { timed, type Phases } from '../engine/timed.ts';
import { verifyLoadUnits } from '../engine/verifyLoadUnits.ts';
import { buildLoadUnits } from './buildLoadUnits.ts';
import { ledgerPartitionOf } from './ledgerPartitionOf.ts';
import { markComplete, markLoading, parametersJson, readRidersManifest, type RidersManifest } from './manifestStore.ts';
import { GENERATOR_VERSION, RIDERS_TABLES, monthsOf, startOfUtcDay, validateRidersParameters, type RidersSeedParameters } from './ridersPlan.ts';

const REUSE_DAYS = 7;
const DAY_MS = 86_400_000;
const SEED_LOCK_KEY = 727_002;
const VIEWS = ['rider_leaderboard', 'rider_performance_summary'] as const;

export interface SeedRidersOptions {
  databaseUrl: string;
  variant: string;
  users: number;
  seed: number;
  log: (line: string) => void;
  asOf?: string | undefined;
  /** wallet_ledger hash partitions (optimized; default 4). */
  walletPartitions?: number | undefined;
  force?: boolean | undefined;
  progress?: boolean | undefined;
  streams?: number | undefined;
}

export async function seedRiders(opts: SeedRidersOptions): Promise<SeedOutcome & { rowCounts: Record<string, number> }> {
  const t0 = performance.now();
  const dirs = (ridersMigrations as Record<string, readonly string[]>)[opts.variant];
  if (!dirs) throw new ScaleproofError('SP_USAGE', `unknown riders variant ${JSON.stringify(opts.variant)}; use ${Object.keys(ridersMigrations).join(' or ')}`);
  const partitioned = opts.variant === 'optimized';
  const params = validateRidersParameters({ users: opts.users, seed: opts.seed, asOf: opts.asOf ?? startOfUtcDay().toISOString(), walletPartitions: opts.walletPartitions });
  const streams = opts.streams ?? os.availableParallelism();
  const phases: Phases = {};
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SEED_LOCK_KEY]);
    await timed(phases, 'prepare', () => migrate(opts.databaseUrl, dirs));
    const stored = await readRidersManifest(client);
    const reuse = stored ? reusable(stored, params, opts.asOf !== undefined, opts.force === true) : { ok: false, why: 'no dataset yet' };
    if (reuse.ok && stored) {
      opts.log(`riders dataset seed ${params.seed}, ${params.users.toLocaleString('en-US')} riders (as of ${String(stored.parameters.asOf).slice(0, 10)}) is already loaded; skipping (--force reloads)`);
      return outcome(true, opts.variant, stored, t0, phases);
    }
    const asOfMs = new Date(params.asOf).getTime();
    const months = monthsOf(asOfMs);
    const ctx = { seed: params.seed, riders: params.users, asOfMs, chunkBytes: 256 * 1024 };
    opts.log(`seeding ${params.users.toLocaleString('en-US')} riders, 12 months before ${params.asOf.slice(0, 10)} (seed ${params.seed}, variant ${opts.variant}): ${reuse.why}`);
    const indexes = (await Promise.all(ridersIndexFiles[opts.variant as 'optimized' | 'naive'].map(async (f) => parseIndexStatements(await fs.readFile(f, 'utf8'), f)))).flat();
    await timed(phases, 'prepare', async () => {
      await client.query('SET synchronous_commit = off');
      await markLoading(client, params);
      await client.query(`TRUNCATE ${RIDERS_TABLES.join(', ')}`);
      for (const ix of indexes) await client.query(`DROP INDEX IF EXISTS ${ix.name}`);
      if (partitioned) {
        await client.query('SELECT ensure_wallet_ledger_partitions($1)', [params.walletPartitions]);
        for (const m of months) await client.query('SELECT create_location_logs_partition($1::date)', [new Date(m.startMs).toISOString().slice(0, 10)]);
        await client.query('SELECT create_location_logs_partition(current_date)'); // now()'s month, for the API
      }
    });

    const units = await timed(phases, 'prepare', async () => buildLoadUnits(ctx, months, partitioned, partitioned ? await ledgerPartitionOf(client, params.users) : undefined));
    opts.log(`loading ${units.rowCounts.location_logs.toLocaleString('en-US')} location rows over ${months.length} months, ${units.rowCounts.orders.toLocaleString('en-US')} orders, ${units.rowCounts.wallet_ledger.toLocaleString('en-US')} ledger entries`);
    const progress = createSeedProgress(units.rowCounts, opts.log, opts.progress === true);
    const onRows = (table: string, rows: number) => progress.onRows(table, rows);
    const rendered: Record<string, number> = {};
    try {
      const loc = await timed(phases, 'location_logs', () => runLoadUnits(units.location, { databaseUrl: opts.databaseUrl, streams, freeze: true, onRows }));
      Object.assign(rendered, loc.rendered);
      const rest = await timed(phases, 'tables', () => runLoadUnits([...units.plain, ...units.ledger], { databaseUrl: opts.databaseUrl, streams, freeze: true, onRows }));
      Object.assign(rendered, rest.rendered);
    } finally {
      progress.stop();
    }
    const locationRowsPerSecond = units.rowCounts.location_logs / (phases.location_logs ?? NaN);

    await timed(phases, 'indexes', () => onParallelClients(opts.databaseUrl, streams, indexes.map((ix) => async (c: pg.Client) => { await c.query(ix.sql); })));
    await timed(phases, 'analyze', () => onParallelClients(opts.databaseUrl, streams, RIDERS_TABLES.map((t) => async (c: pg.Client) => { await c.query(`ANALYZE ${t}`); })));
    if (partitioned) {
      // First population: a plain REFRESH (CONCURRENTLY needs a populated view and would only be slower here).
      await timed(phases, 'refresh', () => onParallelClients(opts.databaseUrl, streams, VIEWS.map((v) => async (c: pg.Client) => {
        await c.query(`SET work_mem = '256MB'`);
        await c.query(`REFRESH MATERIALIZED VIEW ${v}`);
        await c.query(`ANALYZE ${v}`);
      })));
    }
    await setSequences(client);
    const rowCounts = await timed(phases, 'verify', () => verifyLoadUnits(opts.databaseUrl, streams, [...units.location, ...units.plain, ...units.ledger], rendered));
    const ordered = Object.fromEntries(RIDERS_TABLES.map((t) => [t, rowCounts[t] ?? 0]));
    await markComplete(client, ordered);
    const result = { ...outcome(false, opts.variant, (await readRidersManifest(client))!, t0, phases), largestTableRowsPerSecond: locationRowsPerSecond };
    opts.log(`seeded in ${result.wallSeconds.toFixed(1)} s: ${Object.entries(ordered).map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`).join(', ')}`);
    return result;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** New rows from the API continue after the largest loaded id. */
async function setSequences(client: pg.ClientBase): Promise<void> {
  for (const t of ['riders', 'orders', 'duty_logs', 'ratings', 'withdrawal_requests']) {
    await client.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), COALESCE((SELECT max(id) FROM ${t}), 0) + 1, false)`);
  }
  await client.query(`SELECT setval('wallet_ledger_id_seq', COALESCE((SELECT max(id) FROM wallet_ledger), 0) + 1, false)`);
}

function outcome(skipped: boolean, variant: string, m: RidersManifest, t0: number, phases: Phases): SeedOutcome & { rowCounts: Record<string, number> } {
  const rowCounts = Object.fromEntries(RIDERS_TABLES.filter((t) => t in m.rowCounts).map((t) => [t, m.rowCounts[t]!]));
  const identity: DatasetIdentity = { workload: 'riders', variant, generatorVersion: m.generatorVersion, seed: m.seed, users: Number(m.parameters.users), parameters: m.parameters, rowCounts };
  return { skipped, identity, wallSeconds: (performance.now() - t0) / 1000, phases, facts: { status: m.status, startedAt: m.startedAt, completedAt: m.completedAt }, rowCounts };
}

function reusable(m: RidersManifest, p: RidersSeedParameters, explicitAsOf: boolean, force: boolean): { ok: boolean; why: string } {
  if (force) return { ok: false, why: '--force' };
  if (m.status !== 'complete') return { ok: false, why: 'the previous load did not finish; reseeding from scratch' };
  if (m.generatorVersion !== GENERATOR_VERSION) return { ok: false, why: `the dataset was made by ${m.generatorVersion}` };
  if (m.seed !== p.seed) return { ok: false, why: `the loaded dataset has seed ${m.seed}` };
  const strip = (x: Record<string, unknown>) => JSON.stringify(Object.entries(x).filter(([k]) => explicitAsOf || k !== 'asOf').sort(([a], [b]) => a.localeCompare(b)));
  if (strip(m.parameters) !== strip(parametersJson(p))) return { ok: false, why: 'the loaded dataset has other parameters' };
  const ageDays = (new Date(p.asOf).getTime() - new Date(String(m.parameters.asOf)).getTime()) / DAY_MS;
  if (!explicitAsOf && ageDays >= REUSE_DAYS) return { ok: false, why: `the loaded dataset is ${Math.floor(ageDays)} days old (reused up to ${REUSE_DAYS})` };
  return { ok: true, why: 'same parameters' };
}
