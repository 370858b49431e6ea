/*
 * statement_mean_ms_max: the slow-query rule as a threshold (seed 002: pg_stat_statements mean_exec_time > 100).
 * serverSide() finds the slowest statement of the measured phase's pg_stat_statements delta, leaving out the
 * probe's own reads; the evaluator judges its mean, and reports the threshold as skipped (never passed) when
 * pg_stat_statements could not be read.
 */
import { describe, expect, it } from 'vitest';
import { evaluateThresholds } from '../../harness/judge/evaluateThresholds.ts';
import type { EndpointSummary, RunSummary } from '../../harness/model/RunSummary.ts';
import type { PgStatSnapshot } from '../../harness/probe/pgStats.ts';
import { serverSide } from '../../harness/probe/serverSide.ts';
import { summaryOf } from './summaryOf.ts';

const pgBase = { xactCommit: 0, xactRollback: 0, blksHit: 0, blksRead: 0, tupInserted: 0, numBackends: 1 };

function snap(statements: Record<string, { query: string; calls: number; totalMs: number }> | undefined): PgStatSnapshot {
  return { ...pgBase, statements: statements ? new Map(Object.entries(statements)) : undefined };
}

const empty: EndpointSummary = { requests: 0, errors: 0, statusCounts: {}, throughputRps: 0, latencyMs: { min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 }, histogram: '', timeline: [] };

function summaryWith(server: Partial<RunSummary['server']>): RunSummary {
  const s = summaryOf({ endpoints: {}, totals: empty, durationS: 10, mix: {} });
  return { ...s, server: { ...s.server, ...server } };
}

describe('statement_mean_ms_max', () => {
  it('takes the largest mean over the measured delta only, without the probe\'s own pg_stat reads', () => {
    const before = snap({
      a: { query: 'SELECT duty_status FROM riders WHERE id = $1', calls: 100, totalMs: 100_000 }, // slow before the run only
      b: { query: 'INSERT INTO location_logs SELECT * FROM unnest($1)', calls: 10, totalMs: 50 },
      p: { query: 'SELECT queryid::text AS id, query FROM pg_stat_statements WHERE dbid = $1', calls: 1, totalMs: 5 },
    });
    const after = snap({
      a: { query: 'SELECT duty_status FROM riders WHERE id = $1', calls: 300, totalMs: 100_400 }, // 200 calls, 2 ms mean
      b: { query: 'INSERT INTO location_logs SELECT * FROM unnest($1)', calls: 14, totalMs: 650 }, // 4 calls, 150 ms mean
      p: { query: 'SELECT queryid::text AS id, query FROM pg_stat_statements WHERE dbid = $1', calls: 2, totalMs: 5_005 },
      c: { query: 'SELECT 1', calls: 3, totalMs: 3 },
    });
    const out = serverSide({ before: { pg: before, errors: [] }, after: { pg: after, errors: [] }, requests: 1, xCache: undefined, inProcessCache: false });
    expect(out.slowestStatement).toMatchObject({ calls: 4, meanMs: 150 });
    expect(out.slowestStatement?.query).toContain('location_logs');
  });

  it('fails a run whose slowest statement averages over the bound and passes one under it', () => {
    const slow = evaluateThresholds(summaryWith({ slowestStatement: { query: 'q', calls: 4, meanMs: 150 } }), { statement_mean_ms_max: ['value<=100'] });
    expect(slow[0]).toMatchObject({ observed: 150, ok: false });
    const fast = evaluateThresholds(summaryWith({ slowestStatement: { query: 'q', calls: 4, meanMs: 12.5 } }), { statement_mean_ms_max: ['value<=100'] });
    expect(fast[0]).toMatchObject({ observed: 12.5, ok: true });
    expect(fast[0]!.skipped).toBeUndefined();
  });

  it('reports the threshold as skipped with the reason when pg_stat_statements could not be read', () => {
    const out = serverSide({ before: { pg: snap(undefined), errors: [] }, after: { pg: snap(undefined), errors: [] }, requests: 1, xCache: undefined, inProcessCache: false });
    expect(out.slowestStatement).toBeUndefined();
    const r = evaluateThresholds(summaryWith(out), { statement_mean_ms_max: ['value<=100'] });
    expect(r[0]).toMatchObject({ observed: null, skipped: true });
    expect(r[0]!.note).toMatch(/pg_stat_statements/);
  });
});
