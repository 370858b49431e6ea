/*
 * A location burst, then SIGTERM, against the real server process (scripts/api.ts riders): the API stops
 * taking requests, finishes those in flight, flushes its location buffer and exits 0, and every point it
 * answered 202 is in location_logs: each 202'd rider id exactly once, nothing else.
 */
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { withSchema } from '../../harness/migrate/schemaUrl.ts';
import { startApi, type ApiProcess } from '../../harness/run/startApi.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

const API_SCRIPT = path.resolve(import.meta.dirname, '../../scripts/api.ts');
const TS = Date.parse('2026-10-14T10:00:00Z');

function postLocation(agent: http.Agent, base: URL, riderId: number): Promise<number> {
  const body = JSON.stringify({ lat: 12.97, lon: 77.59, ts: TS });
  return new Promise((resolve) => {
    const req = http.request({
      agent, host: base.hostname, port: base.port, method: 'POST', path: `/riders/${riderId}/location`,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(-1));
    });
    req.on('error', () => resolve(-1));
    req.end(body);
  });
}

describe('riders: SIGTERM during a location burst', () => {
  let api: ApiProcess | undefined;
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await api?.stop(5000);
    await database?.drop();
    api = undefined;
    database = undefined;
  });

  it('stores every point the API answered 202, once, and exits 0', async () => {
    database = await createTestDatabase('riders sigterm');
    api = await startApi({
      entry: API_SCRIPT,
      args: ['riders', '--variant', 'optimized'],
      env: {
        ...process.env, DATABASE_URL: database.url, REDIS_URL: '', PORT: '0', HOST: '127.0.0.1', SCALEPROOF_LOG_LEVEL: 'warn',
        // The plan's 5 s interval: most accepted points are still in memory when SIGTERM arrives.
        SCALEPROOF_RIDERS_FLUSH_INTERVAL_MS: '5000', SCALEPROOF_RIDERS_FLUSH_MAX_ITEMS: '100',
      },
    });
    const base = new URL(api.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const acked: number[] = [];
    const statuses = new Set<number>();
    let next = 0;
    let stopping: Promise<number | null> | undefined;
    const worker = async () => {
      while (next < 3000) {
        const id = ++next;
        const status = await postLocation(agent, base, id);
        statuses.add(status);
        if (status === 202) acked.push(id);
        if (acked.length === 450 && !stopping) stopping = api!.stop(20_000);
        if (status === -1) break;
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    agent.destroy();
    const exitCode = await (stopping ?? api.stop(20_000));

    expect(exitCode).toBe(0);
    expect(acked.length).toBeGreaterThanOrEqual(450);
    expect(next).toBeLessThan(3000); // cut by the shutdown
    expect([...statuses].every((s) => s === 202 || s === 503 || s === -1)).toBe(true);
    const c = new pg.Client({ connectionString: withSchema(database.url, 'riders_optimized') });
    await c.connect();
    try {
      const stored = (await c.query<{ id: string; n: string }>('SELECT rider_id AS id, count(*) AS n FROM location_logs GROUP BY rider_id')).rows;
      expect(stored.every((r) => r.n === '1')).toBe(true);
      expect(stored.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual([...acked].sort((a, b) => a - b));
    } finally {
      await c.end();
    }
  });
});
