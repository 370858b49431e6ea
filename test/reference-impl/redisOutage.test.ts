/*
 * Fail-open: with a private redis-server stopped mid-test, reads still answer 200 from Postgres, /health says
 * degraded, and once Redis is back on the same port the cache is used again (HIT) without a restart.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { spawnRedis } from '../../harness/services/startRedis.ts';
import { insertPins } from './helpers/insertPins.ts';
import { redisOnPort } from './helpers/redisOnPort.ts';
import { startTestApi, type TestApi } from './helpers/testApi.ts';
import { waitFor } from './helpers/waitFor.ts';

const redisBin = inject('redisServerBin');
const title = redisBin ? 'Redis outage' : 'Redis outage [SKIPPED: no redis-server on PATH to run a private one]';

describe.skipIf(!redisBin)(title, () => {
  let api: TestApi | undefined;
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await api?.close();
    api = undefined;
    for (const stop of stops.splice(0)) await stop();
  });

  it('serves reads from Postgres while Redis is down, reports degraded, and uses Redis again when it is back', async () => {
    const first = await spawnRedis(redisBin!, () => undefined);
    stops.push(() => first.stop());
    const port = Number(new URL(first.url!).port);
    api = await startTestApi('redis outage', { redisUrl: first.url });
    await insertPins(api.database.url, [41]);
    const get = () => api!.app.inject({ method: 'GET', url: '/pin/public/P0000041' });

    expect((await get()).headers['x-cache']).toBe('MISS');
    const cached = await get();
    expect(cached.headers['x-cache']).toBe('HIT');

    await first.stop();
    await waitFor('the API to notice Redis is gone', async () => !api!.app.scaleproof.store.available);
    // One after another: concurrent ones would share one lookup (single-flight) and one store error.
    for (let i = 0; i < 3; i++) {
      const res = await get();
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-cache']).toBe('MISS');
      expect(res.body).toBe(cached.body);
    }
    const health = await api.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'degraded', postgres: { status: 'up' }, redis: { status: 'degraded', kind: 'redis' } });
    const metrics = (await api.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(Number(/scaleproof_cache_store_errors_total\{operation="get"\} (\d+)/.exec(metrics)?.[1])).toBeGreaterThanOrEqual(3);
    expect(metrics).toContain('scaleproof_cache_store_up 0');

    const second = await redisOnPort(redisBin!, port);
    stops.push(() => second.stop());
    await waitFor('the API to reconnect to Redis', async () => api!.app.scaleproof.store.available);
    // The new Redis is empty: one MISS refills it, then HITs again.
    expect((await get()).headers['x-cache']).toBe('MISS');
    expect((await get()).headers['x-cache']).toBe('HIT');
    const healthy = await api.app.inject({ method: 'GET', url: '/health' });
    expect(healthy.json()).toMatchObject({ status: 'ok', redis: { status: 'up' } });
  });
});
