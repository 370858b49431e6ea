/*
 * seedDataset for the analytics workload's naive variant: the very rows of the optimized variant, loaded into
 * the naive schema's one plain pin_analytics (no partitions, no rollup), keys and naive/003's indexes rebuilt;
 * and each variant's manifest in its own schema, so seeding one never reseeds or touches the other.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import { withSchema } from '../../harness/migrate/schemaUrl.ts';
import { naiveSchemaDir } from '../../reference-impl/analytics/schema/schemaDirs.ts';
import { secondaryIndexNames, SECONDARY_INDEX_FILE } from '../../seeders/analytics/loadIndexes.ts';
import { indexStatements } from '../../seeders/analytics/rebuildIndexes.ts';
import { seedDataset, type SeedResult } from '../../seeders/analytics/seedDataset.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';
import { withClient } from './datasetChecksums.ts';

const AS_OF = '2025-06-15T00:00:00.000Z';
const TABLE_ORDER: Record<string, string> = {
  profiles: 'id', professional_pins: 'id', pin_experiences: 'id', pin_skills: 'pin_id, skill_name', pin_analytics: 'id',
};

const dbs: TestDatabase[] = [];
afterEach(async () => {
  while (dbs.length) await dbs.pop()!.drop();
});

async function schemas(name: string): Promise<{ optimized: string; naive: string }> {
  const d = await createTestDatabase(name);
  dbs.push(d);
  return { optimized: withSchema(d.url, 'analytics_optimized'), naive: withSchema(d.url, 'analytics_naive') };
}

function seed(url: string, variant: string, opts: { users?: number; lines?: string[] } = {}): Promise<SeedResult> {
  return seedDataset({ databaseUrl: url, variant, users: opts.users ?? 300, eventsPerUser: 5, seed: 7, asOf: AS_OF, streams: 2, log: (l) => opts.lines?.push(l) });
}

/** md5 per table over its rows in key order, partition left out: equal sums mean equal rows. */
function rowSums(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const out: Record<string, string> = {};
    for (const [table, order] of Object.entries(TABLE_ORDER)) {
      out[table] = (await c.query<{ s: string }>(`SELECT md5(string_agg(t::text, E'\\n' ORDER BY ${order})) AS s FROM ${table} t`)).rows[0]!.s;
    }
    return out;
  });
}

function manifestRow(url: string): Promise<unknown> {
  return withClient(url, async (c) => (await c.query('SELECT row_to_json(m) AS m FROM scaleproof_dataset_manifest m')).rows[0]?.m);
}

describe('seedDataset, naive variant', () => {
  it('loads the same rows as the optimized variant into one plain pin_analytics with only its key, no partition and no rollup', async () => {
    const urls = await schemas('naive seed same rows');
    const opt = await seed(urls.optimized, 'optimized');
    const lines: string[] = [];
    const nai = await seed(urls.naive, 'naive', { lines });
    expect(nai.skipped).toBe(false);
    expect(nai.rowCounts).toEqual(opt.rowCounts);
    expect(nai.rowCounts.pin_analytics).toBe(1500);
    expect(await rowSums(urls.naive)).toEqual(await rowSums(urls.optimized));
    expect(nai.defaultPartitionRows).toBeNull();
    expect(opt.defaultPartitionRows).toBe(0);
    expect(nai.phases.refreshMv).toBeUndefined();
    expect(lines.join('\n')).not.toMatch(/default partition/);

    await withClient(urls.naive, async (c) => {
      const rel = await c.query(`SELECT relkind FROM pg_class WHERE oid = 'pin_analytics'::regclass`);
      expect(rel.rows[0]).toEqual({ relkind: 'r' });
      const inNaive = async (sql: string) => (await c.query<{ n: string }>(sql)).rows.map((r) => r.n).sort();
      // No partitioned table, no partition, no materialized view.
      expect(await inNaive(`SELECT relname AS n FROM pg_class WHERE relnamespace = 'analytics_naive'::regnamespace AND (relkind IN ('p', 'm') OR relispartition)`)).toEqual([]);
      expect(await inNaive(`SELECT proname AS n FROM pg_proc WHERE pronamespace = 'analytics_naive'::regnamespace`)).toEqual([]);
      expect(await inNaive(`SELECT indexname AS n FROM pg_indexes WHERE schemaname = 'analytics_naive' AND tablename = 'pin_analytics'`)).toEqual(['pin_analytics_pkey']);
      // messages is not seeded: its index lives with its table (naive/005_messages.sql), not in 003_indexes.sql.
      const indexes = await inNaive(`SELECT indexname AS n FROM pg_indexes WHERE schemaname = 'analytics_naive' AND indexname NOT LIKE '%\\_pkey' AND tablename <> 'messages'`);
      expect(indexes).toEqual((await secondaryIndexNames(path.join(naiveSchemaDir, SECONDARY_INDEX_FILE))).sort());
      const pk = await c.query(`SELECT pg_get_constraintdef(oid) AS d FROM pg_constraint WHERE conrelid = 'pin_analytics'::regclass AND contype = 'p'`);
      expect(pk.rows[0]).toEqual({ d: 'PRIMARY KEY (id)' });
      // New events get ids after the seeded ones.
      const next = await c.query(`INSERT INTO pin_analytics (pin_id, pin_number, event_type) VALUES (1, 'P0000001', 'view') RETURNING id::int AS id`);
      expect(next.rows[0]).toEqual({ id: 1501 });
    });
  });

  it('keeps a manifest per schema: a naive reseed neither reseeds nor touches the optimized dataset, and a second naive run skips', async () => {
    const urls = await schemas('naive seed manifests');
    await seed(urls.optimized, 'optimized');
    const optimizedManifest = await manifestRow(urls.optimized);
    expect((await seed(urls.naive, 'naive')).skipped).toBe(false);
    const again = await seed(urls.naive, 'naive');
    expect(again.skipped).toBe(true);
    expect(again.copies).toBe(0);
    expect(again.defaultPartitionRows).toBeNull();
    const other = await seed(urls.naive, 'naive', { users: 200 });
    expect(other.skipped).toBe(false);
    expect(other.rowCounts.profiles).toBe(200);
    expect(await manifestRow(urls.optimized)).toEqual(optimizedManifest);
    expect((await seed(urls.optimized, 'optimized')).skipped).toBe(true);
  });

  it('rejects an unknown variant with SP_USAGE before touching the database', async () => {
    const err = await seedDataset({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', variant: 'turbo', users: 10, eventsPerUser: 1, seed: 1, log: () => undefined }).catch((e: unknown) => e);
    expect(isScaleproofError(err, 'SP_USAGE')).toBe(true);
    expect((err as Error).message).toMatch(/no variant "turbo".*optimized, naive/);
  });

  it('reads an empty or missing index file as no secondary index', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scaleproof-index-'));
    try {
      const empty = path.join(dir, SECONDARY_INDEX_FILE);
      await fs.writeFile(empty, '-- no secondary index in this variant\n');
      expect(await secondaryIndexNames(empty)).toEqual([]);
      expect(await indexStatements(empty)).toEqual([]);
      const missing = path.join(dir, 'absent.sql');
      expect(await secondaryIndexNames(missing)).toEqual([]);
      expect(await indexStatements(missing)).toEqual([]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
