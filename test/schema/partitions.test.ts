/*
 * pin_analytics monthly partitioning (reference-impl/analytics/schema/optimized/002_partitions.sql): routing by month, the
 * DEFAULT catch-all and its repair, and 12-month retention. Times are pinned (at_ts) so no test depends on
 * today's date.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { migrate } from '../../harness/migrate/migrate.ts';
import { analyticsMigrations } from '../../reference-impl/analytics/schema/schemaDirs.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';
import { withClient } from '../seeders/datasetChecksums.ts';

const AT = '2025-06-15T12:00:00Z';
const dbs: TestDatabase[] = [];
afterEach(async () => {
  while (dbs.length) await dbs.pop()!.drop();
});

async function schema(name: string): Promise<string> {
  const d = await createTestDatabase(name);
  dbs.push(d);
  await migrate(d.url, analyticsMigrations.optimized);
  return d.url;
}

/** Mid-month instant `offset` months from AT's month, and its partition's name. */
function month(offset: number): { ts: string; partition: string } {
  const d = new Date(Date.UTC(2025, 5 + offset, 15, 6));
  return { ts: d.toISOString(), partition: `pin_analytics_y${d.getUTCFullYear()}m${String(d.getUTCMonth() + 1).padStart(2, '0')}` };
}

async function insertEvent(c: pg.Client, ts: string): Promise<string> {
  const r = await c.query<{ part: string }>(
    `INSERT INTO pin_analytics (pin_id, pin_number, event_type, created_at) VALUES (1, 'P0000001', 'view', $1) RETURNING tableoid::regclass::text AS part`,
    [ts],
  );
  return r.rows[0]!.part;
}

const partitions = async (c: pg.Client) =>
  (await c.query<{ n: string }>(`SELECT c.relname AS n FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'pin_analytics'::regclass ORDER BY 1`)).rows.map((r) => r.n);

describe('pin_analytics partitions', () => {
  it('routes an event dated in each of the last 12 months to that month\'s own partition', async () => {
    const url = await schema('partition routing');
    await withClient(url, async (c) => {
      await c.query(`SELECT ensure_pin_analytics_partitions(6, 12, $1)`, [AT]);
      for (let offset = -12; offset <= 0; offset++) {
        const m = month(offset);
        expect(await insertEvent(c, m.ts), m.ts).toBe(m.partition);
      }
      const counts = await c.query<{ part: string; n: number }>(`SELECT tableoid::regclass::text AS part, count(*)::int AS n FROM pin_analytics GROUP BY 1`);
      expect(counts.rows).toHaveLength(13);
      expect(counts.rows.every((r) => r.n === 1)).toBe(true);
    });
  });

  it('parks an event beyond the horizon in DEFAULT until ensure_pin_analytics_partitions creates its month and moves it', async () => {
    const url = await schema('partition default');
    await withClient(url, async (c) => {
      await c.query(`SELECT ensure_pin_analytics_partitions(6, 0, $1)`, [AT]);
      const far = month(8); // current + 6 exist; +8 does not
      expect(await insertEvent(c, far.ts)).toBe('pin_analytics_default');
      expect((await c.query(`SELECT pin_analytics_partition_health($1) AS h`, [AT])).rows[0].h.default_rows).toBe(1);

      const created = (await c.query<{ p: string }>(`SELECT ensure_pin_analytics_partitions(8, 0, $1) AS p`, [AT])).rows.map((r) => r.p);
      expect(created).toEqual([month(7).partition, far.partition]);
      const where = await c.query(`SELECT tableoid::regclass::text AS part FROM pin_analytics`);
      expect(where.rows).toEqual([{ part: far.partition }]);
      expect(Number((await c.query(`SELECT count(*) AS n FROM pin_analytics_default`)).rows[0].n)).toBe(0);
    });
  });

  it('drops only the partitions older than 12 months on retention', async () => {
    const url = await schema('partition retention');
    await withClient(url, async (c) => {
      await c.query(`SELECT ensure_pin_analytics_partitions(1, 15, $1)`, [AT]);
      for (let offset = -15; offset <= 1; offset++) await insertEvent(c, month(offset).ts);
      const dropped = (await c.query<{ p: string }>(`SELECT drop_old_pin_analytics_partitions(12, $1) AS p`, [AT])).rows.map((r) => r.p);
      // At 2025-06-15 the 12-month window starts 2024-06-15: months ending by then go, 2024-06 stays.
      expect(dropped).toEqual([month(-15).partition, month(-14).partition, month(-13).partition]);
      const left = await partitions(c);
      for (let offset = -12; offset <= 1; offset++) expect(left).toContain(month(offset).partition);
      for (const p of dropped) expect(left).not.toContain(p);
      expect(Number((await c.query(`SELECT count(*) AS n FROM pin_analytics`)).rows[0].n)).toBe(14);
      // A second pass finds nothing more to drop.
      expect((await c.query(`SELECT drop_old_pin_analytics_partitions(12, $1) AS p`, [AT])).rows).toEqual([]);
    });
  });
});
