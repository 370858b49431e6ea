/*
 * The catalog dataset seeder (seed 004's year-3 projection at 200,000 users = 200 clients, any scale), for one
 * variant's schema (the URL's search_path). Every variant gets the same generated rows (rows/catalogRows.ts):
 * optimized, phase1 and phase2 as the plan's tables, naive as kv_store entries.
 *
 * Same parameters + a complete manifest -> skip. Otherwise: migrate, manifest 'loading' (committed first),
 * drop what slows a bulk load (foreign keys, indexes, the big tables' keys), truncate, COPY on parallel
 * streams (orders first and alone: bench:seed compares its rate with a raw COPY), restore keys, re-run the
 * migrations (foreign keys, indexes), ANALYZE, verify row counts, manifest 'complete'. A load that dies
 * anywhere leaves 'loading', and the next run starts over.
 */
import os from 'node:os';
import pg from 'pg';
import { ScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import { migrate } from '../../harness/migrate/migrate.ts';
import { redactUrl } from '../../harness/services/redactUrl.ts';
import type { DatasetIdentity, SeedOutcome } from '../../harness/workload/Workload.ts';
import { catalogMigrations, type CatalogVariantName } from '../../reference-impl/catalog/schema/schemaDirs.ts';
import { clientCount } from '../../scenarios/catalog/layout.ts';
import { onParallelClients } from '../engine/onParallelClients.ts';
import { runLoadUnits } from '../engine/runLoadUnits.ts';
import { timed, type Phases } from '../engine/timed.ts';
import { kvRowCount, kvUnits } from './kvUnits.ts';
import { OPTIMIZED_TABLES, dropForLoad, missingKeys } from './loadConstraints.ts';
import { GENERATOR_VERSION, markComplete, markLoading, readCatalogManifest, type CatalogManifest } from './manifestStore.ts';
import { catalogRowCounts, type CatalogRowContext } from './rows/catalogRows.ts';
import { tableUnits } from './tableUnits.ts';

const SEED_LOCK_KEY = 727_004;
const DAY_MS = 86_400_000;
/** A dataset seeded without an explicit asOf is reused for this long (its current month stays current enough). */
export const REUSE_DAYS = 7;

export interface SeedCatalogOptions {
  databaseUrl: string;
  variant: string;
  users: number;
  seed: number;
  log: (line: string) => void;
  asOf?: string | undefined;
  force?: boolean | undefined;
  streams?: number | undefined;
}

export interface CatalogSeedResult extends SeedOutcome {
  rowCounts: Record<string, number>;
}

/** The variant's migrations; every variant but naive has the plan's tables (optimized, phase1, phase2). */
function migrationsOf(variant: string): readonly string[] {
  if (!Object.hasOwn(catalogMigrations, variant)) {
    throw new ScaleproofError('SP_USAGE', `unknown catalog variant ${JSON.stringify(variant)}; use ${Object.keys(catalogMigrations).join(', ')}`);
  }
  return catalogMigrations[variant as CatalogVariantName];
}

export function tablesOf(variant: string): readonly string[] {
  migrationsOf(variant);
  return variant === 'naive' ? ['kv_store'] : OPTIMIZED_TABLES;
}

export function expectedRowCounts(variant: string, clients: number): Record<string, number> {
  if (variant === 'naive') return { kv_store: kvRowCount(clients) };
  const { clients: n, catalogs, sites, products, orders, site_product_exclusions } = catalogRowCounts(clients);
  return { orders: orders!, products: products!, site_product_exclusions: site_product_exclusions!, sites: sites!, catalogs: catalogs!, clients: n! };
}

function startOfUtcDay(ms = Date.now()): string {
  return new Date(Math.floor(ms / DAY_MS) * DAY_MS).toISOString();
}

export async function seedCatalog(opts: SeedCatalogOptions): Promise<CatalogSeedResult> {
  const t0 = performance.now();
  const tables = tablesOf(opts.variant);
  if (!Number.isInteger(opts.users) || opts.users < 1) throw new ScaleproofError('SP_USAGE', `users must be a whole number >= 1, got ${opts.users}`);
  const asOf = opts.asOf ?? startOfUtcDay();
  const asOfMs = new Date(asOf).getTime();
  if (Number.isNaN(asOfMs)) throw new ScaleproofError('SP_USAGE', `asOf ${JSON.stringify(asOf)} is not an ISO 8601 time`);
  const clients = clientCount(opts.users);
  const parameters = { users: opts.users, clients, asOf: new Date(asOfMs).toISOString() };
  const streams = opts.streams ?? os.availableParallelism();
  const phases: Phases = {};
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SEED_LOCK_KEY]);
    await timed(phases, 'prepare', () => migrate(opts.databaseUrl, migrationsOf(opts.variant)));
    const stored = await readCatalogManifest(client);
    const why = reuseVerdict(stored, opts, parameters, asOfMs);
    if (why === 'reuse' && stored) {
      opts.log(`catalog dataset seed ${opts.seed}, ${clients} clients (as of ${String(stored.parameters.asOf).slice(0, 10)}) is already loaded; skipping (--force reloads)`);
      return outcome(true, opts.variant, stored, t0, phases);
    }
    const expected = expectedRowCounts(opts.variant, clients);
    opts.log(`seeding catalog ${opts.variant}: ${clients} clients, ${Object.entries(expected).map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`).join(', ')} (seed ${opts.seed}) into ${redactUrl(opts.databaseUrl)}: ${why}`);
    const ctx: CatalogRowContext = { seed: opts.seed, clients, asOfMs };
    await timed(phases, 'prepare', async () => {
      await client.query('SET synchronous_commit = off');
      await markLoading(client, opts.seed, parameters);
      if (opts.variant !== 'naive') await dropForLoad(client);
      await client.query(`TRUNCATE ${tables.join(', ')}`);
    });
    const load = { databaseUrl: opts.databaseUrl, streams };
    let largestRowsPerSecond: number;
    if (opts.variant !== 'naive') {
      const units = tableUnits(ctx, streams);
      const orders = units.filter((u) => u.table === 'orders');
      // Orders alone first (its rate is what bench:seed compares), on all streams; several units share the
      // table, so no FREEZE there. The other tables are one unit each and load FROZEN.
      await timed(phases, 'orders', () => runLoadUnits(orders, { ...load, freeze: false }));
      largestRowsPerSecond = expected.orders! / phases.orders!;
      await timed(phases, 'tables', () => runLoadUnits(units.filter((u) => u.table !== 'orders'), { ...load, freeze: true }));
      await timed(phases, 'keys', async () => {
        const keys = await missingKeys(client);
        await onParallelClients(opts.databaseUrl, streams, keys.map((k) => async (c) => {
          await c.query(`ALTER TABLE ${k.table} ADD CONSTRAINT ${k.name} ${k.def}`);
        }));
      });
      // Foreign keys and indexes, as the migrations define them.
      await timed(phases, 'indexes', () => migrate(opts.databaseUrl, migrationsOf(opts.variant)));
    } else {
      await timed(phases, 'kv_store', () => runLoadUnits(kvUnits(ctx, streams), { ...load, freeze: false }));
      largestRowsPerSecond = expected.kv_store! / phases.kv_store!;
    }
    await timed(phases, 'analyze', () => onParallelClients(opts.databaseUrl, streams, tables.map((t) => async (c) => {
      await c.query(`ANALYZE ${t}`);
    })));
    const rowCounts = await timed(phases, 'verify', () => verify(client, expected));
    await markComplete(client, rowCounts);
    const manifest = (await readCatalogManifest(client))!;
    const result = { ...outcome(false, opts.variant, manifest, t0, phases), largestTableRowsPerSecond: largestRowsPerSecond };
    opts.log(`seeded in ${result.wallSeconds.toFixed(1)} s: ${Object.entries(rowCounts).map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`).join(', ')}`);
    return result;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function verify(client: pg.ClientBase, expected: Record<string, number>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [table, n] of Object.entries(expected)) {
    const got = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
    if (got !== n) throw new ScaleproofError('SP_SEED_FAILED', `${table} holds ${got} rows but ${n} were generated; the load is incomplete, run the seed again.`, { table, expected: n, actual: got });
    out[table] = got;
  }
  return out;
}

