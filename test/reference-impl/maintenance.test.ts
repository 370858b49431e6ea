/*
 * Background work: partitions current + N months ahead at start, retention drops old months, the rollup
 * refreshes on its own timer, and a failing task is counted and logged without taking the API down.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../reference-impl/platform/db/Database.ts';
import { maintainPartitions } from '../../reference-impl/analytics/maintenance/maintainPartitions.ts';
import { createTestDb, startTestApi, type TestApi } from './helpers/testApi.ts';
import { waitFor } from './helpers/waitFor.ts';
import type { TestDatabase } from '../helpers/testDatabase.ts';

async function sql<R extends pg.QueryResultRow>(url: string, text: string): Promise<R[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<R>(text)).rows;
  } finally {
    await c.end();
  }
}

const metricValue = (text: string, sample: string) => Number(new RegExp(`^${sample.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

describe('background maintenance', () => {
  let api: TestApi | undefined;
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await api?.close();
    await database?.drop();
    api = undefined;
    database = undefined;
  });

  it('creates the current month and partitionMonthsAhead more before serving', async () => {
    api = await startTestApi('maintenance partitions at start', { redisUrl: undefined, partitionMonthsAhead: 3 });
    await api.app.ready();
    const [health] = await sql<{ h: { current_month_present: boolean; partitions: number } }>(api.database.url, 'SELECT pin_analytics_partition_health() AS h');
    expect(health!.h.current_month_present).toBe(true);
    expect(health!.h.partitions).toBe(1 + 4); // DEFAULT + current + 3 ahead
  });

  it('drops monthly partitions older than the retention and keeps the rest', async () => {
    database = await createTestDb('maintenance retention');
    await sql(database.url, 'SELECT ensure_pin_analytics_partitions(0, 15)'); // 15 months of history
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    try {
      const changes = await maintainPartitions(new Database('primary', pool, () => undefined), 2, 12);
      expect(changes.created).toHaveLength(2);
      expect(changes.dropped.length).toBeGreaterThanOrEqual(3);
      const left = await sql<{ n: string }>(database.url, "SELECT count(*) AS n FROM pg_inherits WHERE inhparent = 'pin_analytics'::regclass AND inhrelid::regclass::text <> 'pin_analytics_default'");
      expect(Number(left[0]!.n)).toBe(16 + 2 - changes.dropped.length);
      for (const name of changes.dropped) {
        const [y, m] = [Number(name.slice(15, 19)), Number(name.slice(20, 22))];
        const monthsOld = (new Date().getUTCFullYear() - y) * 12 + (new Date().getUTCMonth() + 1 - m);
        expect(monthsOld).toBeGreaterThanOrEqual(12);
      }
    } finally {
      await pool.end();
    }
  });

  it('refreshes the rollup on its timer, counts a failing refresh, and keeps serving', async () => {
    api = await startTestApi('maintenance rollup timer', { redisUrl: undefined, mvRefreshIntervalS: 1 });
    await api.app.ready();
    const scrape = async () => (await api!.app.inject({ method: 'GET', url: '/metrics' })).body;
    await waitFor('two rollup refreshes', async () => metricValue(await scrape(), 'scaleproof_background_task_runs_total{task="rollup_refresh"}') >= 2);
    expect(metricValue(await scrape(), 'scaleproof_background_task_failures_total{task="rollup_refresh"}')).toBeNaN(); // no failure yet

    await sql(api.database.url, 'DROP MATERIALIZED VIEW pin_analytics_mv CASCADE');
    await waitFor('a failed refresh to be counted', async () => metricValue(await scrape(), 'scaleproof_background_task_failures_total{task="rollup_refresh"}') >= 1);
    expect(api.app.scaleproof.tasks.get('rollup_refresh')!.task.failures).toBeGreaterThanOrEqual(1);
    expect((await api.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});
