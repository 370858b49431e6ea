/*
 * GET /_scaleproof/statements: every statement a pool's clients run is timed and grouped by shape (literals and
 * numbers folded), with one real example that can be EXPLAINed as it was run; pool.query (callback form), a
 * lent client (promise form) and inlined one-round-trip strings are all seen. Real Postgres, in-process store.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultApiConfig } from '../../reference-impl/platform/apiConfig.ts';
import { buildApp } from '../../reference-impl/platform/buildApp.ts';
import { MemoryStore } from '../../reference-impl/platform/cache/MemoryStore.ts';
import { shapeOf, type SampledStatement } from '../../reference-impl/platform/db/StatementSampler.ts';
import type { WorkloadPlugin } from '../../reference-impl/platform/WorkloadPlugin.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

const plugin: WorkloadPlugin = {
  keyFamilies: [],
  register: async (app, { parts }) => {
    app.get<{ Params: { n: string } }>('/square/:n', async (req) => {
      const r = await parts.db.query<{ sq: number }>({ text: 'SELECT $1::int * $1::int AS sq, pg_sleep(0.002)', values: [Number(req.params.n)] });
      return { sq: r.rows[0]!.sq };
    });
    app.get<{ Params: { n: string } }>('/inline/:n', async (req) => {
      const n = Number(req.params.n);
      await parts.db.withClient(1, (c) => c.query(`SELECT ${n} + 1 AS m, 'x' AS label`));
      return { ok: true };
    });
  },
};

describe('statement sampler', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('statement sampler');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('folds literals and numbers into one shape', () => {
    expect(shapeOf("SELECT  12 + 'a''b'\n FROM t WHERE x = 3.5")).toBe('SELECT ? + ? FROM t WHERE x = ?');
  });

  it('ranks statement shapes by total time with an example that EXPLAINs', async () => {
    const app = await buildApp({ ...defaultApiConfig, databaseUrl: db.url, redisUrl: undefined, logLevel: 'silent' }, plugin, { store: new MemoryStore() });
    try {
      for (let i = 1; i <= 5; i++) expect((await app.inject({ url: `/square/${i}` })).json()).toEqual({ sq: i * i });
      for (let i = 1; i <= 3; i++) expect((await app.inject({ url: `/inline/${i}` })).statusCode).toBe(200);
      const res = await app.inject({ url: '/_scaleproof/statements?top=5' });
      expect(res.statusCode).toBe(200);
      const list = (res.json() as { statements: SampledStatement[] }).statements;
      const square = list.find((s) => s.shape.startsWith('SELECT $1::int'));
      const inline = list.find((s) => s.shape === 'SELECT ? + ? AS m, ? AS label');
      expect(square?.calls).toBe(5);
      expect(inline?.calls).toBe(3);
      expect(square!.totalMs).toBeGreaterThan(0);
      // Sorted by total time, and the example runs under EXPLAIN with its own values.
      expect(list.map((s) => s.totalMs)).toEqual([...list.map((s) => s.totalMs)].sort((a, b) => b - a));
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${square!.example.text}`, square!.example.values);
        expect(plan.rows.length).toBeGreaterThan(0);
      } finally {
        await client.end();
      }
      const bad = await app.inject({ url: '/_scaleproof/statements?top=0' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('INVALID_TOP');
    } finally {
      await app.close();
    }
  });
});
