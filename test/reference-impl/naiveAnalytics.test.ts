/*
 * The analytics workload's naive variant (seed 000's "before") answers exactly what the optimized variant
 * answers: one small dataset seeded into both variants' schemas of one database, both APIs built on it, and
 * every route compared request by request (status, headers that matter, body). Only refreshed_at may differ:
 * the rollup's is its refresh time, naive's is the query's (both null or both a timestamp).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSchema } from '../../harness/migrate/schemaUrl.ts';
import { analyticsPlugin } from '../../reference-impl/analytics/analyticsPlugin.ts';
import { analyticsEnvValues } from '../../reference-impl/analytics/analyticsSettings.ts';
import { naiveAnalyticsPlugin } from '../../reference-impl/analytics/naivePlugin.ts';
import { defaultApiConfig, type ApiConfig } from '../../reference-impl/platform/apiConfig.ts';
import { buildApp } from '../../reference-impl/platform/buildApp.ts';
import { pinNumber } from '../../seeders/analytics/pinNumber.ts';
import { seedDataset } from '../../seeders/analytics/seedDataset.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';
import { deletePrefix, keyPrefix, testRedisUrl } from '../helpers/testRedis.ts';

const USERS = 300;
const PRIVATE_PIN = 7;
const NO_PROFILE_PIN = 8; // its owner's profile is deleted
const BARE_PIN = 9; // no bio, no skills, no experiences
const TRICKY_PIN = 10; // title and bio need JSON escaping
const PINS = [1, 2, 3, 5, PRIVATE_PIN, NO_PROFILE_PIN, BARE_PIN, TRICKY_PIN, 42, 150, 299, USERS];
const UNKNOWN_PIN = 'P0009999';
const USER_IDS = ['1', '2', '3', String(NO_PROFILE_PIN), '42', '150', String(USERS), '9999'];

let database: TestDatabase;
let urls: { optimized: string; naive: string };
let optimized: FastifyInstance;
let naive: FastifyInstance;
let redisPrefix: string;

async function sql(url: string, text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(text, values);
  } finally {
    await c.end();
  }
}

/** The same edge cases in both schemas: a private PIN, a PIN without profile, a bare PIN, a PIN with odd text. */
async function shapeEdgeCases(url: string): Promise<void> {
  await sql(url, `UPDATE professional_pins SET visibility = 'private' WHERE id = $1`, [PRIVATE_PIN]);
  await sql(url, `DELETE FROM profiles WHERE user_id = (SELECT user_id FROM professional_pins WHERE id = $1)`, [NO_PROFILE_PIN]);
  await sql(url, `UPDATE professional_pins SET bio = NULL WHERE id = $1`, [BARE_PIN]);
  await sql(url, `DELETE FROM pin_skills WHERE pin_id = $1`, [BARE_PIN]);
  await sql(url, `DELETE FROM pin_experiences WHERE pin_id = $1`, [BARE_PIN]);
  await sql(url, `UPDATE professional_pins SET title = $2, bio = $3 WHERE id = $1`, [TRICKY_PIN, 'Quote " back\\slash\ttab', 'line\nbreak \u0001 ünïcödé 🚀 </script>']);
}

async function app(url: string, variant: 'optimized' | 'naive'): Promise<FastifyInstance> {
  const config: ApiConfig = { ...defaultApiConfig, databaseUrl: url, redisUrl: testRedisUrl(), redisKeyPrefix: redisPrefix, logLevel: 'silent' };
  const a = variant === 'optimized'
    ? await buildApp(config, analyticsPlugin, { settings: analyticsEnvValues({ mvRefreshIntervalS: 0 }), variant })
    : await buildApp(config, naiveAnalyticsPlugin, { variant });
  await a.ready();
  return a;
}

