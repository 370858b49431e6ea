/*
 * The marketplace dataset seeder (seed 003's schema at any scale, 5M users by default), for one variant's schema
 * (the URL's search_path, harness/migrate/schemaUrl.ts).
 *
 * Same parameters + a complete manifest -> skip (one log line, no COPY). Otherwise: migrate; restore keys a dead
 * load left dropped; manifest 'loading' with the keys and indexes about to go (committed first); truncate; drop
 * them; COPY search_history alone on every stream (its rate is measured), then the other tables on the same
 * streams with FREEZE; rebuild keys and indexes in parallel; ANALYZE; refresh the materialized views when the
 * variant has them; move identity sequences past the loaded ids; verify row counts; manifest 'complete'.
 */
import os from 'node:os';
import pg from 'pg';
import { migrate } from '../../harness/migrate/migrate.ts';
import { redactUrl } from '../../harness/services/redactUrl.ts';
import { ScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import type { DatasetIdentity, SeedOutcome } from '../../harness/workload/Workload.ts';
import { marketplaceMigrations } from '../../reference-impl/marketplace/schema/schemaDirs.ts';
import { onParallelClients } from '../engine/onParallelClients.ts';
import { runLoadUnits } from '../engine/runLoadUnits.ts';
import type { LoadUnit } from '../engine/LoadUnit.ts';
import { createSeedProgress } from '../engine/seedProgress.ts';
import { timed, type Phases } from '../engine/timed.ts';
import { verifyLoadUnits } from '../engine/verifyLoadUnits.ts';
import { otherTableUnits, searchHistoryUnits } from './buildLoadUnits.ts';
import { currentDefinitions, dropDefinitions, restoreMissing, restoreStatement } from './loadDefinitions.ts';
import { markComplete, markLoading, readManifest, type MarketplaceManifest } from './manifestStore.ts';
import {
  GENERATOR_VERSION, MARKETPLACE_TABLES, marketplaceCounts, parametersJson, rowCountsOf, sameParameters, validateMarketplaceParameters,
  type MarketplaceSeedParameters,
} from './MarketplaceParameters.ts';
import { rowContext } from './MarketplaceRowContext.ts';

const SEED_LOCK_KEY = 727_002; // one seeder per database at a time, as the other workloads' seeders
export const MATERIALIZED_VIEWS = ['mv_hot_products', 'mv_category_counts'] as const;
const IDENTITY_TABLES = ['seller_orders', 'search_history', 'popular_searches'] as const;

export interface SeedMarketplaceOptions {
  /** Already scoped to the variant's schema (withSchema). */
  databaseUrl: string;
  variant: string;
  users: number;
  seed: number;
  log: (line: string) => void;
  force?: boolean | undefined;
  progress?: boolean | undefined;
  /** Parallel COPY streams (default: one per CPU). */
  streams?: number | undefined;
}

export interface MarketplaceSeedResult extends SeedOutcome {
  rowCounts: Record<string, number>;
}

export async function seedMarketplace(opts: SeedMarketplaceOptions): Promise<MarketplaceSeedResult> {
  const t0 = performance.now();
  const dirs = migrationsOf(opts.variant);
  const params = validateMarketplaceParameters({ users: opts.users, seed: opts.seed });
  const streams = opts.streams ?? os.availableParallelism();
  if (!Number.isInteger(streams) || streams < 1) throw new ScaleproofError('SP_USAGE', `streams must be a whole number >= 1, got ${streams}`);
  const phases: Phases = {};
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  client.on('error', () => undefined); // reported by the failing query
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SEED_LOCK_KEY]);
    await timed(phases, 'prepare', () => migrate(opts.databaseUrl, dirs));
    const stored = await readManifest(client);
    const reuse = stored ? reusable(stored, params, opts.force === true) : { ok: false, why: 'no dataset yet' };
    if (reuse.ok && stored) {
      opts.log(`marketplace dataset seed ${params.seed}, ${params.users.toLocaleString('en-US')} users is already loaded; skipping (--force reloads)`);
      return outcome(true, opts.variant, stored, t0, phases, streams);
    }

    const counts = marketplaceCounts(params.users);
    const planned = rowCountsOf(counts);
    opts.log(`seeding ${params.users.toLocaleString('en-US')} users, ${planned.search_history.toLocaleString('en-US')} searches, ${planned.seller_orders.toLocaleString('en-US')} orders (seed ${params.seed}) into ${redactUrl(opts.databaseUrl)}: ${reuse.why}`);
    const defs = await timed(phases, 'prepare', async () => {
      if (stored?.dropped?.length) await restoreMissing(client, stored.dropped); // a dead load's keys first
      const found = await currentDefinitions(client, MARKETPLACE_TABLES);
      await markLoading(client, params, found); // durable before anything is destroyed
      await client.query(`TRUNCATE ${MARKETPLACE_TABLES.join(', ')}`);
      await dropDefinitions(client, found);
      return found;
    });

    const ctx = rowContext(params.seed, counts);
    const progress = createSeedProgress(planned, opts.log, opts.progress === true);
    const onRows = (table: string, rows: number) => progress.onRows(table, rows);
    const units = { searches: searchHistoryUnits(ctx, streams), others: otherTableUnits(ctx) };
    const rendered: Record<string, number> = {};
    try {
      // search_history shares one table across streams: no FREEZE (its TRUNCATE would empty the sibling's rows).
      const a = await timed(phases, 'search_history', () => runLoadUnits(units.searches, { databaseUrl: opts.databaseUrl, streams, freeze: false, onRows }));
      const b = await timed(phases, 'tables', () => runLoadUnits(units.others, { databaseUrl: opts.databaseUrl, streams, freeze: true, onRows }));
      for (const s of [a, b]) for (const [t, n] of Object.entries(s.rendered)) rendered[t] = (rendered[t] ?? 0) + n;
    } finally {
      progress.stop();
    }
    const searchRowsPerSecond = planned.search_history / (phases.search_history ?? NaN);

    const rowsOf = (t: string) => planned[t as keyof typeof planned] ?? 0;
    const ordered = [...defs].sort((x, y) => rowsOf(y.table) - rowsOf(x.table));
    await timed(phases, 'indexes', () => onParallelClients(opts.databaseUrl, streams, ordered.map((d) => async (c: pg.Client) => { await c.query(restoreStatement(d)); })));
    await timed(phases, 'analyze', () => onParallelClients(opts.databaseUrl, streams, MARKETPLACE_TABLES.map((t) => async (c: pg.Client) => { await c.query(`ANALYZE ${t}`); })));
    const views = (await client.query<{ v: string }>('SELECT v FROM unnest($1::text[]) AS v WHERE to_regclass(v) IS NOT NULL', [MATERIALIZED_VIEWS])).rows.map((r) => r.v);
    if (views.length) {
      await timed(phases, 'refresh', async () => {
        for (const v of views) {
          await client.query(`REFRESH MATERIALIZED VIEW ${v}`); // nobody reads yet: the plain refresh is cheaper
          await client.query(`ANALYZE ${v}`);
        }
      });
    }
    for (const t of IDENTITY_TABLES) {
      await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), GREATEST((SELECT max(id) FROM ${t}), 1), (SELECT max(id) IS NOT NULL FROM ${t}))`, [t]);
    }
    const verified = await timed(phases, 'verify', () => verifyLoadUnits(opts.databaseUrl, streams, [wholeTable(units.searches), ...units.others], rendered));
    const rowCounts = Object.fromEntries(MARKETPLACE_TABLES.map((t) => [t, verified[t] ?? 0]));
    await markComplete(client, rowCounts);
    const manifest = (await readManifest(client))!;
    const result = { ...outcome(false, opts.variant, manifest, t0, phases, streams), largestTableRowsPerSecond: searchRowsPerSecond };
    opts.log(`seeded in ${result.wallSeconds.toFixed(1)} s: ${Object.entries(rowCounts).map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`).join(', ')}`);
    return result;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The units of one table as one, for the per-relation count (verifyLoadUnits counts each relation once). */
