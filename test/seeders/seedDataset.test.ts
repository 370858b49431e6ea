/*
 * seedDataset against real Postgres, at small scales: determinism, skip on an identical manifest, reseed on
 * new parameters, and the state a load leaves behind (partitions, order, sequence, indexes, keys).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';
import { seedDataset, type SeedResult } from '../../seeders/analytics/seedDataset.ts';
import { readManifest } from '../../seeders/analytics/readManifest.ts';
import { secondaryIndexNames } from '../../seeders/analytics/loadIndexes.ts';
import { verifyDataset } from '../../seeders/analytics/verifyDataset.ts';
import type { LoadUnit } from '../../seeders/engine/LoadUnit.ts';
import { pinNumber } from '../../seeders/analytics/pinNumber.ts';
import { isScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import { migrate } from '../../harness/migrate/migrate.ts';
import { analyticsMigrations } from '../../reference-impl/analytics/schema/schemaDirs.ts';
import { datasetChecksums, indexDefinitions, withClient } from './datasetChecksums.ts';

const AS_OF = '2025-06-15T00:00:00.000Z';
const dbs: TestDatabase[] = [];
afterEach(async () => {
  while (dbs.length) await dbs.pop()!.drop();
});

async function db(name: string): Promise<TestDatabase> {
  const d = await createTestDatabase(name);
  dbs.push(d);
  return d;
}

function seed(url: string, opts: { users?: number; eventsPerUser?: number; seed?: number; force?: boolean; lines?: string[] } = {}): Promise<SeedResult> {
  return seedDataset({
    databaseUrl: url, users: opts.users ?? 400, eventsPerUser: opts.eventsPerUser ?? 5, seed: opts.seed ?? 7, asOf: AS_OF,
    force: opts.force, log: (l) => opts.lines?.push(l),
  });
}

/** relfilenode of every seeded relation: TRUNCATE or a reload gives new ones. */
function relfilenodes(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const r = await c.query<{ relname: string; relfilenode: string }>(
      `SELECT relname, relfilenode::text FROM pg_class
        WHERE relkind = 'r' AND (relname IN ('profiles', 'professional_pins', 'pin_experiences', 'pin_skills', 'matches') OR relname LIKE 'pin_analytics_%')`,
    );
    return Object.fromEntries(r.rows.map((row) => [row.relname, row.relfilenode]));
  });
}

function manifestRow(url: string): Promise<unknown> {
  return withClient(url, async (c) => (await c.query('SELECT row_to_json(m) AS m FROM scaleproof_dataset_manifest m')).rows[0]?.m);
}

function insertedRows(url: string): Promise<number> {
  return withClient(url, async (c) => {
    const r = await c.query<{ n: string }>(
      `SELECT coalesce(sum(n_tup_ins), 0)::text AS n FROM pg_stat_user_tables
        WHERE relname IN ('profiles', 'professional_pins', 'pin_experiences', 'pin_skills', 'matches') OR relname LIKE 'pin_analytics_%'`,
    );
    return Number(r.rows[0]!.n);
  });
}

