/*
 * The plan's cache rules in the optimized variant, checked in Redis itself: a rider's state fills
 * rider:duty, rider:location and rider:wallet:balance with their TTLs; a ledger insert deletes the balance
 * key (the next read shows the new balance); a duty change deletes rider:duty and the city's active set.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityOfRider } from '../../scenarios/riders/layout.ts';
import { testRedisUrl } from '../helpers/testRedis.ts';
import { seededRidersDatabase, startRidersApi, type RidersDatabase, type RidersTestApi } from './helpers/ridersTestApi.ts';

const RIDER = 7;

describe.skipIf(!testRedisUrl())('riders optimized: Redis keys, TTLs and invalidation', () => {
  let db: RidersDatabase;
  let api: RidersTestApi;
  let redis: Redis;
  const key = (k: string) => api.config.redisKeyPrefix + k;
  const state = async () => (await api.app.inject({ method: 'GET', url: `/riders/${RIDER}` })).json() as { duty: string; wallet_balance: string };

  beforeAll(async () => {
    db = await seededRidersDatabase('riders cache', { variants: ['optimized'] });
    api = await startRidersApi('riders cache', 'optimized', db.urls.optimized);
    redis = new Redis(testRedisUrl()!);
  }, 120_000);

  afterAll(async () => {
    redis?.disconnect();
    await api?.close();
    await db?.drop();
  });

  it('fills each key of a rider state read with the plan\'s TTL', async () => {
    await state();
    const ttls = await Promise.all([`rider:duty:${RIDER}`, `rider:location:${RIDER}`, `rider:wallet:balance:${RIDER}`].map((k) => redis.ttl(key(k))));
    expect(ttls[0]).toBeGreaterThan(240); // 5 min
    expect(ttls[0]).toBeLessThanOrEqual(300);
    for (const t of ttls.slice(1)) {
      expect(t).toBeGreaterThan(0); // 1 min
      expect(t).toBeLessThanOrEqual(60);
    }
  });

  it('deletes the cached balance on a ledger insert, so the next read shows the new balance', async () => {
    const before = await state();
    expect(await redis.exists(key(`rider:wallet:balance:${RIDER}`))).toBe(1);
    const entry = await api.app.inject({ method: 'POST', url: `/riders/${RIDER}/wallet`, payload: { amount: 12.34, entry_type: 'incentive' } });
    expect(entry.statusCode).toBe(201);
    expect(await redis.exists(key(`rider:wallet:balance:${RIDER}`))).toBe(0);
    const after = await state();
    expect(Math.round(Number(after.wallet_balance) * 100)).toBe(Math.round(Number(before.wallet_balance) * 100) + 1234);
    expect(entry.json().balance).toBe(after.wallet_balance);
  });

  it('deletes rider:duty and the city\'s active set on a duty change', async () => {
    const city = cityOfRider(RIDER);
    await state();
    await api.app.inject({ method: 'GET', url: `/cities/${city}/riders/active` });
    const setTtl = await redis.ttl(key(`riders:active:city:${city}`));
    const hadSet = await redis.exists(key(`riders:active:city:${city}`));
    const next = (await state()).duty === 'ON' ? 'OFF' : 'ON';
    const r = await api.app.inject({ method: 'POST', url: `/riders/${RIDER}/duty`, payload: { status: next } });
    expect(r.statusCode).toBe(200);
    expect(await redis.exists(key(`rider:duty:${RIDER}`))).toBe(0);
    expect(await redis.exists(key(`riders:active:city:${city}`))).toBe(0);
    expect((await state()).duty).toBe(next);
    const active = (await api.app.inject({ method: 'GET', url: `/cities/${city}/riders/active` })).json() as { rider_ids: number[] };
    const c = await db.client('optimized');
    const eligible = (await c.query(`SELECT status = 'ACTIVE' AND kyc_status = 'APPROVED' AS ok FROM riders WHERE id = $1`, [RIDER])).rows[0].ok as boolean;
    expect(active.rider_ids.includes(RIDER)).toBe(eligible && next === 'ON');
    // The set existed with its 30 s TTL before the change (a city with on-duty riders).
    if (hadSet) expect(setTtl).toBeLessThanOrEqual(30);
  });
});
