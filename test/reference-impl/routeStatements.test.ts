/*
 * Statements per route: the platform counts every statement issued through Database while serving a request
 * against that request's route, concurrent requests included, and POST bodies do not lose the scope. A tiny
 * plugin of its own issues exactly the number of statements each request asks for. No Redis: the in-process store.
 */
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultApiConfig } from '../../reference-impl/platform/apiConfig.ts';
import { buildApp } from '../../reference-impl/platform/buildApp.ts';
import { metricNames } from '../../reference-impl/platform/metrics/createMetrics.ts';
import { MemoryStore } from '../../reference-impl/platform/cache/MemoryStore.ts';
import type { WorkloadPlugin } from '../../reference-impl/platform/WorkloadPlugin.ts';
import { parseApiMetrics } from '../../harness/probe/apiMetrics.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

const plugin: WorkloadPlugin = {
  keyFamilies: [],
  register: async (app, { parts }) => {
    // Large bodies arrive in many chunks, parsed on the socket's events: the case that could lose the scope.
    const run = async (n: number) => {
      for (let i = 0; i < n; i++) await parts.db.query({ text: 'SELECT pg_sleep(0.001)' });
    };
    app.get<{ Params: { n: string } }>('/reads/:n', async (req) => {
      await run(Number(req.params.n));
      return { ok: true };
    });
    app.post<{ Body: { n: number } }>('/writes', async (req, reply) => {
      // Two statements on one lent connection, declared up front, then the body's count.
      await parts.db.withClient(2, async (c) => {
        await c.query('SELECT 1');
        await c.query('SELECT 2');
      });
      await run(req.body.n);
      return reply.code(201).send({ ok: true });
    });
  },
};

describe('statements per route', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('route statements');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('attributes each statement to the request that issued it, by route, under concurrency', async () => {
    const app = await buildApp({ ...defaultApiConfig, databaseUrl: db.url, redisUrl: undefined, logLevel: 'silent', bodyLimitBytes: 1_000_000 }, plugin, { store: new MemoryStore() });
    try {
      // Real HTTP, not inject: a body arriving on the socket is parsed outside the onRequest scope.
      const base = await app.listen({ host: '127.0.0.1', port: 0 });
      const before = parseApiMetrics(await (await fetch(`${base}/metrics`)).text()).routes;
      const reads = [0, 1, 3, 5, 2, 4];
      const writes = [1, 0, 2];
      const answers = await Promise.all([
        ...reads.map((n) => fetch(`${base}/reads/${n}`)),
        ...writes.map((n) => fetch(`${base}/writes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n, padding: 'x'.repeat(300_000) }) })),
      ]);
      expect(answers.map((r) => r.status)).toEqual([...reads.map(() => 200), ...writes.map(() => 201)]);
      const text = await (await fetch(`${base}/metrics`)).text();
      const routes = parseApiMetrics(text).routes!;
      expect(before?.['GET /reads/:n']).toBeUndefined();
      expect(routes['GET /reads/:n']).toEqual({ requests: reads.length, statements: reads.reduce((a, b) => a + b, 0) });
      expect(routes['POST /writes']).toEqual({ requests: writes.length, statements: writes.reduce((a, b) => a + 2 + b, 0) });
      // The first /metrics scrape is itself a request of its route, with no statements.
      expect(routes['GET /metrics']).toEqual({ requests: 1, statements: 0 });
      const families = new Set(parsePrometheusTextFormat(text).map((f) => f.name));
      expect(families.has(metricNames.routeRequests) && families.has(metricNames.routeStatements)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
