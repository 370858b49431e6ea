/*
 * SIGTERM during a write burst, against the real server process (scripts/api.ts): the API
 * stops taking requests, finishes those in flight, flushes its buffer and exits 0, and every event it
 * answered 202 is in pin_analytics.
 */
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withSchema } from '../../harness/migrate/schemaUrl.ts';
import { startApi, type ApiProcess } from '../../harness/run/startApi.ts';
import { countEvents } from './helpers/insertPins.ts';
import { createTestDb } from './helpers/testApi.ts';
import type { TestDatabase } from '../helpers/testDatabase.ts';
import { postEvent } from './helpers/postEvent.ts';

const API_SCRIPT = path.resolve(import.meta.dirname, '../../scripts/api.ts');

describe('SIGTERM during a write burst', () => {
  let api: ApiProcess | undefined;
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await api?.stop(5000);
    await database?.drop();
    api = undefined;
    database = undefined;
  });

  it('stores every event the API acknowledged with 202 and exits 0', async () => {
    database = await createTestDb('sigterm burst');
    api = await startApi({
      entry: API_SCRIPT,
      args: ['analytics', '--variant', 'optimized'],
      env: {
        ...process.env, DATABASE_URL: database.url, REDIS_URL: '', PORT: '0', HOST: '127.0.0.1',
        SCALEPROOF_LOG_LEVEL: 'warn', SCALEPROOF_MV_REFRESH_INTERVAL_S: '0', SCALEPROOF_FLUSH_INTERVAL_MS: '200',
      },
    });
    const base = new URL(api.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    const statuses = new Map<number, number>();
    let acked = 0;
    let sent = 0;
    let stopping: Promise<number | null> | undefined;
    const worker = async () => {
      while (sent < 4000) {
        sent++;
        const status = await postEvent(agent, base, `P${String(1 + (sent % 500)).padStart(7, '0')}`);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 202) acked++;
        // SIGTERM once the burst is well under way; the other workers keep sending meanwhile.
        if (acked === 800 && !stopping) stopping = api!.stop(20_000);
        if (status === -1) break; // server gone
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    agent.destroy();
    const exitCode = await (stopping ?? api.stop(20_000));

    expect(exitCode).toBe(0);
    expect(acked).toBeGreaterThanOrEqual(800);
    expect(sent).toBeLessThan(4000); // the burst was cut by the shutdown, not finished before it
    expect([...statuses.keys()].every((s) => s === 202 || s === 503 || s === -1)).toBe(true);
    // `pnpm api analytics` serves the workload's own schema of the database it is given.
    expect(await countEvents(withSchema(database.url, 'analytics_optimized'))).toBe(acked);
  });
});