function wholeTable(parts: readonly LoadUnit[]): LoadUnit {
  return { ...parts[0]!, rows: parts.reduce((n, u) => n + u.rows, 0) };
}

export function migrationsOf(variant: string): readonly string[] {
  const dirs = (marketplaceMigrations as Record<string, readonly string[]>)[variant];
  if (!dirs) throw new ScaleproofError('SP_USAGE', `unknown marketplace variant ${JSON.stringify(variant)}; use ${Object.keys(marketplaceMigrations).join(' or ')}`);
  return dirs;
}

function reusable(m: MarketplaceManifest, params: MarketplaceSeedParameters, force: boolean): { ok: boolean; why: string } {
  if (force) return { ok: false, why: '--force' };
  if (m.status !== 'complete') return { ok: false, why: 'the previous load did not finish; reseeding from scratch' };
  if (m.generatorVersion !== GENERATOR_VERSION) return { ok: false, why: `the dataset was made by ${m.generatorVersion}` };
  if (m.seed !== params.seed) return { ok: false, why: `the loaded dataset has seed ${m.seed}` };
  if (!sameParameters(m.parameters, parametersJson(params))) return { ok: false, why: 'the loaded dataset has other parameters' };
  return { ok: true, why: 'same parameters' };
}

function outcome(skipped: boolean, variant: string, m: MarketplaceManifest, t0: number, phases: Phases, streams: number): MarketplaceSeedResult {
  const rowCounts = Object.fromEntries(MARKETPLACE_TABLES.filter((t) => t in m.rowCounts).map((t) => [t, m.rowCounts[t]!]));
  const identity: DatasetIdentity = {
    workload: 'marketplace', variant, generatorVersion: m.generatorVersion, seed: m.seed,
    users: Number(m.parameters.users), parameters: m.parameters, rowCounts,
  };
  return {
    skipped, identity, wallSeconds: (performance.now() - t0) / 1000, phases,
    facts: { status: m.status, startedAt: m.startedAt, completedAt: m.completedAt, streams },
    rowCounts,
  };
}
