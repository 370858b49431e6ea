/*
 * A connection that dies while a route holds it (a backend terminated between the route's statements, as
 * `--fault pg-restart` or a real restart does) fails that request with 503 and leaves the API serving. pg's pool
 * listens for errors only on idle clients, so without the API's own listener the lent client's 'error' event went
 * unheard and crashed the process. Real Postgres; the API in this process, so a crash is an uncaught exception here.
 */
import { once } from 'node:events';
import type { Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultApiConfig } from '../../reference-impl/platform/apiConfig.ts';
import { buildApp } from '../../reference-impl/platform/buildApp.ts';
import { MemoryStore } from '../../reference-impl/platform/cache/MemoryStore.ts';
import { unavailableAs503 } from '../../reference-impl/platform/db/unavailableAs503.ts';
import type { WorkloadPlugin } from '../../reference-impl/platform/WorkloadPlugin.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

describe('a lent connection lost between statements', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('lent connection lost');
  });
  afterAll(async () => {
    await db?.drop();
  });

  /** Terminates `pid` from outside and waits until the lent client's socket has read the FATAL and closed. */
  const terminate = async (client: pg.PoolClient, pid: number) => {
    const stream = (client as unknown as { connection: { stream: Socket } }).connection.stream;
    const closed = once(stream, 'close');
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    await closed;
  };

  const plugin: WorkloadPlugin = {
    keyFamilies: [],
    register: async (app, { parts }) => {
      app.get<{ Querystring: { kill?: string } }>('/two-statements', async (req) =>
        unavailableAs503(() =>
          parts.db.withClient(2, async (c) => {
            const pid = (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
            if (req.query.kill === '1') await terminate(c, pid);
            const r = await c.query<{ n: number }>('SELECT 2 AS n');
            return { n: r.rows[0]!.n };
          }),
        ),
      );
    },
  };

  it('answers 503 for the request that held it, keeps the process up, and serves the next request', async () => {
    const uncaught: Error[] = [];
    const onUncaught = (err: Error) => uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    const app = await buildApp({ ...defaultApiConfig, databaseUrl: db.url, redisUrl: undefined, logLevel: 'silent' }, plugin, { store: new MemoryStore() });
    try {
      expect((await app.inject({ url: '/two-statements' })).json()).toEqual({ n: 2 });
      const lost = await app.inject({ url: '/two-statements?kill=1' });
      expect(lost.statusCode).toBe(503);
      expect(lost.json().error.code).toBe('DB_UNAVAILABLE');
      await new Promise((r) => setImmediate(r));
      expect(uncaught.map((e) => e.message)).toEqual([]);
      for (let i = 0; i < 3; i++) expect((await app.inject({ url: '/two-statements' })).json()).toEqual({ n: 2 });
    } finally {
      process.off('uncaughtException', onUncaught);
      await app.close();
    }
  }, 20_000); // without the listener the request never answers: the unheard error left its client wedged
});
