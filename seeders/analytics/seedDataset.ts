/*
 * The deterministic dataset seeder (seed 000's schema at any scale, 1M users by default).
 *
 * Same parameters + a complete manifest -> skip (one log line, no COPY, manifest untouched). Otherwise:
 * manifest 'loading' (committed first), truncate everything, drop secondary indexes and primary keys,
 * create the month partitions, COPY events straight into their leaf partitions and then the other tables
 * on parallel streams, restore keys, rebuild indexes (migrate()), ANALYZE, refresh the rollup MV, verify
 * row counts and the empty DEFAULT partition, manifest 'complete'. A load that dies anywhere leaves
 * 'loading' behind, and the next run starts over from the truncate.
 *
 * The naive variant (seedLayout.ts) loads the same rows into its own schema: all events in one COPY into its
 * plain pin_analytics, no partitions to create, no DEFAULT partition to check, no rollup to refresh. The
 * manifest lives in each variant's schema, so loading one variant never touches or reseeds another.
 */
import os from 'node:os';
import pg from 'pg';
import { migrate } from '../../harness/migrate/migrate.ts';
import { redactUrl } from '../../harness/services/redactUrl.ts';
import type { KeyDistribution } from '../../scenarios/Scenario.ts';
import { entityUnits, eventUnits, flatEventUnits } from './buildLoadUnits.ts';
import type { DatasetManifest } from './DatasetManifest.ts';
import { planDataset, SEED_TABLES } from './datasetPlan.ts';
import { finishLoad } from './finishLoad.ts';
import { timed, type Phases } from '../engine/timed.ts';
import { createKeyPicker } from '../engine/keyPicker.ts';
import { currentPrimaryKeys, dropPrimaryKeys, dropSecondaryIndexes, mergePrimaryKeys, secondaryIndexNames } from './loadIndexes.ts';
import { markComplete, markLoading, parametersOf, readStoredManifest } from './manifestStore.ts';
import type { RowContext } from './RowContext.ts';
import { runLoadUnits } from '../engine/runLoadUnits.ts';
import { seedLayout } from './seedLayout.ts';
import { createSeedProgress } from '../engine/seedProgress.ts';
import { GENERATOR_VERSION, sameParameters, seedDefaults, startOfUtcDay, validateSeedParameters } from './SeedParameters.ts';
import { buildStringPools } from './stringPools.ts';
import { countDefaultPartition, verifyDataset } from './verifyDataset.ts';
import { ScaleproofError } from '../../harness/errors/ScaleproofError.ts';

export type { DatasetManifest } from './DatasetManifest.ts';

/** A dataset seeded without an explicit asOf is reused for this long, then reseeded so "last 30 days" stays populated. */
export const REUSE_DAYS = 7;
const DAY_MS = 86_400_000;
const SEED_LOCK_KEY = 727_002; // arbitrary, constant: "scaleproof seeding" (migrate.ts uses 727_001)

export interface SeedDatasetOptions {
  databaseUrl: string;
  /** Which variant's tables (its schema is chosen by databaseUrl's search_path); default 'optimized'. */
  variant?: string | undefined;
  users: number;
  eventsPerUser: number;
  seed: number;
  log: (line: string) => void;
  /** Per-table progress bars on stderr; only for a TTY. */
  progress?: boolean;
  /** Reload even when the manifest matches. */
  force?: boolean;
  /** Event popularity over PINs (default zipf, exponent 1.1); load scenarios sample keys the same way. */
  distribution?: KeyDistribution;
  /** End of the 12-month event history (default: today 00:00 UTC). Given explicitly, it must match to skip. */
  asOf?: Date | string;
  /** Parallel COPY streams (default: one per CPU). */
  streams?: number;
  /** Bytes per COPY chunk (default 256 KiB). */
  chunkBytes?: number;
  /** TRUNCATE + COPY FREEZE per relation (default true). */
  freeze?: boolean;
  /** How keys and indexes come back (default 'parallel'; 'migrate' builds them one by one, for comparison). */
  indexBuild?: 'parallel' | 'migrate';
  /** Called after each chunk has been handed to a COPY stream. */
  onRows?: (table: string, rows: number) => void;
}

