/*
 * Against the real server process (scripts/api.ts analytics, optimized), real Redis and real Postgres: every
 * message the API answered 201 is in Postgres after the flush worker's next run, and after a SIGTERM that
 * lands in the middle of a burst of sends (the close path's last flush), with no flush having run before it.
 */
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { withSchema } from '../../../harness/migrate/schemaUrl.ts';
import { startApi, type ApiProcess } from '../../../harness/run/startApi.ts';
import type { TestDatabase } from '../../helpers/testDatabase.ts';
import { deletePrefix, keyPrefix, redisTitle, testRedisUrl } from '../../helpers/testRedis.ts';
import { createTestDb } from '../helpers/testApi.ts';
import { waitFor } from '../helpers/waitFor.ts';

const API_SCRIPT = path.resolve(import.meta.dirname, '../../../scripts/api.ts');
const MATCHES = 50;

/** One message POSTed over a real socket: its status and id, or status -1 when the server is gone. */
function postMessage(agent: http.Agent, base: URL, match: number, text: string): Promise<{ status: number; id?: string }> {
  const body = JSON.stringify({ sender_pin: match, body: text });
  return new Promise((resolve) => {
    const req = http.request({
      agent, host: base.hostname, port: base.port, method: 'POST', path: `/matches/${match}/messages`,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        resolve(status === 201 ? { status, id: (JSON.parse(Buffer.concat(chunks).toString()) as { id: string }).id } : { status });
      });
      res.on('error', () => resolve({ status: -1 }));
    });
    req.on('error', () => resolve({ status: -1 }));
    req.end(body);
  });
}

async function storedIds(url: string): Promise<Set<string>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return new Set((await c.query<{ id: string }>('SELECT id FROM messages')).rows.map((r) => r.id));
  } finally {
    await c.end();
  }
}

describe.skipIf(!testRedisUrl())(redisTitle('acknowledged messages reach Postgres'), () => {
  let api: ApiProcess | undefined;
  let database: TestDatabase | undefined;
  let prefix = '';
  afterEach(async () => {
    await api?.stop(5000);
    await database?.drop();
    await deletePrefix(testRedisUrl()!, prefix);
    api = undefined;
    database = undefined;
  });

  async function start(name: string, flushS: number): Promise<{ base: URL; schemaUrl: string }> {
    database = await createTestDb(name);
    prefix = keyPrefix(name);
    api = await startApi({
      entry: API_SCRIPT,
      args: ['analytics', '--variant', 'optimized'],
      env: {
        ...process.env, DATABASE_URL: database.url, REDIS_URL: testRedisUrl(), SCALEPROOF_REDIS_PREFIX: prefix, PORT: '0', HOST: '127.0.0.1',
        SCALEPROOF_LOG_LEVEL: 'warn', SCALEPROOF_MV_REFRESH_INTERVAL_S: '0', SCALEPROOF_ANALYTICS_MESSAGE_FLUSH_S: String(flushS),
      },
    });
    // `pnpm api analytics` serves the workload's own schema of the database it is given (migrated at start).
    const schemaUrl = withSchema(database.url, 'analytics_optimized');
    const c = new pg.Client({ connectionString: schemaUrl });
    await c.connect();
    await c.query('INSERT INTO matches (id, pin_a, pin_b) SELECT g, g, g + 1 FROM generate_series(1, $1::int) g', [MATCHES]);
    await c.end();
    return { base: new URL(api.url), schemaUrl };
  }

  it("stores every message answered 201 after the worker's next flush, with the API still running", async () => {
    const { base, schemaUrl } = await start('msg next flush', 1);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const acked: string[] = [];
    await Promise.all(Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; i < 25; i++) {
        const r = await postMessage(agent, base, 1 + ((w * 25 + i) % MATCHES), `m${w}-${i}`);
        expect(r.status).toBe(201);
        acked.push(r.id!);
      }
    }));
    agent.destroy();
    await waitFor('the flush worker to persist every acknowledged message', async () => (await storedIds(schemaUrl)).size >= acked.length);
    const stored = await storedIds(schemaUrl);
    expect(acked.filter((id) => !stored.has(id))).toEqual([]);
    expect(stored.size).toBe(acked.length);
  });

  it('stores every message answered 201 when SIGTERM lands in a burst, and exits 0', async () => {
    const { base, schemaUrl } = await start('msg sigterm', 3600); // no periodic flush: only the close path's
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const acked: string[] = [];
    const statuses = new Set<number>();
    let sent = 0;
    let stopping: Promise<number | null> | undefined;
    await Promise.all(Array.from({ length: 16 }, async () => {
      while (sent < 3000) {
        sent++;
        const r = await postMessage(agent, base, 1 + (sent % MATCHES), `burst ${sent}`);
        statuses.add(r.status);
        if (r.id) acked.push(r.id);
        if (acked.length === 300 && !stopping) stopping = api!.stop(20_000);
        if (r.status === -1) break;
      }
    }));
    agent.destroy();
    const exitCode = await (stopping ?? api!.stop(20_000));
    api = undefined;

    expect(exitCode).toBe(0);
    expect(acked.length).toBeGreaterThanOrEqual(300);
    expect(sent).toBeLessThan(3000); // the burst was cut by the shutdown
    expect([...statuses].every((s) => s === 201 || s === 503 || s === -1), [...statuses].join(',')).toBe(true);
    const stored = await storedIds(schemaUrl);
    expect(acked.filter((id) => !stored.has(id))).toEqual([]);
    expect(stored.size).toBe(acked.length);
  });
});
