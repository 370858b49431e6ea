/* Single-flight: a stampede on one cold key costs one database query, counted by the API's own query counter. */
import { afterEach, describe, expect, it } from 'vitest';
import { redisTitle, testRedisUrl } from '../helpers/testRedis.ts';
import { insertPins } from './helpers/insertPins.ts';
import { startTestApi, type TestApi } from './helpers/testApi.ts';
import { SingleFlight } from '../../reference-impl/platform/cache/SingleFlight.ts';

describe.skipIf(!testRedisUrl())(redisTitle('single-flight on a cold key'), () => {
  let api: TestApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('100 concurrent requests for a cold key make exactly one database query', async () => {
    api = await startTestApi('single flight cold key', { redisUrl: testRedisUrl() });
    await insertPins(api.database.url, [21]);
    await api.app.ready(); // start-up maintenance queries happen before the count starts
    const before = api.app.scaleproof.db.queryCount;

    const responses = await Promise.all(Array.from({ length: 100 }, () => api!.app.inject({ method: 'GET', url: '/pin/public/P0000021' })));

    expect(api.app.scaleproof.db.queryCount - before).toBe(1);
    expect(responses.every((r) => r.statusCode === 200)).toBe(true);
    expect(new Set(responses.map((r) => r.body)).size).toBe(1);
    const metrics = (await api.app.inject({ method: 'GET', url: '/metrics' })).body;
    const coalesced = Number(/scaleproof_cache_coalesced_requests_total\{family="pin"\} (\d+)/.exec(metrics)?.[1]);
    const misses = Number(/scaleproof_cache_misses_total\{family="pin"\} (\d+)/.exec(metrics)?.[1]);
    const hits = Number(/scaleproof_cache_hits_total\{family="pin"\} (\d+)/.exec(metrics)?.[1]);
    expect(hits + misses).toBe(100);
    expect(coalesced).toBeGreaterThan(0); // the others joined the one load rather than queueing behind it
    // Every request made its own store GET, so Redis INFO would count exactly these hits and misses.
    const lookups = (result: string) => Number(new RegExp(`scaleproof_cache_store_lookups_total\\{family="pin",result="${result}"\\} (\\d+)`).exec(metrics)?.[1] ?? 0);
    expect(lookups('hit')).toBe(hits);
    expect(lookups('miss')).toBe(misses);
  });

  it('100 concurrent requests for an unknown PIN make one query too and all answer 404', async () => {
    api = await startTestApi('single flight unknown key', { redisUrl: testRedisUrl() });
    await api.app.ready();
    const before = api.app.scaleproof.db.queryCount;
    const responses = await Promise.all(Array.from({ length: 100 }, () => api!.app.inject({ method: 'GET', url: '/pin/public/P0000404' })));
    expect(api.app.scaleproof.db.queryCount - before).toBe(1);
    expect(responses.every((r) => r.statusCode === 404)).toBe(true);
  });
});

describe('SingleFlight', () => {
  it('shares one call among concurrent callers of a key and starts a new one after it settles', async () => {
    const sf = new SingleFlight<number>();
    let calls = 0;
    let release: (v: number) => void = () => undefined;
    const gate = new Promise<number>((r) => (release = r));
    const a = sf.do('k', () => { calls++; return gate; });
    const b = sf.do('k', () => { calls++; return gate; });
    const other = sf.do('other', async () => { calls++; return 2; });
    expect([a.shared, b.shared, other.shared]).toEqual([false, true, false]);
    release(1);
    expect(await a.result).toBe(1);
    expect(await b.result).toBe(1);
    expect(await other.result).toBe(2);
    expect(calls).toBe(2);
    const c = sf.do('k', async () => { calls++; return 3; });
    expect(c.shared).toBe(false);
    expect(await c.result).toBe(3);
    expect(sf.inFlight).toBe(0);
  });

  it('passes a failure to every waiter and forgets the key', async () => {
    const sf = new SingleFlight<number>();
    const a = sf.do('k', async () => { throw new Error('boom'); });
    const b = sf.do('k', async () => 1);
    await expect(a.result).rejects.toThrow('boom');
    await expect(b.result).rejects.toThrow('boom');
    expect(sf.inFlight).toBe(0);
  });
});