export interface SeedResult {
  skipped: boolean;
  manifest: DatasetManifest;
  wallSeconds: number;
  rowCounts: Record<string, number>;
  /** Rows in pin_analytics_default after the load; 0 unless something is wrong; null without one (naive). */
  defaultPartitionRows: number | null;
  /** COPY statements run (0 when skipped). */
  copies: number;
  /** Wall seconds per phase: prepare, events, tables, indexes (keys included), analyze, refreshMv, verify. */
  phases: Phases;
  streams: number;
}

export async function seedDataset(opts: SeedDatasetOptions): Promise<SeedResult> {
  const t0 = performance.now();
  const params = validateSeedParameters({
    users: opts.users,
    eventsPerUser: opts.eventsPerUser,
    seed: opts.seed,
    distribution: opts.distribution ?? seedDefaults.distribution,
    asOf: asOfString(opts.asOf),
  });
  const layout = seedLayout(opts.variant);
  const streams = opts.streams ?? os.availableParallelism();
  if (!Number.isInteger(streams) || streams < 1) throw new ScaleproofError('SP_USAGE', `streams must be a whole number >= 1, got ${streams}`);
  const phases: Phases = {};
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  client.on('error', () => undefined); // reported by the failing query
  await client.connect();
  try {
    // One seeder per database at a time; a second one waits, then finds the dataset complete and skips.
    await client.query('SELECT pg_advisory_lock($1)', [SEED_LOCK_KEY]);
    // Through the URL, so migrate() creates the variant's schema (withSchema) before anything lands in it.
    await timed(phases, 'prepare', () => migrate(opts.databaseUrl, layout.schemaDirs));
    const stored = await readStoredManifest(client);
    const reuse = stored ? reusable(stored.manifest, params, opts) : { ok: false, why: 'no dataset yet' };
    if (reuse.ok && stored) {
      opts.log(`dataset seed ${params.seed}, ${params.users.toLocaleString('en-US')} users, ${stored.manifest.rowCounts.pin_analytics?.toLocaleString('en-US')} events (as of ${stored.manifest.asOf.slice(0, 10)}) is already loaded; skipping (--force reloads)`);
      return {
        skipped: true, manifest: stored.manifest, wallSeconds: (performance.now() - t0) / 1000, rowCounts: stored.manifest.rowCounts,
        defaultPartitionRows: layout.partitionedEvents ? await countDefaultPartition(client) : null, copies: 0, phases, streams,
      };
    }

    const plan = planDataset(params);
    const events = plan.rowCounts.pin_analytics;
    opts.log(`seeding ${params.users.toLocaleString('en-US')} users, ${events.toLocaleString('en-US')} events (seed ${params.seed}, ${describe(params.distribution)}, as of ${params.asOf}) into ${redactUrl(opts.databaseUrl)}: ${reuse.why}`);
    const ctx: RowContext = {
      seed: params.seed, users: params.users, asOfMs: plan.asOfMs, chunkBytes: opts.chunkBytes ?? 256 * 1024,
      pools: buildStringPools(params.seed), pick: createKeyPicker(params.users, params.distribution),
    };
    const evUnits = layout.partitionedEvents ? eventUnits(plan, ctx) : flatEventUnits(plan, ctx);
    const otherUnits = entityUnits(plan, ctx);
    const primaryKeys = mergePrimaryKeys(await currentPrimaryKeys(client), stored?.droppedPrimaryKeys);
    await timed(phases, 'prepare', async () => {
      await client.query('SET synchronous_commit = off');
      await markLoading(client, params, primaryKeys); // durable before anything is destroyed
      await client.query(`TRUNCATE ${SEED_TABLES.join(', ')}, messages`); // and the messages runs persisted
      await dropSecondaryIndexes(client, await secondaryIndexNames(layout.indexFile));
      await dropPrimaryKeys(client, primaryKeys);
      if (!layout.partitionedEvents) return; // one plain pin_analytics: nothing to create
      await client.query('SELECT ensure_pin_analytics_partitions(6, 12, $1)', [params.asOf]);
      await client.query('SELECT ensure_pin_analytics_partitions(6, 0)'); // and now()'s months, for the API
      const missing = await client.query<{ p: string }>('SELECT p FROM unnest($1::text[]) AS p WHERE to_regclass(p) IS NULL', [evUnits.map((u) => u.relation)]);
      if (missing.rowCount) throw new ScaleproofError('SP_SEED_FAILED', `partitions ${missing.rows.map((r) => r.p).join(', ')} are missing after ensure_pin_analytics_partitions; check reference-impl/analytics/schema/optimized/002_partitions.sql.`);
    });

    const progress = createSeedProgress(plan.rowCounts, opts.log, opts.progress === true);
    const onRows = (table: string, rows: number) => { progress.onRows(table, rows); opts.onRows?.(table, rows); };
    const load = { databaseUrl: opts.databaseUrl, streams, freeze: opts.freeze ?? true, onRows };
    let copies = 0;
    const rendered: Record<string, number> = {};
    try {
      // Events alone first, so their rate is measured without the other tables competing (benchSeed).
      for (const [phase, units] of [['events', evUnits], ['tables', otherUnits]] as const) {
        const stats = await timed(phases, phase, () => runLoadUnits(units, load));
        copies += stats.copies;
        Object.assign(rendered, stats.rendered);
      }
    } finally {
      progress.stop();
    }
    rendered.pin_analytics ??= 0;

    await finishLoad({ databaseUrl: opts.databaseUrl, client, streams, primaryKeys, events, phases, indexBuild: opts.indexBuild, layout });
    const verified = await timed(phases, 'verify', () => verifyDataset(opts.databaseUrl, client, streams, [...evUnits, ...otherUnits], rendered, { defaultPartition: layout.partitionedEvents }));
    const rowCounts = Object.fromEntries(SEED_TABLES.map((t) => [t, verified.rowCounts[t] ?? 0]));
    if (verified.defaultPartitionRows !== null) {
      opts.log(`default partition check: pin_analytics_default holds ${verified.defaultPartitionRows} rows${verified.defaultPartitionRows === 0 ? ' (ok)' : ' (expected 0: some events missed their month partition)'}`);
    }
    await markComplete(client, rowCounts);
    const manifest = (await readStoredManifest(client))!.manifest;
    const wallSeconds = (performance.now() - t0) / 1000;
    opts.log(`seeded in ${wallSeconds.toFixed(1)} s: ${Object.entries(rowCounts).map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`).join(', ')}`);
    return { skipped: false, manifest, wallSeconds, rowCounts, defaultPartitionRows: verified.defaultPartitionRows, copies, phases, streams };
  } finally {
    await client.end().catch(() => undefined);
  }
}

function asOfString(asOf: Date | string | undefined): string {
  if (asOf === undefined) return startOfUtcDay().toISOString();
  if (typeof asOf === 'string') return asOf;
  return Number.isNaN(asOf.getTime()) ? 'an invalid Date' : asOf.toISOString();
}

function describe(d: KeyDistribution): string {
  if (d.kind === 'zipf') return `zipf ${d.exponent}`;
  if (d.kind === 'hotspot') return `hotspot ${d.hotFraction}/${d.hotTrafficFraction}`;
  return 'uniform';
}

function reusable(m: DatasetManifest, params: ReturnType<typeof validateSeedParameters>, opts: SeedDatasetOptions): { ok: boolean; why: string } {
  if (opts.force) return { ok: false, why: '--force' };
  if (m.status !== 'complete') return { ok: false, why: 'the previous load did not finish; reseeding from scratch' };
  if (m.generatorVersion !== GENERATOR_VERSION) return { ok: false, why: `the dataset was made by ${m.generatorVersion}` };
  const explicitAsOf = opts.asOf !== undefined;
  if (!sameParameters(parametersOf(m), params, { ignoreAsOf: !explicitAsOf })) return { ok: false, why: 'the loaded dataset has other parameters' };
  const ageDays = (new Date(params.asOf).getTime() - new Date(m.asOf).getTime()) / DAY_MS;
  if (!explicitAsOf && ageDays >= REUSE_DAYS) return { ok: false, why: `the loaded dataset is ${Math.floor(ageDays)} days old (reused up to ${REUSE_DAYS})` };
  return { ok: true, why: 'same parameters' };
}
