/*
 * GET /pins/:number/analytics: numbers from the rollup (pin_analytics_mv via get_pin_analytics_summary),
 * cached per UTC day, read from the replica pool when one is configured.
 */
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { redisTitle, testRedisUrl } from '../helpers/testRedis.ts';
import { insertPins } from './helpers/insertPins.ts';
import { createTestDb, startTestApi, type TestApi } from './helpers/testApi.ts';

async function insertEvents(url: string, rows: Array<[pinId: number, type: string, daysAgo: number]>): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const [pinId, type, daysAgo] of rows) {
      await c.query("INSERT INTO pin_analytics (pin_id, pin_number, event_type, created_at) VALUES ($1, $2, $3, now() - make_interval(days => $4))", [pinId, 'P' + String(pinId).padStart(7, '0'), type, daysAgo]);
    }
  } finally {
    await c.end();
  }
}

describe.skipIf(!testRedisUrl())(redisTitle('GET /pins/:number/analytics'), () => {
  let api: TestApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('answers the 30- and 90-day rollup after a refresh, MISS then HIT, keyed by the UTC day', async () => {
    api = await startTestApi('analytics rollup', { redisUrl: testRedisUrl(), mvRefreshIntervalS: 3600 });
    await insertPins(api.database.url, [61]);
    await insertEvents(api.database.url, [[61, 'view', 1], [61, 'view', 2], [61, 'click', 10], [61, 'share', 45], [62, 'view', 1]]);
    await api.app.ready();
    expect(await api.app.scaleproof.tasks.get('rollup_refresh')!.task.runNow()).toBe(true);

    const d30 = await api.app.inject({ method: 'GET', url: '/pins/P0000061/analytics?window=30d' });
    expect(d30.statusCode).toBe(200);
    expect(d30.headers['x-cache']).toBe('MISS');
    expect(d30.json()).toMatchObject({ pin_number: 'P0000061', pin_id: 61, window: '30d', total: 3, by_type: { view: 2, click: 1 } });
    expect(d30.json().refreshed_at).toEqual(expect.any(String));

    const d90 = await api.app.inject({ method: 'GET', url: '/pins/P0000061/analytics?window=90d' });
    expect(d90.headers['x-cache']).toBe('HIT'); // one entry holds both windows
    expect(d90.json()).toMatchObject({ window: '90d', total: 4, by_type: { view: 2, click: 1, share: 1 } });

    const byDefault = await api.app.inject({ method: 'GET', url: '/pins/P0000061/analytics' });
    expect(byDefault.json()).toMatchObject({ window: '30d', total: 3 });

    const r = new Redis(testRedisUrl()!);
    try {
      const day = new Date().toISOString().slice(0, 10);
      expect(await r.exists(`${api.config.redisKeyPrefix}pin:analytics:P0000061:${day}`)).toBe(1);
    } finally {
      r.disconnect();
    }
  });

  it('answers zeros for a PIN without events and 404 for an unknown PIN', async () => {
    api = await startTestApi('analytics zeros', { redisUrl: testRedisUrl() });
    await insertPins(api.database.url, [63]);
    const empty = await api.app.inject({ method: 'GET', url: '/pins/P0000063/analytics?window=90d' });
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({ total: 0, by_type: {} });
    const unknown = await api.app.inject({ method: 'GET', url: '/pins/P0000064/analytics' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('PIN_NOT_FOUND');
  });

  it('reads analytics from the replica pool when DATABASE_REPLICA_URL is set, and PIN pages from the primary', async () => {
    const database = await createTestDb('analytics replica');
    // The "replica" is the same database under a second pool: what matters is which pool the query takes.
    api = await startTestApi('analytics replica', { redisUrl: testRedisUrl(), databaseReplicaUrl: database.url }, {}, database);
    await insertPins(database.url, [65]);
    await api.app.ready();
    const { db, replicaDb } = api.app.scaleproof;
    const primaryBefore = db.queryCount;
    const replicaBefore = replicaDb!.queryCount;
    expect((await api.app.inject({ method: 'GET', url: '/pins/P0000065/analytics' })).statusCode).toBe(200);
    expect(replicaDb!.queryCount - replicaBefore).toBe(1);
    expect(db.queryCount - primaryBefore).toBe(0);
    expect((await api.app.inject({ method: 'GET', url: '/pin/public/P0000065' })).statusCode).toBe(200);
    expect(db.queryCount - primaryBefore).toBe(1);
    expect(replicaDb!.queryCount - replicaBefore).toBe(1);
    const health = await api.app.inject({ method: 'GET', url: '/health' });
    expect(health.json()).toMatchObject({ replica: { status: 'up' } });
  });
});