describe('seedDataset', () => {
  it('fills identical tables for the same seed and different ones for another seed', async () => {
    const [a, b, c] = [await db('seed same a'), await db('seed same b'), await db('seed other c')];
    await seed(a.url, { seed: 7 });
    await seed(b.url, { seed: 7 });
    await seed(c.url, { seed: 8 });
    const [sa, sb, sc] = [await datasetChecksums(a.url), await datasetChecksums(b.url), await datasetChecksums(c.url)];
    expect(sa).toEqual(sb);
    for (const table of Object.keys(sa)) expect(sc[table], table).not.toEqual(sa[table]);
  });

  it('skips a second run with the same parameters: no COPY, no table rewritten, manifest unchanged', async () => {
    const d = await db('seed skip');
    const first = await seed(d.url);
    expect(first.skipped).toBe(false);
    expect(first.copies).toBeGreaterThan(0);
    const total = Object.values(first.rowCounts).reduce((x, y) => x + y, 0);
    // The first load's insert counters reach the statistics once its backends have exited.
    for (let i = 0; i < 200 && (await insertedRows(d.url)) < total; i++) await new Promise((r) => setTimeout(r, 50));
    const before = { files: await relfilenodes(d.url), manifest: await manifestRow(d.url), inserted: await insertedRows(d.url) };
    expect(before.inserted).toBeGreaterThanOrEqual(total);

    const lines: string[] = [];
    const second = await seed(d.url, { lines });
    expect(second.skipped).toBe(true);
    expect(second.copies).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/already loaded; skipping/);
    expect(await relfilenodes(d.url)).toEqual(before.files);
    expect(await manifestRow(d.url)).toEqual(before.manifest);
    expect(await insertedRows(d.url)).toBe(before.inserted);
    expect(second.manifest).toEqual(first.manifest);
  });

  it('reseeds from scratch when the parameters change or --force is given', async () => {
    const d = await db('seed reseed');
    await seed(d.url, { users: 300 });
    const files = await relfilenodes(d.url);
    const changed = await seed(d.url, { users: 350 });
    expect(changed.skipped).toBe(false);
    expect(changed.rowCounts.profiles).toBe(350);
    expect((await readManifest(d.url))?.users).toBe(350);
    expect(await relfilenodes(d.url)).not.toEqual(files);
    const forced = await seed(d.url, { users: 350, force: true });
    expect(forced.skipped).toBe(false);
    expect(forced.copies).toBeGreaterThan(0);
  });

  it('leaves a complete, verified dataset: counts, manifest, partitions, order, sequence, keys and indexes', async () => {
    const d = await db('seed state');
    const r = await seed(d.url, { users: 500, eventsPerUser: 6 });
    expect(r.rowCounts).toMatchObject({ profiles: 500, professional_pins: 500, pin_analytics: 3000 });
    expect(r.rowCounts.pin_experiences).toBeGreaterThanOrEqual(500);
    expect(r.rowCounts.pin_experiences).toBeLessThanOrEqual(1500);
    expect(r.rowCounts.pin_skills).toBeGreaterThanOrEqual(500);
    expect(r.rowCounts.pin_skills).toBeLessThanOrEqual(2000);
    expect(r.defaultPartitionRows).toBe(0);
    const m = await readManifest(d.url);
    expect(m).toMatchObject({ status: 'complete', seed: 7, users: 500, eventsPerUser: 6, asOf: AS_OF, rowCounts: r.rowCounts, distribution: { kind: 'zipf', exponent: 1.1 } });

    await withClient(d.url, async (c) => {
      const q = async (sql: string) => (await c.query(sql)).rows;
      // Counted by Postgres, equal to what the seeder reports.
      for (const [table, n] of Object.entries(r.rowCounts)) expect(Number((await q(`SELECT count(*) AS n FROM ${table}`))[0].n), table).toBe(n);
      // Every event sits in the leaf partition of its month, within the 12 months before asOf.
      const placed = await q(`SELECT count(*) FILTER (WHERE tableoid::regclass::text <> 'pin_analytics_y' || to_char(created_at AT TIME ZONE 'UTC', 'YYYY"m"MM')) AS wrong,
                                     min(created_at) AS lo, max(created_at) AS hi FROM pin_analytics`);
      expect(Number(placed[0].wrong)).toBe(0);
      expect(new Date(placed[0].lo).getTime()).toBeGreaterThanOrEqual(Date.parse('2024-06-15T00:00:00Z'));
      expect(new Date(placed[0].hi).getTime()).toBeLessThan(Date.parse(AS_OF));
      // Ids rise with time, and recent months are denser than old ones.
      expect(Number((await q(`SELECT count(*) AS n FROM (SELECT created_at < lag(created_at) OVER (ORDER BY id) AS back FROM pin_analytics) s WHERE back`))[0].n)).toBe(0);
      const months = await q(`SELECT count(*) FILTER (WHERE created_at >= '2025-05-01') AS recent, count(*) FILTER (WHERE created_at < '2024-08-01' AND created_at >= '2024-07-01') AS old FROM pin_analytics`);
      expect(Number(months[0].recent)).toBeGreaterThan(Number(months[0].old));
      // Zipf popularity: pin 1 is the most frequent, low ids dominate.
      const top = await q(`SELECT pin_id FROM pin_analytics GROUP BY pin_id ORDER BY count(*) DESC, pin_id LIMIT 1`);
      expect(Number(top[0].pin_id)).toBe(1);
      // pin_number is pinNumber(pin_id), on PINs and on events; emails are unique.
      const pins = await q(`SELECT id, pin_number FROM professional_pins WHERE id IN (1, 42, 500) ORDER BY id`);
      expect(pins.map((p) => p.pin_number)).toEqual([pinNumber(1), pinNumber(42), pinNumber(500)]);
      expect(Number((await q(`SELECT count(*) AS n FROM pin_analytics a LEFT JOIN professional_pins p ON p.pin_number = a.pin_number AND p.id = a.pin_id WHERE p.id IS NULL`))[0].n)).toBe(0);
      expect(Number((await q(`SELECT count(DISTINCT email) AS n FROM profiles`))[0].n)).toBe(500);
      // The id sequence continues after the loaded ids.
      expect(Number((await q(`SELECT nextval('pin_analytics_id_seq') AS v`))[0].v)).toBe(3001);
      // Primary keys are back and every index of 003_indexes.sql was rebuilt.
      const pkeys = await q(`SELECT conrelid::regclass::text AS t FROM pg_constraint WHERE contype = 'p' AND conrelid::regclass::text IN ('profiles', 'professional_pins', 'pin_experiences', 'pin_skills', 'pin_analytics') ORDER BY 1`);
      expect(pkeys.map((p) => p.t)).toEqual(['pin_analytics', 'pin_experiences', 'pin_skills', 'professional_pins', 'profiles']);
      const indexes = (await q(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`)).map((i) => i.indexname);
      expect(indexes).toEqual(expect.arrayContaining(await secondaryIndexNames()));
      // Fresh statistics for the planner.
      const analyzed = await q(`SELECT relname FROM pg_stat_user_tables WHERE relname IN ('profiles', 'pin_skills') AND last_analyze IS NOT NULL`);
      expect(analyzed).toHaveLength(2);
    });
    // A fresh load leaves the same index set as migrate() on an empty schema, partitions included.
    const defs = await indexDefinitions(d.url);
    expect(defs.filter((x) => x.startsWith('pin_analytics_y2025m06_'))).toHaveLength(5); // key + 4 secondary (pin_id, event_type, created_at, pin_number)
  });

  it('leaves exactly the keys and indexes that migrate() gives an empty schema with the same partitions', async () => {
    const seeded = await db('seed indexes seeded');
    const empty = await db('seed indexes empty');
    await seed(seeded.url);
    await migrate(empty.url, analyticsMigrations.optimized);
    await withClient(empty.url, async (c) => {
      await c.query(`SELECT ensure_pin_analytics_partitions(6, 12, $1)`, [AS_OF]);
      await c.query(`SELECT ensure_pin_analytics_partitions(6, 0)`);
    });
    // Names, definitions, and which parent index or key each one is attached to.
    const shape = (url: string) => withClient(url, async (c) => {
      const idx = await c.query<{ d: string }>(
        `SELECT ci.relname || ' ' || pg_get_indexdef(ci.oid) || ' <- ' || coalesce(pi.relname, '-') AS d
           FROM pg_index x JOIN pg_class ci ON ci.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
           LEFT JOIN pg_inherits h ON h.inhrelid = ci.oid LEFT JOIN pg_class pi ON pi.oid = h.inhparent
          WHERE t.relnamespace = 'public'::regnamespace AND t.relname <> 'scaleproof_dataset_manifest' ORDER BY 1`,
      );
      const keys = await c.query<{ d: string }>(
        `SELECT k.conrelid::regclass::text || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid) || ' <- ' || coalesce(p.conname, '-') AS d
           FROM pg_constraint k LEFT JOIN pg_constraint p ON p.oid = k.conparentid
          WHERE k.connamespace = 'public'::regnamespace AND k.conrelid::regclass::text <> 'scaleproof_dataset_manifest' ORDER BY 1`,
      );
      return { indexes: idx.rows.map((r) => r.d), keys: keys.rows.map((r) => r.d) };
    });
    const got = await shape(seeded.url);
    expect(got).toEqual(await shape(empty.url));
    expect(got.keys.filter((k) => k.startsWith('pin_analytics_y') && k.endsWith('<- pin_analytics_pkey')).length).toBeGreaterThanOrEqual(13);
  });

  it('fails the verification with SP_SEED_FAILED naming the relation when a table holds other than the generated rows', async () => {
    const d = await db('seed verify mismatch');
    const r = await seed(d.url, { users: 200, eventsPerUser: 2 });
    const unit = (rows: number): LoadUnit => ({ table: 'profiles', relation: 'profiles', columns: [], rows, weight: rows, render: function* () { /* not rendered */ } });
    await withClient(d.url, async (c) => {
      await expect(verifyDataset(d.url, c, 2, [unit(200)], { profiles: 200 })).resolves.toMatchObject({ rowCounts: { profiles: 200 }, defaultPartitionRows: 0 });
      await c.query('DELETE FROM profiles WHERE id = 7');
      const err = await verifyDataset(d.url, c, 2, [unit(200)], { profiles: 200 }).catch((e: unknown) => e);
      expect(isScaleproofError(err, 'SP_SEED_FAILED')).toBe(true);
      expect((err as Error).message).toMatch(/profiles holds 199 rows but 200 were generated/);
    });
    expect(r.rowCounts.profiles).toBe(200);
  });

  it('rejects bad parameters with a usage error before touching the database', async () => {
    const d = await db('seed bad params');
    for (const bad of [{ users: -5 }, { users: 1.5 }, { eventsPerUser: -1 }, { seed: -1 }]) {
      const err = await seedDataset({ databaseUrl: d.url, users: 10, eventsPerUser: 1, seed: 1, log: () => undefined, ...bad }).catch((e: unknown) => e);
      expect(isScaleproofError(err, 'SP_USAGE'), JSON.stringify(bad)).toBe(true);
    }
    const tables = await withClient(d.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n);
    expect(tables).toBe(0);
  });
});
