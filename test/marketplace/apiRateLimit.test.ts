/*
 * Seed 003 phase 4's per-client-IP limits: marketplace 200, store 100, search 60 per window. Optimized: each
 * allows exactly its count per client per window, shared across two API instances on one Redis (requests
 * alternate between them), and the next is a 429 with Retry-After; another client still has its own budget.
 * Naive: the plan's in-memory Map, counted per instance. The client is x-forwarded-for only from a trusted peer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { clientIpOf, trustedProxies } from '../../reference-impl/marketplace/http/clientIp.ts';
import { keyPrefix, redisTitle, testRedisUrl } from '../helpers/testRedis.ts';
import { seededMarketplaceDatabase, startMarketplaceApi, type MarketplaceDatabase, type MarketplaceTestApi } from './helpers/marketplaceTestApi.ts';

const NAME = 'marketplace rate limits';

const SCOPES = [
  { scope: 'marketplace', limit: 200, url: '/products/seller/1' },
  { scope: 'store', limit: 100, url: '/stores/1' },
  { scope: 'search', limit: 60, url: '/search?q=kaka' },
] as const;

describe.skipIf(!testRedisUrl())(redisTitle(NAME), () => {
  let db: MarketplaceDatabase;
  let a: MarketplaceTestApi;
  let b: MarketplaceTestApi;
  let prefix: string;

  beforeAll(async () => {
    db = await seededMarketplaceDatabase(NAME, ['optimized']);
    prefix = keyPrefix(NAME); // both instances share one key space, as two API processes of one deployment do
    a = await startMarketplaceApi(NAME, 'optimized', db.urls.optimized, { config: { redisKeyPrefix: prefix } });
    b = await startMarketplaceApi(NAME, 'optimized', db.urls.optimized, { config: { redisKeyPrefix: prefix } });
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it.each(SCOPES)('$scope allows exactly $limit requests per client per window across two instances, then 429 + Retry-After', async ({ scope, limit, url }) => {
    const client = `10.77.${limit}.1`;
    const statuses: number[] = [];
    for (let i = 0; i < limit + 2; i++) {
      const api = i % 2 === 0 ? a : b;
      statuses.push((await api.app.inject({ url, headers: { 'x-forwarded-for': client } })).statusCode);
    }
    expect(statuses.slice(0, limit).every((s) => s === 200), 'the first limit requests').toBe(true);
    expect(statuses.slice(limit)).toEqual([429, 429]);
    const refused = await a.app.inject({ url, headers: { 'x-forwarded-for': client } });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another client has its own budget.
    expect((await b.app.inject({ url, headers: { 'x-forwarded-for': `10.77.${limit}.2` } })).statusCode).toBe(200);
    // One Redis key per scope and client, expiring with the 60 s window.
    const redis = new Redis(testRedisUrl()!);
    try {
      const ttl = await redis.pttl(`${prefix}marketplace:ratelimit:${scope}:${client}`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
    } finally {
      redis.disconnect();
    }
  }, 60_000);

  it('scopes are separate budgets: a client refused on search still gets its store and marketplace requests', async () => {
    const client = '10.77.0.9';
    for (let i = 0; i < 60; i++) await a.app.inject({ url: '/search?q=loka', headers: { 'x-forwarded-for': client } });
    expect((await a.app.inject({ url: '/search?q=loka', headers: { 'x-forwarded-for': client } })).statusCode).toBe(429);
    expect((await b.app.inject({ url: '/stores/2', headers: { 'x-forwarded-for': client } })).statusCode).toBe(200);
    expect((await b.app.inject({ url: '/marketplace/home', headers: { 'x-forwarded-for': client } })).statusCode).toBe(200);
  }, 60_000);
});

describe('marketplace naive rate limits (in memory, per instance)', () => {
  let db: MarketplaceDatabase;
  const apis: MarketplaceTestApi[] = [];

  beforeAll(async () => {
    db = await seededMarketplaceDatabase(`${NAME} naive`, ['naive']);
    for (let i = 0; i < 2; i++) apis.push(await startMarketplaceApi(`${NAME} naive`, 'naive', db.urls.naive, { settings: { storeLimit: 3 } }));
  }, 60_000);

  afterAll(async () => {
    for (const api of apis) await api.close();
    await db?.drop();
  });

  it('each instance counts on its own: two instances let 2 x the limit through', async () => {
    const headers = { 'x-forwarded-for': '10.78.0.1' };
    const per = async (api: MarketplaceTestApi) => {
      const s: number[] = [];
      for (let i = 0; i < 4; i++) s.push((await api.app.inject({ url: '/stores/1', headers })).statusCode);
      return s;
    };
    expect(await per(apis[0]!)).toEqual([200, 200, 200, 429]);
    expect(await per(apis[1]!)).toEqual([200, 200, 200, 429]);
  });
});

describe('marketplace client address', () => {
  const loopback = trustedProxies('loopback');

  it('believes x-forwarded-for only from a trusted peer, reading from the right past trusted hops', () => {
    expect(clientIpOf('127.0.0.1', '10.0.0.5', loopback)).toBe('10.0.0.5');
    expect(clientIpOf('203.0.113.9', '10.0.0.5', loopback)).toBe('203.0.113.9'); // untrusted peer: header ignored
    expect(clientIpOf('127.0.0.1', '1.2.3.4, 10.0.0.5', loopback)).toBe('10.0.0.5'); // a client cannot pick its bucket by prepending
    expect(clientIpOf('127.0.0.1', '10.0.0.5, 127.0.0.1', loopback)).toBe('10.0.0.5');
    expect(clientIpOf('127.0.0.1', 'not-an-ip', loopback)).toBe('127.0.0.1');
    expect(clientIpOf('127.0.0.1', '10.0.0.5', trustedProxies('none'))).toBe('127.0.0.1');
    expect(clientIpOf('192.0.2.1', '10.0.0.5', trustedProxies('192.0.2.1, loopback'))).toBe('10.0.0.5');
    expect(clientIpOf('::ffff:127.0.0.1', '2001:db8::1', loopback)).toBe('2001:db8::1');
  });
});
