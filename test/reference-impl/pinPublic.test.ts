/* GET /pin/public/:number over real Postgres and Redis: one-statement read, cache-aside, ETag/304, 404s. */
import { afterEach, describe, expect, it } from 'vitest';
import { deletePrefix, redisTitle, testRedisUrl } from '../helpers/testRedis.ts';
import { insertPins } from './helpers/insertPins.ts';
import { startTestApi, type TestApi } from './helpers/testApi.ts';

describe.skipIf(!testRedisUrl())(redisTitle('GET /pin/public/:number'), () => {
  let api: TestApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('answers MISS from Postgres and then HIT from Redis with the same body and ETag', async () => {
    api = await startTestApi('pin public hit after miss', { redisUrl: testRedisUrl() });
    await insertPins(api.database.url, [7]);
    const first = await api.app.inject({ method: 'GET', url: '/pin/public/P0000007' });
    const second = await api.app.inject({ method: 'GET', url: '/pin/public/P0000007' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-cache']).toBe('MISS');
    expect(second.statusCode).toBe(200);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    expect(first.headers['content-type']).toMatch(/^application\/json/);
  });

  it('stores the value under pin:<number> behind the configured prefix with the pin TTL', async () => {
    api = await startTestApi('pin public key and ttl', { redisUrl: testRedisUrl(), pinTtlS: 45 });
    await insertPins(api.database.url, [8]);
    await api.app.inject({ method: 'GET', url: '/pin/public/P0000008' });
    const { Redis } = await import('ioredis');
    const r = new Redis(testRedisUrl()!);
    try {
      const key = `${api.config.redisKeyPrefix}pin:P0000008`;
      expect(await r.exists(key)).toBe(1);
      const ttl = await r.ttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(45);
    } finally {
      r.disconnect();
    }
  });

  it('returns the PIN with profile, skills and experiences from ONE database statement', async () => {
    api = await startTestApi('pin public one statement', { redisUrl: testRedisUrl() });
    await insertPins(api.database.url, [9]);
    await api.app.ready();
    const before = api.app.scaleproof.db.queryCount;
    const res = await api.app.inject({ method: 'GET', url: '/pin/public/P0000009' });
    expect(api.app.scaleproof.db.queryCount - before).toBe(1);
    const body = res.json() as { pin_number: string; profile: { full_name: string }; skills: Array<{ name: string }>; experiences: Array<{ company: string }> };
    expect(body.pin_number).toBe('P0000009');
    expect(body.profile.full_name).toBe('Person 9');
    expect(body.skills.map((s) => s.name)).toEqual(['sql', 'typescript']);
    expect(body.experiences.map((e) => e.company)).toEqual(['Globex', 'Acme']); // newest first
    expect(JSON.stringify(body)).not.toContain('@example.test'); // the public page leaves the email out
  });

  it('answers 304 with ETag and X-Cache to a matching If-None-Match and 200 to a stale one', async () => {
    api = await startTestApi('pin public etag 304', { redisUrl: testRedisUrl() });
    await insertPins(api.database.url, [11]);
    const first = await api.app.inject({ method: 'GET', url: '/pin/public/P0000011' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);

    const notModified = await api.app.inject({ method: 'GET', url: '/pin/public/P0000011', headers: { 'if-none-match': etag } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    expect(notModified.headers.etag).toBe(etag);
    expect(notModified.headers['x-cache']).toBe('HIT');

    const listed = await api.app.inject({ method: 'GET', url: '/pin/public/P0000011', headers: { 'if-none-match': `"other", W/${etag}` } });
    expect(listed.statusCode).toBe(304);

    const stale = await api.app.inject({ method: 'GET', url: '/pin/public/P0000011', headers: { 'if-none-match': '"stale"' } });
    expect(stale.statusCode).toBe(200);
    expect(stale.body).toBe(first.body);
  });

  it('answers 304 on a cold cache too, with X-Cache MISS', async () => {
    api = await startTestApi('pin public 304 miss', { redisUrl: testRedisUrl() });
    await insertPins(api.database.url, [12]);
    const first = await api.app.inject({ method: 'GET', url: '/pin/public/P0000012' });
    await deletePrefix(testRedisUrl()!, api.config.redisKeyPrefix);
    const res = await api.app.inject({ method: 'GET', url: '/pin/public/P0000012', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(res.statusCode).toBe(304);
    expect(res.headers['x-cache']).toBe('MISS');
  });

  it('answers 404 JSON for an unknown PIN and for a PIN that is not public', async () => {
    api = await startTestApi('pin public not found', { redisUrl: testRedisUrl() });
    await insertPins(api.database.url, [13], { visibility: 'private' });
    for (const url of ['/pin/public/P0000099', '/pin/public/P0000013']) {
      const res = await api.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'PIN_NOT_FOUND', message: expect.any(String) } });
    }
  });
});
