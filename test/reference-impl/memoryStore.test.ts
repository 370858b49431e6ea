/* The in-process cache (no Redis): same interface, TTL honoured, and the API serves HIT after MISS over it. */
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../reference-impl/platform/cache/MemoryStore.ts';
import { insertPins } from './helpers/insertPins.ts';
import { startTestApi, type TestApi } from './helpers/testApi.ts';

describe('MemoryStore', () => {
  it('returns a value until its TTL passes and nothing after', async () => {
    let now = 1_000_000;
    const store = new MemoryStore({ now: () => now });
    await store.set('k', 'v', 60);
    expect((await store.get('k'))?.toString()).toBe('v');
    now += 59_999;
    expect((await store.get('k'))?.toString()).toBe('v');
    now += 1;
    expect(await store.get('k')).toBeNull();
    expect(store.size).toBe(0);
  });

  it('evicts the oldest entry beyond maxEntries', async () => {
    const store = new MemoryStore({ maxEntries: 2 });
    await store.set('a', '1', 60);
    await store.set('b', '2', 60);
    await store.set('c', '3', 60);
    expect(await store.get('a')).toBeNull();
    expect((await store.get('b'))?.toString()).toBe('2');
    expect((await store.get('c'))?.toString()).toBe('3');
  });
});

describe('the API without Redis', () => {
  let api: TestApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('serves HIT after MISS from the in-process store and reports it in /health', async () => {
    api = await startTestApi('memory store hit after miss', { redisUrl: undefined });
    await insertPins(api.database.url, [31]);
    expect(api.app.scaleproof.store.kind).toBe('memory');
    const first = await api.app.inject({ method: 'GET', url: '/pin/public/P0000031' });
    const second = await api.app.inject({ method: 'GET', url: '/pin/public/P0000031' });
    expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['MISS', 'HIT']);
    expect(second.body).toBe(first.body);
    const user1 = await api.app.inject({ method: 'GET', url: '/users/31' });
    const user2 = await api.app.inject({ method: 'GET', url: '/users/31' });
    expect([user1.headers['x-cache'], user2.headers['x-cache']]).toEqual(['MISS', 'HIT']);
    const health = await api.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', redis: { status: 'up', kind: 'memory' } });
  });

  it('expires entries after the family TTL (clock injected, no sleeping)', async () => {
    let now = Date.now();
    api = await startTestApi('memory store ttl', { redisUrl: undefined, pinTtlS: 60 }, { store: new MemoryStore({ now: () => now }) });
    await insertPins(api.database.url, [32]);
    await api.app.inject({ method: 'GET', url: '/pin/public/P0000032' });
    expect((await api.app.inject({ method: 'GET', url: '/pin/public/P0000032' })).headers['x-cache']).toBe('HIT');
    now += 61_000;
    expect((await api.app.inject({ method: 'GET', url: '/pin/public/P0000032' })).headers['x-cache']).toBe('MISS');
  });
});