beforeAll(async () => {
  database = await createTestDatabase('naive analytics');
  urls = { optimized: withSchema(database.url, 'analytics_optimized'), naive: withSchema(database.url, 'analytics_naive') };
  redisPrefix = keyPrefix('naive analytics');
  // asOf now: the 30- and 90-day windows hold seeded events.
  const asOf = new Date();
  for (const variant of ['optimized', 'naive'] as const) {
    await seedDataset({ databaseUrl: urls[variant], variant, users: USERS, eventsPerUser: 5, seed: 11, asOf, streams: 2, log: () => undefined });
    await shapeEdgeCases(urls[variant]);
  }
  // The rollup right before the comparison, so its windows end where naive's live ones do (to the second).
  await sql(urls.optimized, 'REFRESH MATERIALIZED VIEW pin_analytics_mv');
  optimized = await app(urls.optimized, 'optimized');
  naive = await app(urls.naive, 'naive');
});

afterAll(async () => {
  await optimized?.close();
  await naive?.close();
  await database?.drop();
  const redisUrl = testRedisUrl();
  if (redisUrl && redisPrefix) await deletePrefix(redisUrl, redisPrefix);
});

type Req = { method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; payload?: string };

async function both(req: Req): Promise<{ opt: LightMyRequestResponse; nai: LightMyRequestResponse }> {
  return { opt: await optimized.inject(req), nai: await naive.inject(req) };
}

function withoutRefreshedAt(body: string): Record<string, unknown> {
  const { refreshed_at: _r, ...rest } = JSON.parse(body) as Record<string, unknown>;
  return rest;
}