function reuseVerdict(m: CatalogManifest | undefined, opts: SeedCatalogOptions, p: { users: number; asOf: string }, asOfMs: number): string {
  if (!m) return 'no dataset yet';
  if (opts.force) return '--force';
  if (m.status !== 'complete') return 'the previous load did not finish; reseeding from scratch';
  if (m.generatorVersion !== GENERATOR_VERSION) return `the dataset was made by ${m.generatorVersion}`;
  if (m.seed !== opts.seed) return `the loaded dataset has seed ${m.seed}`;
  if (Number(m.parameters.users) !== p.users) return `the loaded dataset has ${String(m.parameters.users)} users`;
  const loadedMs = new Date(String(m.parameters.asOf)).getTime();
  if (opts.asOf !== undefined) return loadedMs === asOfMs ? 'reuse' : 'the loaded dataset has another asOf';
  const ageDays = (asOfMs - loadedMs) / DAY_MS;
  return ageDays >= 0 && ageDays < REUSE_DAYS ? 'reuse' : `the loaded dataset is ${Math.floor(ageDays)} days old (reused up to ${REUSE_DAYS})`;
}

function outcome(skipped: boolean, variant: string, m: CatalogManifest, t0: number, phases: Phases): CatalogSeedResult {
  const identity: DatasetIdentity = {
    workload: 'catalog', variant, generatorVersion: m.generatorVersion, seed: m.seed, users: Number(m.parameters.users), parameters: m.parameters, rowCounts: m.rowCounts,
  };
  return { skipped, identity, wallSeconds: (performance.now() - t0) / 1000, phases, facts: { status: m.status, startedAt: m.startedAt, completedAt: m.completedAt }, rowCounts: m.rowCounts };
}
