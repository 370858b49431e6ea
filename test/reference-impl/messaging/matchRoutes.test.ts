/*
 * Seed 000's messaging and matches in the optimized variant, over real Postgres and Redis: a message is
 * acknowledged from Redis, served from Redis, persisted by the flush worker, and older pages come from
 * Postgres; match states are persisted the same way and audited; bad input is a 4xx JSON error.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { redisTitle, testRedisUrl } from '../../helpers/testRedis.ts';
import { startTestApi, type TestApi } from '../helpers/testApi.ts';

async function sql<R extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<R>(text, values)).rows;
  } finally {
    await c.end();
  }
}

async function flush(api: TestApi): Promise<boolean> {
  return api.app.scaleproof.tasks.get('chat_flush')!.task.runNow();
}

describe.skipIf(!testRedisUrl())(redisTitle('optimized messaging: Redis first, batched to Postgres'), () => {
  let api: TestApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  async function start(name: string): Promise<TestApi> {
    const a = await startTestApi(name, { redisUrl: testRedisUrl(), messageFlushS: 3600, recentMessages: 3 });
    await a.app.ready();
    await sql(a.database.url, "INSERT INTO matches (id, pin_a, pin_b) VALUES (1, 1, 2), (2, 2, 3)");
    return a;
  }

  it('acknowledges a message without writing Postgres, serves it from Redis, and persists it on the next flush', async () => {
    api = await start('msg ack flush');
    const sent = await api.app.inject({ method: 'POST', url: '/matches/1/messages', payload: { sender_pin: 2, body: 'hi there' } });
    expect(sent.statusCode).toBe(201);
    const message = sent.json();
    expect(message).toMatchObject({ match_id: 1, sender_pin: 2, body: 'hi there' });
    expect(await sql(api.database.url, 'SELECT id FROM messages')).toEqual([]);

    // Redis holds the match's whole history (Postgres had none of it, the list was never trimmed): no query.
    const queries = api.app.scaleproof.db.queryCount;
    const page = await api.app.inject({ method: 'GET', url: '/matches/1/messages' });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toEqual({ match_id: 1, messages: [message], next_before: null });
    expect(api.app.scaleproof.db.queryCount - queries).toBe(0);

    expect(await flush(api)).toBe(true);
    const rows = await sql<{ id: string; body: string; created_at: Date }>(api.database.url, 'SELECT id, body, created_at FROM messages');
    expect(rows.map((r) => ({ id: r.id, body: r.body, created_at: r.created_at.toISOString() }))).toEqual([{ id: message.id, body: 'hi there', created_at: message.created_at }]);
    // Stored in its month's partition, not the DEFAULT one (the maintenance task made the month at start).
    expect(await sql(api.database.url, 'SELECT id FROM messages_default')).toEqual([]);
    // A second flush finds nothing pending and writes nothing twice.
    expect(await flush(api)).toBe(true);
    expect(await sql(api.database.url, 'SELECT id FROM messages')).toHaveLength(1);
  });

  it('pages newest first: the newest from Redis, older ones from Postgres, none twice', async () => {
    api = await start('msg pages');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await api.app.inject({ method: 'POST', url: '/matches/1/messages', payload: { sender_pin: 1 + (i % 2), body: `m${i}` } });
      expect(r.statusCode).toBe(201);
      ids.push(r.json().id);
      await new Promise((res) => setTimeout(res, 2)); // distinct created_at milliseconds
    }
    expect(await flush(api)).toBe(true);
    const bodies: string[] = [];
    let url = '/matches/1/messages?limit=3';
    for (let guard = 0; guard < 5; guard++) {
      const page = await api.app.inject({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      const body = page.json() as { messages: Array<{ body: string }>; next_before: number | null };
      bodies.push(...body.messages.map((m) => m.body));
      if (body.next_before === null) break;
      url = `/matches/1/messages?limit=3&before=${body.next_before}`;
    }
    expect(bodies).toEqual(['m6', 'm5', 'm4', 'm3', 'm2', 'm1', 'm0']);
  });

  it('pages a match with older messages in Postgres from both, newest first', async () => {
    api = await start('msg older in postgres');
    await sql(api.database.url, "INSERT INTO messages (id, match_id, sender_pin, body, created_at) VALUES (gen_random_uuid(), 2, 3, 'from before', now() - interval '1 day')");
    const sent = await api.app.inject({ method: 'POST', url: '/matches/2/messages', payload: { sender_pin: 2, body: 'new one' } });
    expect(sent.statusCode).toBe(201);
    const page = await api.app.inject({ method: 'GET', url: '/matches/2/messages' });
    expect((page.json() as { messages: Array<{ body: string }> }).messages.map((m) => m.body)).toEqual(['new one', 'from before']);
  });

  it('keeps match state in Redis, persists it on flush, and audits the change', async () => {
    api = await start('match state');
    const r = await api.app.inject({ method: 'POST', url: '/matches/2/state', payload: { state: 'paused' } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ match_id: 2, state: 'paused' });
    expect((await sql<{ state: string }>(api.database.url, 'SELECT state FROM matches WHERE id = 2'))[0]!.state).toBe('active');
    expect(await flush(api)).toBe(true);
    expect((await sql<{ state: string }>(api.database.url, 'SELECT state FROM matches WHERE id = 2'))[0]!.state).toBe('paused');
    const redis = new Redis(testRedisUrl()!);
    try {
      const entries = await redis.xrange(`${api.config.redisKeyPrefix}audit`, '-', '+');
      expect(entries.map(([, f]) => f)).toEqual([['action', 'match_state', 'match_id', '2', 'state', 'paused']]);
    } finally {
      redis.disconnect();
    }
  });

  it('answers bad input with 4xx JSON errors and an unknown match with 404', async () => {
    api = await start('msg bad input');
    const cases: Array<[string, string, unknown, number, string]> = [
      ['POST', '/matches/0/messages', { sender_pin: 1, body: 'x' }, 400, 'INVALID_MATCH_ID'],
      ['POST', '/matches/abc/messages', { sender_pin: 1, body: 'x' }, 400, 'INVALID_MATCH_ID'],
      ['POST', '/matches/1/messages', { sender_pin: 1, body: '' }, 400, ''],
      ['POST', '/matches/1/messages', { sender_pin: '1', body: 'x' }, 400, ''],
      ['POST', '/matches/1/messages', { sender_pin: 3, body: 'x' }, 403, 'NOT_IN_MATCH'],
      ['POST', '/matches/99/messages', { sender_pin: 1, body: 'x' }, 404, 'MATCH_NOT_FOUND'],
      ['GET', '/matches/1/messages?limit=0', undefined, 400, 'INVALID_LIMIT'],
      ['GET', '/matches/1/messages?limit=101', undefined, 400, 'INVALID_LIMIT'],
      ['GET', '/matches/1/messages?before=yesterday', undefined, 400, 'INVALID_BEFORE'],
      ['GET', '/matches/99/messages', undefined, 404, 'MATCH_NOT_FOUND'],
      ['POST', '/matches/1/state', { state: 'deleted' }, 400, ''],
      ['POST', '/matches/99/state', { state: 'paused' }, 404, 'MATCH_NOT_FOUND'],
    ];
    for (const [method, url, payload, status, code] of cases) {
      const r = await api.app.inject({ method: method as 'GET' | 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) });
      expect(r.statusCode, `${method} ${url}`).toBe(status);
      expect(r.headers['content-type'], url).toMatch(/application\/json/);
      const err = r.json() as { error: { code: string; message: string } };
      if (code) expect(err.error.code, url).toBe(code);
      expect(err.error.message.length, url).toBeGreaterThan(0);
    }
    expect(await sql(api.database.url, 'SELECT id FROM messages')).toEqual([]);
  });
});