describe('the naive analytics variant', () => {
  it('answers GET /pin/public/:number with the same status, ETag, Cache-Control and bytes as the optimized variant', async () => {
    const keys = [...PINS.map(pinNumber), UNKNOWN_PIN];
    const statuses: number[] = [];
    for (const key of keys) {
      const { opt, nai } = await both({ method: 'GET', url: `/pin/public/${key}` });
      expect(nai.statusCode, key).toBe(opt.statusCode);
      expect(nai.headers['content-type'], key).toBe(opt.headers['content-type']);
      expect(nai.body, key).toBe(opt.body);
      expect(nai.headers.etag, key).toBe(opt.headers.etag);
      expect(nai.headers['cache-control'], key).toBe(opt.headers['cache-control']);
      expect(nai.headers['x-cache'], key).toBeUndefined(); // no cache in the before
      statuses.push(nai.statusCode);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(PINS.length - 1);
    expect(statuses.filter((s) => s === 404)).toHaveLength(2); // the private PIN and the unknown one
    const bare = JSON.parse((await naive.inject({ method: 'GET', url: `/pin/public/${pinNumber(BARE_PIN)}` })).body) as Record<string, unknown>;
    expect(bare).toMatchObject({ bio: null, skills: [], experiences: [] });
    const orphan = JSON.parse((await naive.inject({ method: 'GET', url: `/pin/public/${pinNumber(NO_PROFILE_PIN)}` })).body) as Record<string, unknown>;
    expect(orphan.profile).toBeNull();
  });

  it('answers If-None-Match with the optimized ETag by 304 with the same headers, and a stale ETag by 200', async () => {
    const url = `/pin/public/${pinNumber(1)}`;
    const etag = (await optimized.inject({ method: 'GET', url })).headers.etag as string;
    const { opt, nai } = await both({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect([opt.statusCode, nai.statusCode]).toEqual([304, 304]);
    expect(nai.body).toBe('');
    expect(nai.headers.etag).toBe(etag);
    expect(nai.headers['cache-control']).toBe(opt.headers['cache-control']);
    const stale = await both({ method: 'GET', url, headers: { 'if-none-match': '"stale"' } });
    expect([stale.opt.statusCode, stale.nai.statusCode]).toEqual([200, 200]);
  });

  it('answers GET /pins/:number/analytics for 30d, 90d and the default window with the numbers of the rollup', async () => {
    const keys = [...PINS.map(pinNumber), UNKNOWN_PIN];
    let counted = 0;
    for (const key of keys) {
      for (const query of ['?window=30d', '?window=90d', '']) {
        const url = `/pins/${key}/analytics${query}`;
        const { opt, nai } = await both({ method: 'GET', url });
        expect(nai.statusCode, url).toBe(opt.statusCode);
        expect(nai.headers['content-type'], url).toBe(opt.headers['content-type']);
        if (opt.statusCode !== 200) {
          expect(nai.body, url).toBe(opt.body);
          continue;
        }
        expect(withoutRefreshedAt(nai.body), url).toEqual(withoutRefreshedAt(opt.body));
        const [o, n] = [JSON.parse(opt.body) as { refreshed_at: unknown; total: number }, JSON.parse(nai.body) as { refreshed_at: unknown }];
        expect(typeof n.refreshed_at, url).toBe(typeof o.refreshed_at); // both a timestamp, or both null
        if (o.total > 0) counted++;
      }
    }
    expect(counted).toBeGreaterThan(10); // the comparison covered real numbers, not only zeros
    const unknown = await naive.inject({ method: 'GET', url: `/pins/${UNKNOWN_PIN}/analytics` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'PIN_NOT_FOUND' } });
  });

  it('answers GET /users/:id with the same status and bytes as the optimized variant', async () => {
    for (const id of USER_IDS) {
      const { opt, nai } = await both({ method: 'GET', url: `/users/${id}` });
      expect(nai.statusCode, id).toBe(opt.statusCode);
      expect(nai.headers['content-type'], id).toBe(opt.headers['content-type']);
      expect(nai.body, id).toBe(opt.body);
    }
    expect((await naive.inject({ method: 'GET', url: '/users/9999' })).statusCode).toBe(404);
  });

  it('answers POST /pins/:number/events 202 {"accepted":1} only after its row is in pin_analytics', async () => {
    const count = async () => Number((await sql(urls.naive, `SELECT count(*) AS n FROM pin_analytics WHERE pin_id = 2 AND event_type = 'contact' AND created_at > now() - interval '1 minute'`)).rows[0].n);
    const before = await count();
    const req: Req = { method: 'POST', url: '/pins/P0000002/events', headers: { 'content-type': 'application/json' }, payload: '{"event_type":"contact"}' };
    const { opt, nai } = await both(req);
    expect([opt.statusCode, nai.statusCode]).toEqual([202, 202]);
    expect(nai.body).toBe(opt.body);
    expect(nai.json()).toEqual({ accepted: 1 });
    expect(await count()).toBe(before + 1); // right after the response: no buffer in between
    const row = (await sql(urls.naive, `SELECT pin_number, id > $1 AS past_seed FROM pin_analytics WHERE pin_id = 2 AND event_type = 'contact' ORDER BY id DESC LIMIT 1`, [USERS * 5])).rows[0];
    expect(row).toEqual({ pin_number: 'P0000002', past_seed: true }); // the id sequence starts after the seeded ids
  });

  it('answers malformed requests with the same 4xx and the same error body as the optimized variant', async () => {
    const json = { 'content-type': 'application/json' };
    const cases: Req[] = [
      { method: 'GET', url: '/pin/public/0000001' },
      { method: 'GET', url: '/pin/public/P123' },
      { method: 'GET', url: '/pins/P0000001/analytics?window=7d' },
      { method: 'GET', url: '/pins/P0000001/analytics?window=30d&window=90d' },
      { method: 'GET', url: '/pins/bad/analytics' },
      { method: 'GET', url: '/users/abc' },
      { method: 'GET', url: '/users/0' },
      { method: 'POST', url: '/pins/P0000001/events', headers: json, payload: '{"event_type": view' },
      { method: 'POST', url: '/pins/P0000001/events', headers: json, payload: '{"event_type":"purchase"}' },
      { method: 'POST', url: '/pins/P0000001/events', headers: json, payload: '{}' },
      { method: 'POST', url: '/pins/P0000001/events', headers: { 'content-type': 'text/plain' }, payload: 'view' },
      { method: 'POST', url: '/pins/P0000001/events', headers: json, payload: JSON.stringify({ event_type: 'view', pad: 'x'.repeat(defaultApiConfig.bodyLimitBytes) }) },
      { method: 'POST', url: '/pins/bad/events', headers: json, payload: '{"event_type":"view"}' },
    ];
    for (const c of cases) {
      const { opt, nai } = await both(c);
      const what = `${c.method} ${c.url} ${c.payload?.slice(0, 30) ?? ''}`;
      expect(opt.statusCode, what).toBeGreaterThanOrEqual(400);
      expect(opt.statusCode, what).toBeLessThan(500);
      expect(nai.statusCode, what).toBe(opt.statusCode);
      expect(nai.json(), what).toEqual(opt.json());
    }
  });
});
