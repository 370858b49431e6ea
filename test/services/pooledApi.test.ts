/*
 * The analytics API through a real pgBouncer in transaction mode (the harness's own, started by startPooler):
 * every route answers as it does direct, with the schema and statement_timeout the pooler's alias sets, and
 * named statements (sp_*) do not break when server connections are shared. Without pgbouncer on PATH this file
 * skips with a message naming it (CI installs pgbouncer and fails on skips).
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { findOnPath } from '../../harness/services/findOnPath.ts';
import { keepsPreparedStatements, startPooler, type PoolerHandle } from '../../harness/services/startPooler.ts';
import { UnnamedStatementClient } from '../../reference-impl/platform/db/unnamedStatementClient.ts';
import type { TestDatabase } from '../helpers/testDatabase.ts';
import { testRedisUrl } from '../helpers/testRedis.ts';
import { countEvents, insertPins } from '../reference-impl/helpers/insertPins.ts';
import { createTestDb, startTestApi, type TestApi } from '../reference-impl/helpers/testApi.ts';

const pgbouncer = await findOnPath('pgbouncer', process.env.PATH);

describe('no pooler', () => {
  it('goes direct, says so loudly, and names pgbouncer when there is no PGBOUNCER_URL and no pgbouncer on PATH', async () => {
    const lines: string[] = [];
    const p = await startPooler({ serverUrl: 'postgres://postgres@127.0.0.1:5432/postgres', schemas: ['public'], pathVar: '/nonexistent-dir', statementTimeoutMs: 1000, log: (l) => lines.push(l) });
    expect(p.kind).toBe('none');
    expect(p.urlFor('public')).toBeUndefined();
    expect(lines.join('\n')).toMatch(/WARNING.*pgbouncer.*DIRECTLY/i);
  });
});

describe.skipIf(!pgbouncer)(pgbouncer ? 'the API through pgBouncer (transaction mode)' : 'SKIPPED: pgbouncer is not on PATH (apt-get install pgbouncer)', () => {
  let database: TestDatabase | undefined;
  let pooler: PoolerHandle | undefined;
  let api: TestApi | undefined;
  const clients: pg.Client[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.end().catch(() => undefined)));
    await api?.close(); // drops the database too
    if (!api) await database?.drop();
    await pooler?.stop();
    api = undefined;
    pooler = undefined;
    database = undefined;
  });

  /** One server connection per alias: every client's transactions share it, as under load. */
  async function pooled(name: string, poolSize = 1): Promise<{ url: string }> {
    database = await createTestDb(name);
    pooler = await startPooler({ serverUrl: database.url, schemas: ['public'], pathVar: process.env.PATH, statementTimeoutMs: 4321, poolSize, log: () => undefined });
    expect(pooler.kind).toBe('spawned');
    return { url: pooler.urlFor('public')! };
  }

  async function connect(url: string, Client: typeof pg.Client = pg.Client): Promise<pg.Client> {
    const c = new Client({ connectionString: url, statement_timeout: 999 }); // pg's startup statement_timeout is ignored by pgBouncer
    await c.connect();
    clients.push(c);
    return c;
  }

  it("knows whether the installed pgBouncer keeps named statements in transaction mode, and sets each alias's schema and statement_timeout", async () => {
    const { url } = await pooled('pooler facts');
    expect(pooler!.version).toMatch(/^PgBouncer \d+\.\d+/);
    expect(pooler!.namedStatements).toBe(keepsPreparedStatements(pooler!.version));
    expect(pooler!.mode).toBe('transaction');
    const c = await connect(url);
    const r = await c.query<{ sp: string; st: string }>("SELECT current_setting('search_path') AS sp, current_setting('statement_timeout') AS st");
    expect(r.rows[0]).toEqual({ sp: 'public, public', st: '4321ms' });
  });

  it('breaks two clients naming the same statement on one shared server connection when the pooler keeps none, and the unnamed client does not', async () => {
    const { url } = await pooled('pooler named statements');
    const q = { name: 'sp_probe', text: 'SELECT $1::int + 1 AS n', values: [41] };
    const [a, b] = [await connect(url), await connect(url)];
    expect((await a.query(q)).rows[0].n).toBe(42);
    const second = await b.query(q).then(() => 'ok', (err: { code?: string }) => err.code);
    // pgBouncer >= 1.21 with max_prepared_statements keeps them per client: then both succeed.
    expect(second).toBe(pooler!.namedStatements ? 'ok' : '42P05'); // duplicate_prepared_statement on the shared connection
    const [c, d] = [await connect(url, UnnamedStatementClient), await connect(url, UnnamedStatementClient)];
    for (const client of [c, d, c, d]) expect((await client.query(q)).rows[0].n).toBe(42);
  });

  it('answers every analytics route through the pooler, concurrently, with the named statements sent as the pooler allows', async () => {
    const { url } = await pooled('pooler analytics routes', 2);
    api = await startTestApi('pooled analytics', { databaseUrl: url, pgNamedStatements: pooler!.namedStatements, pgPoolMax: 6, redisUrl: testRedisUrl(), flushIntervalMs: 600_000 }, {}, database);
    await insertPins(database!.url, [81, 82, 83]);
    await api.app.ready();
    const routes = ['/pin/public/P0000081', '/pin/public/P0000082', '/users/81', '/users/83', '/pins/P0000083/analytics', '/health'];
    // Several rounds at once: six pg connections over two server connections, each statement parsed again or not.
    const answers = await Promise.all(Array.from({ length: 4 }, () => routes).flat().map((u) => api!.app.inject({ method: 'GET', url: u })));
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 200));
    expect(answers[0]!.json()).toMatchObject({ pin_number: 'P0000081', profile: { full_name: 'Person 81' }, skills: [{ name: 'sql' }, { name: 'typescript' }] });
    expect(answers[2]!.json()).toMatchObject({ id: 81, full_name: 'Person 81' });
    expect(answers[5]!.json()).toMatchObject({ status: expect.stringMatching(/ok|degraded/), postgres: { status: 'up' } });
    expect((await api.app.inject({ method: 'GET', url: '/pin/public/P0000099' })).statusCode).toBe(404);
    const posted = await Promise.all(Array.from({ length: 10 }, () => api!.app.inject({ method: 'POST', url: '/pins/P0000082/events', payload: { event_type: 'view' } })));
    expect(posted.map((p) => p.statusCode)).toEqual(posted.map(() => 202));
    await api.closeApp(); // flushes the write buffer through the pooler
    expect(await countEvents(database!.url)).toBe(10);
  });
});
