/*
 * Seed 000's RLS on the partitioned pin_analytics (optimized/006_row_level_security.sql), over real Postgres:
 * a role subject to RLS sees only its PIN's rows through the parent; a partition queried directly is refused
 * unless granted, and then filtered by its own copy of the policy; a partition created by hand
 * (CREATE TABLE ... PARTITION OF) has none, which is the plan's "RLS inheritance pitfall". And the index behind
 * the realtime filter pin_number=eq.<value>.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../helpers/testDatabase.ts';
import { createTestDb } from './helpers/testApi.ts';

let database: TestDatabase;
let owner: pg.Client;

/** Runs `fn` as pin_analytics_reader with app.pin_id = pin, in a transaction rolled back afterwards. */
async function asReader<T>(pin: number, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  await owner.query('BEGIN');
  try {
    await owner.query('SET LOCAL ROLE pin_analytics_reader');
    await owner.query("SELECT set_config('app.pin_id', $1, true)", [String(pin)]);
    return await fn(owner);
  } finally {
    await owner.query('ROLLBACK');
  }
}

const pinsOf = (rows: Array<{ pin_id: string }>) => [...new Set(rows.map((r) => Number(r.pin_id)))].sort();

beforeAll(async () => {
  database = await createTestDb('pin analytics rls');
  owner = new pg.Client({ connectionString: database.url });
  await owner.connect();
  await owner.query('SELECT ensure_pin_analytics_partitions(1, 1)');
  // Two PINs, rows this month and last month (two partitions).
  await owner.query(`INSERT INTO pin_analytics (pin_id, pin_number, event_type, created_at)
    SELECT p, 'P' || lpad(p::text, 7, '0'), 'view', now() - make_interval(days => d)
      FROM generate_series(1, 2) p, (VALUES (0), (35)) AS ds(d)`);
}, 60_000);

afterAll(async () => {
  await owner?.end();
  await database?.drop();
});

describe('RLS on pin_analytics, inherited by every partition', () => {
  it('shows a reader only its own PIN through the parent, across every partition', async () => {
    const all = await owner.query<{ pin_id: string }>('SELECT pin_id FROM pin_analytics');
    expect(pinsOf(all.rows)).toEqual([1, 2]); // the owner (the API) is not filtered
    const seen = await asReader(1, (c) => c.query<{ pin_id: string }>('SELECT pin_id FROM pin_analytics'));
    expect(seen.rows).toHaveLength(2);
    expect(pinsOf(seen.rows)).toEqual([1]);
    const none = await asReader(3, (c) => c.query('SELECT pin_id FROM pin_analytics'));
    expect(none.rows).toEqual([]);
  });

  it('refuses a direct query on a partition the reader was not granted', async () => {
    const part = (await owner.query<{ p: string }>("SELECT format('pin_analytics_y%s', to_char(now() AT TIME ZONE 'UTC', 'YYYY\"m\"MM')) AS p")).rows[0]!.p;
    await expect(asReader(1, (c) => c.query(`SELECT pin_id FROM ${part}`))).rejects.toMatchObject({ code: '42501' });
  });

  it('filters a granted partition made by ensure_pin_analytics_partitions by its own copy of the policy', async () => {
    const part = (await owner.query<{ p: string }>("SELECT format('pin_analytics_y%s', to_char(now() AT TIME ZONE 'UTC', 'YYYY\"m\"MM')) AS p")).rows[0]!.p;
    await owner.query(`GRANT SELECT ON ${part} TO pin_analytics_reader`); // as Supabase's default privileges would
    const direct = await asReader(1, (c) => c.query<{ pin_id: string }>(`SELECT pin_id FROM ${part}`));
    expect(pinsOf(direct.rows)).toEqual([1]);
    const rls = await owner.query<{ relrowsecurity: boolean }>('SELECT relrowsecurity FROM pg_class WHERE relname = $1', [part]);
    expect(rls.rows[0]!.relrowsecurity).toBe(true);
  });

  it('shows the pitfall: a partition created by hand has no RLS, and a direct query sees every PIN', async () => {
    await owner.query("CREATE TABLE pin_analytics_y2100m01 PARTITION OF pin_analytics FOR VALUES FROM ('2100-01-01') TO ('2100-02-01')");
    await owner.query("INSERT INTO pin_analytics (pin_id, pin_number, event_type, created_at) VALUES (1, 'P0000001', 'view', '2100-01-05'), (2, 'P0000002', 'view', '2100-01-05')");
    await owner.query('GRANT SELECT ON pin_analytics_y2100m01 TO pin_analytics_reader');
    const direct = await asReader(1, (c) => c.query<{ pin_id: string }>('SELECT pin_id FROM pin_analytics_y2100m01'));
    expect(pinsOf(direct.rows)).toEqual([1, 2]); // the parent's policy does not apply to a direct query
    const viaParent = await asReader(1, (c) => c.query<{ pin_id: string }>("SELECT pin_id FROM pin_analytics WHERE created_at >= '2100-01-01'"));
    expect(pinsOf(viaParent.rows)).toEqual([1]); // through the parent it does
    // The fix ensure_pin_analytics_partitions applies to every partition it makes:
    await owner.query("SELECT secure_pin_analytics_partition('pin_analytics_y2100m01')");
    const fixed = await asReader(1, (c) => c.query<{ pin_id: string }>('SELECT pin_id FROM pin_analytics_y2100m01'));
    expect(pinsOf(fixed.rows)).toEqual([1]);
  });
});

describe('the index behind the realtime filter pin_number=eq.<value>', () => {
  it('serves the filter from pin_analytics_pin_number_idx in every partition it scans', async () => {
    await owner.query('BEGIN');
    try {
      // A handful of rows: the planner would rightly prefer a sequential scan; turning it off asks "can the
      // filter use an index at all", which is what the plan requires (at the real size it chooses the index).
      await owner.query('SET LOCAL enable_seqscan = off');
      const plan = (await owner.query<{ 'QUERY PLAN': unknown }>("EXPLAIN (FORMAT JSON) SELECT * FROM pin_analytics WHERE pin_number = 'P0000001'")).rows[0]!['QUERY PLAN'];
      const nodes: Array<{ 'Node Type': string; 'Index Name'?: string; 'Relation Name'?: string }> = [];
      const walk = (n: Record<string, unknown>) => {
        nodes.push(n as (typeof nodes)[number]);
        for (const child of (n.Plans as Array<Record<string, unknown>> | undefined) ?? []) walk(child);
      };
      walk((plan as Array<{ Plan: Record<string, unknown> }>)[0]!.Plan);
      expect(nodes.filter((n) => n['Node Type'] === 'Seq Scan')).toEqual([]);
      const indexes = nodes.map((n) => n['Index Name']).filter((x): x is string => x !== undefined);
      expect(indexes.length).toBeGreaterThanOrEqual(3); // every partition holding rows, and DEFAULT
      for (const name of indexes) {
        const def = await owner.query<{ d: string }>('SELECT pg_get_indexdef(to_regclass($1)) AS d', [name]);
        expect(def.rows[0]!.d, name).toMatch(/USING btree \(pin_number\)$/);
      }
    } finally {
      await owner.query('ROLLBACK');
    }
  });
});
