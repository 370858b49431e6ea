/*
 * The 30/90-day rollup (reference-impl/analytics/schema/optimized/004_rollups.sql) on seeded data: it refreshes CONCURRENTLY,
 * and get_pin_analytics_summary() agrees with a direct aggregate over pin_analytics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';
import { seedDataset } from '../../seeders/analytics/seedDataset.ts';
import { withClient } from '../seeders/datasetChecksums.ts';

let d: TestDatabase;
beforeAll(async () => {
  d = await createTestDatabase('rollups');
  // asOf now: the 30- and 90-day windows hold seeded events.
  await seedDataset({ databaseUrl: d.url, users: 300, eventsPerUser: 30, seed: 5, asOf: new Date(), log: () => undefined });
});
afterAll(async () => {
  await d?.drop();
});

interface Window { total: number; by_type: Record<string, number> }

/** The rollup's definition, computed straight from pin_analytics, relative to the MV's own refresh time. */
async function direct(c: pg.Client, pinId: number): Promise<{ '30d': Window; '90d': Window }> {
  const r = await c.query<{ event_type: string; d30: string; d90: string }>(
    `WITH t AS (SELECT max(refreshed_at) AS at FROM pin_analytics_mv)
     SELECT event_type, count(*) FILTER (WHERE created_at >= t.at - interval '30 days') AS d30, count(*) AS d90
       FROM pin_analytics, t WHERE pin_id = $1 AND created_at >= t.at - interval '90 days' GROUP BY event_type`,
    [pinId],
  );
  const w30: Window = { total: 0, by_type: {} };
  const w90: Window = { total: 0, by_type: {} };
  for (const row of r.rows) {
    const [n30, n90] = [Number(row.d30), Number(row.d90)];
    if (n30 > 0) w30.by_type[row.event_type] = n30;
    w30.total += n30;
    w90.by_type[row.event_type] = n90;
    w90.total += n90;
  }
  return { '30d': w30, '90d': w90 };
}

describe('pin_analytics_mv on seeded data', () => {
  it('refreshes concurrently and then includes newly written events', async () => {
    await withClient(d.url, async (c) => {
      const before = (await c.query(`SELECT get_pin_analytics_summary(7) AS s`)).rows[0].s;
      await c.query(`INSERT INTO pin_analytics (pin_id, pin_number, event_type) SELECT 7, 'P0000007', 'share' FROM generate_series(1, 3)`);
      await c.query('REFRESH MATERIALIZED VIEW CONCURRENTLY pin_analytics_mv');
      const after = (await c.query(`SELECT get_pin_analytics_summary(7) AS s`)).rows[0].s;
      expect(after['30d'].total).toBe(before['30d'].total + 3);
      expect(after['90d'].by_type.share).toBe((before['90d'].by_type.share ?? 0) + 3);
      expect(new Date(after.refreshed_at).getTime()).toBeGreaterThan(new Date(before.refreshed_at).getTime());
    });
  });

  it('get_pin_analytics_summary equals a direct aggregate over pin_analytics for hot, warm and cold PINs', async () => {
    await withClient(d.url, async (c) => {
      const pins = [1, 2, 17, 150, 299];
      for (const pin of pins) {
        const s = (await c.query(`SELECT get_pin_analytics_summary($1) AS s`, [pin])).rows[0].s;
        const want = await direct(c, pin);
        expect(s.pin_id, `pin ${pin}`).toBe(pin);
        expect({ '30d': s['30d'], '90d': s['90d'] }, `pin ${pin}`).toEqual(want);
      }
      // The hottest PIN has data in both windows, so the comparison above was not between empty objects.
      expect((await direct(c, 1))['30d'].total).toBeGreaterThan(0);
      // A PIN that does not exist has an all-zero summary.
      const none = (await c.query(`SELECT get_pin_analytics_summary(999999) AS s`)).rows[0].s;
      expect(none['30d']).toEqual({ total: 0, by_type: {} });
    });
  });
});
