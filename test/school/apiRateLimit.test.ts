/*
 * The analytics gate (seed 001 3.3): x-user-id is required, and each user gets `limit` analytics requests per
 * window, then 429 with Retry-After. The optimized variant counts in Redis, so two API processes share one
 * budget; the naive one counts per process, with the same statuses.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDate, schoolDayMs } from '../../scenarios/school/layout.ts';
import { MemoryRateLimiter } from '../../reference-impl/platform/rateLimit/MemoryRateLimiter.ts';
import { RedisRateLimiter } from '../../reference-impl/platform/rateLimit/RedisRateLimiter.ts';
import { deletePrefix, keyPrefix, redisTitle, testRedisUrl } from '../helpers/testRedis.ts';
import { waitFor } from '../reference-impl/helpers/waitFor.ts';
import { seededSchoolDatabase, startSchoolApi, type SchoolDatabase, type SchoolTestApi } from './helpers/schoolTestApi.ts';

const NAME = 'school api rate limit';
const now = Date.now();
const RANGE = `from=${isoDate(schoolDayMs(now, 10))}&to=${isoDate(schoolDayMs(now, 19))}`;
const ROUTES = [
  `/schools/SCH00001/analytics/tasks?${RANGE}`,
  `/schools/SCH00001/analytics/academics?${RANGE}`,
  `/schools/SCH00001/analytics/attendance?${RANGE}`,
];

describe.skipIf(!testRedisUrl())(redisTitle(NAME), () => {
  let db: SchoolDatabase;
  const apis: SchoolTestApi[] = [];
  const start = async (variant: 'naive' | 'optimized', settings: { analyticsRateLimit: number; rateLimitWindowS?: number }, prefix?: string) => {
    const api = await startSchoolApi(NAME, variant, db.urls[variant], { settings, config: prefix ? { redisKeyPrefix: prefix } : {} });
    apis.push(api);
    return api;
  };
  const get = (api: SchoolTestApi, url: string, user?: string) =>
    api.app.inject({ method: 'GET', url, headers: user === undefined ? {} : { 'x-user-id': user } });

  beforeAll(async () => {
    db = await seededSchoolDatabase(NAME);
  });
  afterAll(async () => {
    for (const api of apis) await api.close();
    await db?.drop();
  });

  it.each(['naive', 'optimized'] as const)('%s allows exactly N analytics requests per user per window, then 429 with Retry-After', async (variant) => {
    const api = await start(variant, { analyticsRateLimit: 4 });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await get(api, ROUTES[i % 3]!, '1001')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const refused = await get(api, ROUTES[0]!, '1001');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    // Another user has a budget of their own; other routes are not limited.
    expect((await get(api, ROUTES[1]!, '1002')).statusCode).toBe(200);
    expect((await api.app.inject({ method: 'GET', url: '/schools/SCH00001/dashboard' })).statusCode).toBe(200);
    const metrics = await api.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/scaleproof_school_rate_limit_decisions_total\{outcome="limited"\} 3/);
  });

  it.each(['naive', 'optimized'] as const)('%s answers 401 JSON without x-user-id and 400 for a malformed one, before any work', async (variant) => {
    const api = await start(variant, { analyticsRateLimit: 10 });
    for (const url of ROUTES) {
      const res = await get(api, url);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
    for (const user of ['abc', '0', '-1', '1.5', '12345678901234567890', "1' OR 1=1"]) {
      const res = await get(api, ROUTES[0]!, user);
      expect(res.statusCode, user).toBe(400);
      expect(res.json().error.code).toBe('INVALID_USER_ID');
    }
    // Even without credentials, a bad school code never gets further than the gate: still 401.
    expect((await get(api, `/schools/%27;DROP/analytics/tasks?${RANGE}`)).statusCode).toBe(401);
  });

  it('two optimized API processes share one budget through Redis', async () => {
    const prefix = keyPrefix(`${NAME} shared`);
    const a = await start('optimized', { analyticsRateLimit: 5 }, prefix);
    const b = await start('optimized', { analyticsRateLimit: 5 }, prefix);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await get(i % 2 === 0 ? a : b, ROUTES[i % 3]!, '2001')).statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
  });

  it('the window resets: a refused user is served again once it has passed', async () => {
    const api = await start('optimized', { analyticsRateLimit: 2, rateLimitWindowS: 1 });
    await get(api, ROUTES[0]!, '3001');
    await get(api, ROUTES[0]!, '3001');
    expect((await get(api, ROUTES[0]!, '3001')).statusCode).toBe(429);
    await waitFor('the 1 s window to reset', async () => (await get(api, ROUTES[0]!, '3001')).statusCode === 200, 5000);
  });

  it('0 turns the limiter off', async () => {
    const api = await start('optimized', { analyticsRateLimit: 0 });
    for (let i = 0; i < 15; i++) expect((await get(api, ROUTES[2]!, '4001')).statusCode).toBe(200);
    expect((await get(api, ROUTES[2]!)).statusCode).toBe(401);
  });
});

describe.skipIf(!testRedisUrl())(redisTitle('school rate limiter in Redis'), () => {
  const prefix = keyPrefix('school rate limiter');
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(testRedisUrl()!);
  });
  afterAll(async () => {
    redis.disconnect();
    await deletePrefix(testRedisUrl()!, prefix);
  });

  it('counts atomically under concurrency: exactly `limit` of 50 simultaneous requests pass', async () => {
    const limiter = new RedisRateLimiter({ client: redis, keyPrefix: prefix, limit: 10, windowS: 60, onStoreError: () => undefined });
    const decisions = await Promise.all(Array.from({ length: 50 }, () => limiter.hit('u1')));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    expect(await redis.pttl(`${prefix}u1`)).toBeGreaterThan(55_000);
  });

  it('works on a Redis that has never seen the script (NOSCRIPT -> EVAL) and repairs a key left without a TTL', async () => {
    await redis.script('FLUSH');
    await redis.set(`${prefix}u2`, '3'); // e.g. left by INCR without its EXPIRE
    const limiter = new RedisRateLimiter({ client: redis, keyPrefix: prefix, limit: 10, windowS: 60, onStoreError: () => undefined });
    const d = await limiter.hit('u2');
    expect(d).toMatchObject({ allowed: true, count: 4 });
    expect(await redis.pttl(`${prefix}u2`)).toBeGreaterThan(0);
  });

  it('fails open when Redis errors, and reports the error', async () => {
    let errors = 0;
    const broken = { evalsha: () => Promise.reject(new Error('Connection is closed.')), eval: () => Promise.reject(new Error('x')) };
    const limiter = new RedisRateLimiter({ client: broken, keyPrefix: prefix, limit: 1, windowS: 60, onStoreError: () => errors++ });
    expect((await limiter.hit('u3')).allowed).toBe(true);
    expect((await limiter.hit('u3')).allowed).toBe(true);
    expect(errors).toBe(2);
  });
});

describe('school rate limiter in memory', () => {
  it('allows `limit` per window per user and resets after the window', async () => {
    let t = 1_000_000;
    const limiter = new MemoryRateLimiter({ limit: 2, windowS: 60, now: () => t });
    expect((await limiter.hit('a')).allowed).toBe(true);
    expect((await limiter.hit('a')).allowed).toBe(true);
    const third = await limiter.hit('a');
    expect(third).toMatchObject({ allowed: false, count: 3, retryAfterS: 60 });
    t += 59_500;
    expect((await limiter.hit('a')).retryAfterS).toBe(1);
    t += 500;
    expect((await limiter.hit('a')).allowed).toBe(true);
  });

  it('stays bounded: past maxUsers it drops windows instead of growing', async () => {
    const limiter = new MemoryRateLimiter({ limit: 1, windowS: 60, maxUsers: 3, now: () => 0 });
    for (const u of ['a', 'b', 'c', 'd', 'e']) await limiter.hit(u);
    // 'a' and 'b' were dropped (oldest first), so they start a new window.
    expect((await limiter.hit('a')).allowed).toBe(true);
    expect((await limiter.hit('e')).allowed).toBe(false);
  });
});
