/*
 * The in-run sampler against a real API (buildApp, real Postgres and Redis): a write buffer whose flushes fail
 * fills up (seed 000 "queue backlog > threshold", "insert failures"), pool connections held by the test fill the
 * pool (seed 001 "Connection pool > 80% full"), and a CPU-bound statement gives the local Postgres CPU time
 * (seed 001 "Database CPU > 80%", nearest signal). Each crosses its threshold on purpose; released, the
 * first two hold again. No timing assertion: the sampler takes its first sample before it returns and one at stop.
 */
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateThresholds } from '../../harness/judge/evaluateThresholds.ts';
import type { RunSummary } from '../../harness/model/RunSummary.ts';
import { apiMetrics } from '../../harness/probe/apiMetrics.ts';
import { startRunSampler } from '../../harness/probe/sampleDuringRun.ts';
import { serverSide } from '../../harness/probe/serverSide.ts';
import { snapshotServer } from '../../harness/probe/snapshotServer.ts';
import type { WorkloadPlugin } from '../../reference-impl/platform/WorkloadPlugin.ts';
import { WriteBuffer } from '../../reference-impl/platform/writeBuffer/WriteBuffer.ts';
import { summaryOf } from '../judge/summaryOf.ts';
import { startVariantApi, type VariantTestApi } from '../helpers/startVariantApi.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';
import { waitFor } from '../reference-impl/helpers/waitFor.ts';

const POOL_MAX = 4;
let db: TestDatabase;
let api: VariantTestApi;
let baseUrl: string;
let broken = true;
let buffer: WriteBuffer;

/** A workload of one write buffer whose flushes fail while `broken` (the table it writes to is missing). */
const plugin: WorkloadPlugin = {
  keyFamilies: [],
  register: async (_app, { parts }) => {
    buffer = new WriteBuffer({
      flushIntervalMs: 50,
      flushMaxEvents: 100,
      maxEvents: 10_000,
      write: async (batch) => {
        if (broken) await parts.db.query({ text: 'INSERT INTO no_such_table SELECT unnest($1::text[])', values: [batch] });
      },
      events: parts.metrics.bufferEvents,
      log: parts.log,
      retryBaseMs: 20,
      retryMaxMs: 50,
    });
    parts.buffers.set('events', buffer);
  },
};

beforeAll(async () => {
  db = await createTestDatabase('sample_during_run');
  api = await startVariantApi({ testName: 'sample_during_run', plugin, variant: 'optimized', databaseUrl: db.url, settings: {}, config: { pgPoolMax: POOL_MAX } });
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const empty = { requests: 0, errors: 0, statusCounts: {}, throughputRps: 0, latencyMs: { min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 }, histogram: '', timeline: [] };
function judge(server: Partial<RunSummary['server']>, set: Record<string, string[]>) {
  const s = summaryOf({ endpoints: {}, totals: empty, durationS: 10, mix: {} });
  return evaluateThresholds({ ...s, server: { ...s.server, ...server } }, set);
}

describe('startRunSampler', () => {
  it('sees a failing buffer back up and a held pool full, and both cross their thresholds', async () => {
    const before = await snapshotServer({ apiUrl: baseUrl });
    const held: pg.PoolClient[] = [];
    for (let i = 0; i < POOL_MAX; i++) held.push(await api.app.scaleproof.db.pool.connect());
    for (let i = 0; i < 500; i++) expect(buffer.offer(`line ${i}`)).toBe('accepted');
    // Its first sample is taken before it returns: the pool is full and the 500 lines are pending then.
    const sampler = await startRunSampler({ apiUrl: baseUrl, databaseUrl: db.url });
    // Flushes need a pool connection; released, they reach Postgres and fail.
    for (const c of held.splice(0)) c.release();
    await waitFor('a failed flush', async () => ((await apiMetrics(baseUrl)).bufferFailures ?? 0) > 0, 10_000);
    const seen = await sampler.stop();
    const after = await snapshotServer({ apiUrl: baseUrl });
    const server = serverSide({ before, after, requests: 0, xCache: undefined, inProcessCache: false });

    expect(seen.samples).toBeGreaterThanOrEqual(2);
    expect(seen.writeBufferDepthMax).toBeGreaterThanOrEqual(500);
    expect(seen.poolUsageMax).toBe(1);
    expect(server.writeBuffer!.failures).toBeGreaterThan(0);
    const verdicts = judge({ sampled: seen, writeBuffer: server.writeBuffer }, {
      write_buffer_depth_max: ['value<100'],
      db_pool_usage_max: ['value<=0.8'],
      write_buffer_flush_failures: ['count==0'],
    });
    expect(verdicts.map((v) => [v.metric, v.ok])).toEqual([['write_buffer_depth_max', false], ['db_pool_usage_max', false], ['write_buffer_flush_failures', false]]);
  });

  it('holds once the buffer drains and the pool is free', async () => {
    broken = false;
    buffer.flushSoon();
    for (let i = 0; i < 100 && buffer.depth > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(buffer.depth).toBe(0);
    const sampler = await startRunSampler({ apiUrl: baseUrl });
    const seen = await sampler.stop();
    expect(seen).toMatchObject({ writeBufferDepthMax: 0, poolUsageMax: 0 });
    expect(seen.notMeasurable.dbCpuPercent).toMatch(/no database of its own/);
    const verdicts = judge({ sampled: seen }, { write_buffer_depth_max: ['value<100'], db_pool_usage_max: ['value<=0.8'], db_cpu_percent: ['value<=80'] });
    expect(verdicts.map((v) => v.ok)).toEqual([true, true, true]);
    expect(verdicts[2]).toMatchObject({ skipped: true });
  });

  it('reads the local Postgres server CPU a CPU-bound statement spends', async () => {
    const sampler = await startRunSampler({ databaseUrl: db.url });
    await api.app.scaleproof.db.query({ text: 'SELECT count(*) FROM generate_series(1, 3000000) g WHERE g % 7 = 3' });
    const seen = await sampler.stop();
    expect(seen.notMeasurable.dbCpuPercent).toBeUndefined();
    expect(seen.dbCpuPercent).toBeGreaterThan(0);
    expect(seen.notMeasurable.writeBufferDepthMax).toMatch(/--target/);
    const crossed = judge({ sampled: seen }, { db_cpu_percent: ['value<=0'] })[0]!;
    expect(crossed).toMatchObject({ ok: false });
  });
});
