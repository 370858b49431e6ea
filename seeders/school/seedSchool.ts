/*
 * The school dataset seeder (seed 001's schema at any scale, 1M students by default), for one variant's
 * schema (the URL's search_path, harness/migrate/schemaUrl.ts).
 *
 * Same parameters + a complete manifest -> skip (one log line, no COPY, manifest untouched). Otherwise:
 * migrate, manifest 'loading' (committed first), truncate the seeded tables, drop their foreign keys,
 * secondary indexes and primary keys, make the term's attendance partitions, COPY every table on parallel
 * streams (attendance straight into its month leaves), fill the dashboard's tables from them by SQL
 * (derivedTables.ts), rebuild keys and indexes, add the foreign keys back,
 * ANALYZE, refresh the analytics MVs when the variant has them, move the id sequences past the loaded ids,
 * verify row counts, manifest 'complete'. A load that dies anywhere leaves 'loading' behind, and the next
 * run starts over from the truncate (restoring any keys the dead load had dropped).
 */
import os from 'node:os';
import pg from 'pg';
import { migrate } from '../../harness/migrate/migrate.ts';
import { redactUrl } from '../../harness/services/redactUrl.ts';
import { ScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import type { DatasetIdentity, SeedOutcome } from '../../harness/workload/Workload.ts';
import { schoolMigrations } from '../../reference-impl/school/schema/schemaDirs.ts';
import { onParallelClients } from '../engine/onParallelClients.ts';
import { runLoadUnits } from '../engine/runLoadUnits.ts';
import { createSeedProgress } from '../engine/seedProgress.ts';
import { attendanceUnits, tableUnits } from './buildLoadUnits.ts';
import { DERIVED_TABLES, fillDerivedTables } from './derivedTables.ts';
import { currentKeys, dropIndexes, dropKeys, indexStatements, mergeKeys } from './loadConstraints.ts';
import { markComplete, markLoading, readSchoolManifest, type SchoolManifest } from './manifestStore.ts';
import { buildNamePools } from './namePools.ts';
import { timed, type Phases } from '../engine/timed.ts';
import { rebuildSchool } from './rebuildSchool.ts';
import { GENERATOR_VERSION, parametersJson, sameParameters, startOfUtcDay, validateSchoolParameters, type SchoolSeedParameters } from './SchoolParameters.ts';
import { SCHOOL_TABLES, planSchoolDataset } from './schoolPlan.ts';
import type { SchoolRowContext } from './SchoolRowContext.ts';
import { verifySchool } from './verifySchool.ts';

/** A dataset seeded without an explicit asOf is reused for this long, then reseeded so "this week" stays populated. */
export const REUSE_DAYS = 7;
const DAY_MS = 86_400_000;
const SEED_LOCK_KEY = 727_002; // "scaleproof seeding", as the analytics seeder: one seeder per database at a time
const MATERIALIZED_VIEWS = ['mv_attendance_analytics', 'mv_tasks_analytics', 'mv_academics_analytics'] as const;

export interface SeedSchoolOptions {
  /** Already scoped to the variant's schema (withSchema). */
  databaseUrl: string;
  variant: string;
  users: number;
  seed: number;
  log: (line: string) => void;
  /** The term ends on the last school day before this day (default: today 00:00 UTC). Given explicitly, it must match to skip. */
  asOf?: Date | string | undefined;
  force?: boolean | undefined;
  progress?: boolean | undefined;
  /** Parallel COPY streams (default: one per CPU). */
  streams?: number | undefined;
  /** Bytes per COPY chunk (default 256 KiB). */
  chunkBytes?: number | undefined;
}

export interface SchoolSeedResult extends SeedOutcome {
  rowCounts: Record<string, number>;
  /** COPY statements run (0 when skipped). */
  copies: number;
  streams: number;
}

export async function seedSchool(opts: SeedSchoolOptions): Promise<SchoolSeedResult> {
  const t0 = performance.now();
  const dirs = migrationsOf(opts.variant);
  const params = validateSchoolParameters({ users: opts.users, seed: opts.seed, asOf: asOfString(opts.asOf) });
  const streams = opts.streams ?? os.availableParallelism();
  if (!Number.isInteger(streams) || streams < 1) throw new ScaleproofError('SP_USAGE', `streams must be a whole number >= 1, got ${streams}`);
  const phases: Phases = {};
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  client.on('error', () => undefined); // reported by the failing query
  await client.connect();
  try {
    // A second seeder waits, then finds the dataset complete and skips.
    await client.query('SELECT pg_advisory_lock($1)', [SEED_LOCK_KEY]);
    // Through the URL, so migrate() creates the variant's schema first (on a client it migrates in place).
    await timed(phases, 'prepare', () => migrate(opts.databaseUrl, dirs));
    const stored = await readSchoolManifest(client);
    const reuse = stored ? reusable(stored, params, opts) : { ok: false, why: 'no dataset yet' };
    if (reuse.ok && stored) {
      opts.log(`school dataset seed ${params.seed}, ${params.users.toLocaleString('en-US')} students, ${(stored.rowCounts.attendance ?? 0).toLocaleString('en-US')} attendance rows (as of ${String(stored.parameters.asOf).slice(0, 10)}) is already loaded; skipping (--force reloads)`);
      return outcome({ skipped: true, variant: opts.variant, manifest: stored, t0, phases, copies: 0, streams });
    }

    const plan = planSchoolDataset(params);
    opts.log(`seeding ${params.users.toLocaleString('en-US')} students, ${plan.rowCounts.attendance.toLocaleString('en-US')} attendance rows (seed ${params.seed}, term of ${plan.calendar.days.length} school days before ${params.asOf.slice(0, 10)}) into ${redactUrl(opts.databaseUrl)}: ${reuse.why}`);
    const ctx: SchoolRowContext = { seed: params.seed, students: params.users, asOfMs: plan.calendar.asOfMs, pools: buildNamePools(params.seed), chunkBytes: opts.chunkBytes ?? 256 * 1024 };
    const keys = mergeKeys(await currentKeys(client, SCHOOL_TABLES), stored?.droppedKeys);
    await timed(phases, 'prepare', async () => {
      await client.query('SET synchronous_commit = off');
      await markLoading(client, params, keys); // durable before anything is destroyed
      await client.query(`TRUNCATE ${SCHOOL_TABLES.join(', ')}`);
      await dropKeys(client, keys);
      await dropIndexes(client, (await indexStatements(dirs)).map((s) => s.name));
      for (const m of plan.months) await client.query('SELECT ensure_attendance_partitions(0, 0, $1::date)', [m.monthStart]);
      await client.query('SELECT ensure_attendance_partitions(6, 0)'); // and now()'s months, for the API
      const missing = await client.query<{ p: string }>('SELECT p FROM unnest($1::text[]) AS p WHERE to_regclass(p) IS NULL', [plan.months.map((m) => m.partition)]);
      if (missing.rowCount) throw new ScaleproofError('SP_SEED_FAILED', `partitions ${missing.rows.map((r) => r.p).join(', ')} are missing after ensure_attendance_partitions; check reference-impl/school/schema/shared/002_attendance.sql.`);
    });

    const progress = createSeedProgress(plan.rowCounts, opts.log, opts.progress === true);
    const onRows = (table: string, rows: number) => progress.onRows(table, rows);
    const units = { attendance: attendanceUnits(plan, ctx), tables: tableUnits(plan, ctx) };
    // Attendance alone first, so its rate is measured without the other tables competing (bench:seed compares
    // it with a raw COPY of the same rows), then everything else on the same streams.
    const stats = { rendered: {} as Record<string, number>, copies: 0 };
    try {
      for (const [phase, list] of [['attendance', units.attendance], ['tables', units.tables]] as const) {
        const r = await timed(phases, phase, () => runLoadUnits(list, { databaseUrl: opts.databaseUrl, streams, freeze: true, onRows }));
        stats.copies += r.copies;
        Object.assign(stats.rendered, r.rendered);
      }
    } finally {
      progress.stop();
    }
    const attendanceRowsPerSecond = plan.rowCounts.attendance / (phases.attendance ?? NaN);

    await client.query(`SET maintenance_work_mem = '512MB'`);
    // The dashboard's tables, by SQL from the loaded rows (staff, events, fees, syllabus), before the indexes
    // are rebuilt: the joins are whole-table hash joins anyway, and their own indexes are built with the rest.
    const derived = await timed(phases, 'derived', () => fillDerivedTables(client, { seed: params.seed, asOf: params.asOf, termDays: plan.calendar.days }));
    await rebuildSchool({ databaseUrl: opts.databaseUrl, client, streams, keys, dirs, phases });
    await timed(phases, 'analyze', () => onParallelClients(opts.databaseUrl, streams, [...SCHOOL_TABLES, ...DERIVED_TABLES].map((t) => async (c: pg.Client) => { await c.query(`ANALYZE ${t}`); })));
    const views = (await client.query<{ v: string }>('SELECT v FROM unnest($1::text[]) AS v WHERE to_regclass(v) IS NOT NULL', [MATERIALIZED_VIEWS])).rows.map((r) => r.v);
    if (views.length) {
      await timed(phases, 'refresh', () => onParallelClients(opts.databaseUrl, streams, views.map((v) => async (c: pg.Client) => {
        await c.query(`SET work_mem = '256MB'`);
        await c.query(`REFRESH MATERIALIZED VIEW ${v}`);
        await c.query(`ANALYZE ${v}`);
      })));
    }
    await setSequences(client);
    const verified = await timed(phases, 'verify', () => verifySchool(opts.databaseUrl, client, streams, [...units.attendance, ...units.tables], stats.rendered));
    const rowCounts = { ...Object.fromEntries(SCHOOL_TABLES.map((t) => [t, verified.rowCounts[t] ?? 0])), ...derived };
    await markComplete(client, rowCounts);
    const manifest = (await readSchoolManifest(client))!;
    const result = { ...outcome({ skipped: false, variant: opts.variant, manifest, t0, phases, copies: stats.copies, streams }), largestTableRowsPerSecond: attendanceRowsPerSecond };
    opts.log(`seeded in ${result.wallSeconds.toFixed(1)} s: ${Object.entries(rowCounts).map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`).join(', ')}`);
    return result;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function migrationsOf(variant: string): readonly string[] {
  const dirs = (schoolMigrations as Record<string, readonly string[]>)[variant];
  if (!dirs) throw new ScaleproofError('SP_USAGE', `unknown school variant ${JSON.stringify(variant)}; use ${Object.keys(schoolMigrations).join(' or ')}`);
  return dirs;
}

/** Every seeded table with an identity id continues after the largest loaded id (new rows from the API). */
async function setSequences(client: pg.ClientBase): Promise<void> {
  const r = await client.query<{ t: string; s: string }>(
    `SELECT c.relname AS t, pg_get_serial_sequence(c.relname, 'id') AS s
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE a.attname = 'id' AND a.attidentity <> '' AND c.oid = ANY (SELECT to_regclass(t) FROM unnest($1::text[]) AS t)`,
    [SCHOOL_TABLES],
  );
  for (const { t, s } of r.rows) {
    await client.query(`SELECT CASE WHEN m IS NULL THEN setval($1, 1, false) ELSE setval($1, m, true) END FROM (SELECT max(id) AS m FROM ${t}) x`, [s]);
  }
}

function outcome(o: { skipped: boolean; variant: string; manifest: SchoolManifest; t0: number; phases: Phases; copies: number; streams: number }): SchoolSeedResult {
  const m = o.manifest;
  // Biggest table first, as SCHOOL_TABLES (jsonb returns keys in its own order).
  const rowCounts = Object.fromEntries(SCHOOL_TABLES.filter((t) => t in m.rowCounts).map((t) => [t, m.rowCounts[t]!]));
  const identity: DatasetIdentity = {
    workload: 'school', variant: o.variant, generatorVersion: m.generatorVersion, seed: m.seed,
    users: Number(m.parameters.users), parameters: m.parameters, rowCounts,
  };
  return {
    skipped: o.skipped, identity, wallSeconds: (performance.now() - o.t0) / 1000, phases: o.phases,
    facts: { status: m.status, startedAt: m.startedAt, completedAt: m.completedAt, streams: o.streams },
    rowCounts, copies: o.copies, streams: o.streams,
  };
}

function asOfString(asOf: Date | string | undefined): string {
  if (asOf === undefined) return startOfUtcDay().toISOString();
  if (typeof asOf === 'string') return asOf;
  return Number.isNaN(asOf.getTime()) ? 'an invalid Date' : asOf.toISOString();
}

function reusable(m: SchoolManifest, params: SchoolSeedParameters, opts: SeedSchoolOptions): { ok: boolean; why: string } {
  if (opts.force) return { ok: false, why: '--force' };
  if (m.status !== 'complete') return { ok: false, why: 'the previous load did not finish; reseeding from scratch' };
  if (m.generatorVersion !== GENERATOR_VERSION) return { ok: false, why: `the dataset was made by ${m.generatorVersion}` };
  if (m.seed !== params.seed) return { ok: false, why: `the loaded dataset has seed ${m.seed}` };
  const explicitAsOf = opts.asOf !== undefined;
  if (!sameParameters(m.parameters, parametersJson(params), { ignoreAsOf: !explicitAsOf })) return { ok: false, why: 'the loaded dataset has other parameters' };
  const ageDays = (new Date(params.asOf).getTime() - new Date(String(m.parameters.asOf)).getTime()) / DAY_MS;
  if (!explicitAsOf && ageDays >= REUSE_DAYS) return { ok: false, why: `the loaded dataset is ${Math.floor(ageDays)} days old (reused up to ${REUSE_DAYS})` };
  return { ok: true, why: 'same parameters' };
}
