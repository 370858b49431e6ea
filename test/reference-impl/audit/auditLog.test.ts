/*
 * Seed 000's audit log over real Redis and Postgres: the stream keeps 90 days (each append trims older
 * entries), and the summary job, run directly, writes one pin_audit_daily row per day and action, the same
 * on a rerun.
 */
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../../../reference-impl/platform/db/createPool.ts';
import { Database } from '../../../reference-impl/platform/db/Database.ts';
import { stderrLogger } from '../../../reference-impl/platform/log/ApiLogger.ts';
import { redisAuditLog } from '../../../reference-impl/analytics/audit/AuditLog.ts';
import { summarizeAuditDays } from '../../../reference-impl/analytics/audit/summarizeAuditDays.ts';
import type { TestDatabase } from '../../helpers/testDatabase.ts';
import { deletePrefix, keyPrefix, redisTitle, testRedisUrl } from '../../helpers/testRedis.ts';
import { createTestDb } from '../helpers/testApi.ts';

const DAY_MS = 86_400_000;

describe.skipIf(!testRedisUrl())(redisTitle('audit log: Redis stream with 90-day retention, daily counts in Postgres'), () => {
  let redis: Redis;
  let database: TestDatabase;
  let db: Database;
  const prefix = keyPrefix('audit log');
  const key = `${prefix}audit`;

  beforeAll(async () => {
    redis = new Redis(testRedisUrl()!);
    database = await createTestDb('audit log');
    db = new Database('primary', createPool({ url: database.url, name: 'primary', max: 2, statementTimeoutMs: 10_000, log: stderrLogger, onIdleError: () => undefined }), () => undefined);
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await database?.drop();
    await deletePrefix(testRedisUrl()!, prefix);
    redis?.disconnect();
  });

  it('drops entries older than 90 days on the next append and keeps the younger ones', async () => {
    const now = Date.now();
    await redis.xadd(key, `${now - 91 * DAY_MS}-0`, 'action', 'match_state', 'match_id', '1');
    await redis.xadd(key, `${now - 89 * DAY_MS}-0`, 'action', 'match_state', 'match_id', '2');
    const audit = redisAuditLog(redis, prefix);
    await audit.append('match_state', { match_id: '3', state: 'paused' }, now);
    const ids = (await redis.xrange(key, '-', '+')).map(([id, fields]) => ({ ms: Number(id.split('-')[0]), id: fields[fields.indexOf('match_id') + 1] }));
    expect(ids.map((e) => e.id)).toEqual(['2', '3']);
    expect(ids[0]!.ms).toBe(now - 89 * DAY_MS);
    expect(await audit.length()).toBe(2);
  });

  it('counts each day per action into pin_audit_daily, and a rerun gives the same rows', async () => {
    await redis.del(key);
    const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    // Explicit ids must grow: each action gets its own second of the day.
    const at = (day: number, n: number, action: string, s: number) => Array.from({ length: n }, (_, i) => redis.xadd(key, `${today - day * DAY_MS + s * 1000 + i}-0`, 'action', action));
    await Promise.all([...at(2, 3, 'match_state', 1), ...at(1, 2, 'match_state', 1), ...at(1, 4, 'admin_action', 5)]);
    const audit = redisAuditLog(redis, prefix);
    await audit.append('match_state', { match_id: '9' }); // today, through the API's own path

    const first = await summarizeAuditDays(db, audit);
    expect(first.entries).toBe(10);
    const rows = async () => {
      const c = new pg.Client({ connectionString: database.url });
      await c.connect();
      try {
        return (await c.query<{ day: string; action: string; entries: string }>("SELECT to_char(day, 'YYYY-MM-DD') AS day, action, entries FROM pin_audit_daily ORDER BY day, action")).rows
          .map((r) => `${r.day} ${r.action} ${r.entries}`);
      } finally {
        await c.end();
      }
    };
    const d = (n: number) => new Date(today - n * DAY_MS).toISOString().slice(0, 10);
    const expected = [`${d(2)} match_state 3`, `${d(1)} admin_action 4`, `${d(1)} match_state 2`, `${d(0)} match_state 1`];
    expect(await rows()).toEqual(expected);
    await summarizeAuditDays(db, audit);
    expect(await rows()).toEqual(expected);
  });
});
