/*
 * The plans' alert rules as thresholds (issue #16 section 4): every rule can fail. Synthetic summaries cross each
 * one on purpose, and the same summaries just inside the line hold; a signal that was not observed is skipped
 * with "not measurable", never passed. The probes behind them are tested against real services in test/probe/.
 */
import { describe, expect, it } from 'vitest';
import { evaluateThresholds } from '../../harness/judge/evaluateThresholds.ts';
import { validateThresholds } from '../../harness/judge/validateThresholds.ts';
import type { EndpointSummary, RunSummary, SampledSignals, TimelinePoint } from '../../harness/model/RunSummary.ts';
import { longestExecution } from '../../harness/probe/longestExecution.ts';
import { toK6Thresholds } from '../../harness/drive/k6/toK6Thresholds.ts';
import { capacityBudget } from '../../harness/capacity/capacityBudget.ts';
import { analyticsThresholds } from '../../thresholds/analytics.ts';
import { ridersThresholds } from '../../thresholds/riders.ts';
import { schoolThresholds } from '../../thresholds/school.ts';
import { summaryOf } from './summaryOf.ts';

const stats = { min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 };

function traffic(timeline: TimelinePoint[]): EndpointSummary {
  const requests = timeline.reduce((a, p) => a + p.requests, 0);
  const errors = timeline.reduce((a, p) => a + p.errors, 0);
  return { requests, errors, statusCounts: {}, throughputRps: 0, latencyMs: stats, histogram: '', timeline };
}

/** A run of `seconds` seconds whose per-second p95 is p95At(t) and errors errorsAt(t) of 100 requests. */
function run(seconds: number, p95At: (t: number) => number, errorsAt: (t: number) => number = () => 0): RunSummary {
  const timeline = Array.from({ length: seconds }, (_, t) => ({ t, requests: 100, errors: errorsAt(t), p50: p95At(t) / 2, p95: p95At(t), p99: p95At(t) * 1.2, max: p95At(t) * 2 }));
  const e = traffic(timeline);
  return summaryOf({ endpoints: { pin_public: e }, totals: e, durationS: seconds, mix: { pin_public: 1 } });
}

function withServer(server: Partial<RunSummary['server']>): RunSummary {
  const s = run(10, () => 10);
  return { ...s, server: { ...s.server, ...server } };
}

const sampled = (over: Partial<SampledSignals>): SampledSignals => ({
  samples: 30, writeBufferDepthMax: 0, poolUsageMax: 0, poolWaitingMax: 0, dbCpuPercent: 0, dbCpuPercentMaxSecond: 0, notMeasurable: {}, ...over,
});

const judge = (s: RunSummary, set: Record<string, string[]>) => evaluateThresholds(s, set)[0]!;

describe('{for:Ns}: seed 000 "p95 API latency > 800ms for 5 minutes"', () => {
  const rule = { 'http_req_duration{for:300s}': ['p(95)<800'] };

  it('fails when every second of a 300 s stretch is over 800 ms, and reports the highest p95 held that long', () => {
    const r = judge(run(400, (t) => (t >= 50 && t < 350 ? 900 + (t % 7) : 100)), rule);
    expect(r).toMatchObject({ ok: false, observed: 900 });
    expect(r.note).toContain('began at second 50');
  });

  it('holds when the slow stretch is one second short of 300 s, or broken by one good second', () => {
    expect(judge(run(400, (t) => (t >= 50 && t < 349 ? 900 : 100)), rule)).toMatchObject({ ok: true, observed: 100 });
    expect(judge(run(400, (t) => (t === 200 ? 700 : 900)), rule)).toMatchObject({ ok: true, observed: 700 });
  });

  it('per endpoint, and for a rate: errors over 1% for 60 s', () => {
    const s = run(120, () => 10, (t) => (t >= 30 && t < 90 ? 2 : 0));
    expect(judge(s, { 'http_req_failed{endpoint:pin_public,for:60s}': ['rate<0.01'] })).toMatchObject({ ok: false, observed: 0.02 });
    expect(judge(s, { 'http_req_failed{for:61s}': ['rate<0.01'] })).toMatchObject({ ok: true, observed: 0 });
    expect(judge(s, { 'checks{for:1m}': ['rate>0.99'] })).toMatchObject({ ok: false, observed: 0.98 });
  });

  it('a run shorter than the window is not measurable (skipped, said), never a pass', () => {
    const r = judge(run(30, () => 5000), rule);
    expect(r).toMatchObject({ ok: true, skipped: true, observed: null });
    expect(r.note).toMatch(/^not measurable: the measured phase \(30 s\) is shorter than the rule's 300 s/);
  });

  it('rejects what a per-second timeline cannot judge; k6 and the capacity search never see the rule', () => {
    expect(() => validateThresholds({ 'http_req_duration{for:300s}': ['avg<800'] })).toThrow(/cannot judge/);
    expect(() => validateThresholds({ 'http_req_duration{for:300s}': ['p(90)<800'] })).toThrow(/cannot judge/);
    expect(() => validateThresholds({ 'http_req_failed{for:300s}': ['rate==0'] })).toThrow(/needs <, <=, > or >=/);
    expect(() => validateThresholds({ 'http_req_duration{for:1s}': ['p(95)<800'] })).toThrow(/at least 2 s/);
    expect(() => validateThresholds({ 'cache_hit_ratio{for:300s}': ['value>0.8'] })).toThrow(/cannot be filtered by tag "for"/);
    const budget = capacityBudget(analyticsThresholds);
    expect(Object.keys(budget.window)).not.toContain('http_req_duration{for:300s}');
    expect(budget.ignored.join('\n')).toContain('http_req_duration{for:300s}: p(95)<800 (an alert rule with a duration');
    const k6 = toK6Thresholds({ 'http_req_duration{for:300s}': ['p(95)<800'], http_req_failed: ['rate<0.01'] }, { mix: {}, durationS: 30 });
    expect(Object.keys(k6.thresholds)).toEqual(['http_req_failed{scenario:measured}']);
  });
});

describe('server-side alert signals', () => {
  it('seed 000 "Partition missing for current month": crossed by one missing table, held when all are covered', () => {
    const missing = judge(withServer({ partitions: { tables: { pin_analytics: { covered: false, partition: null }, messages: { covered: true, partition: 'messages_2026_11' } }, missing: 1 } }), { partitions_missing: ['count==0'] });
    expect(missing).toMatchObject({ ok: false, observed: 1 });
    expect(missing.note).toContain('pin_analytics');
    expect(judge(withServer({ partitions: { tables: { pin_analytics: { covered: true, partition: 'p' } }, missing: 0 } }), { partitions_missing: ['count==0'] })).toMatchObject({ ok: true, observed: 0 });
    expect(judge(withServer({ partitions: { tables: {}, missing: 0, error: 'relation "x" does not exist' } }), { partitions_missing: ['count==0'] })).toMatchObject({ ok: false, observed: null });
  });

  it('seed 000 "queue backlog > threshold" and "insert failures"', () => {
    expect(judge(withServer({ sampled: sampled({ writeBufferDepthMax: 12_000 }) }), { write_buffer_depth_max: ['value<10000'] })).toMatchObject({ ok: false, observed: 12_000 });
    expect(judge(withServer({ sampled: sampled({ writeBufferDepthMax: 900 }) }), { write_buffer_depth_max: ['value<10000'] })).toMatchObject({ ok: true, observed: 900 });
    expect(judge(withServer({ writeBuffer: { flushes: 10, failures: 2, depth: 0 } }), { write_buffer_flush_failures: ['count==0'] })).toMatchObject({ ok: false, observed: 2 });
    expect(judge(withServer({ writeBuffer: { flushes: 10, failures: 0, depth: 0 } }), { write_buffer_flush_failures: ['count==0'] })).toMatchObject({ ok: true, observed: 0 });
  });

  it('seed 001 "Connection pool > 80% full", "Database CPU > 80%", "Query time > 2s"', () => {
    expect(judge(withServer({ sampled: sampled({ poolUsageMax: 0.9 }) }), { db_pool_usage_max: ['value<=0.8'] })).toMatchObject({ ok: false, observed: 0.9 });
    expect(judge(withServer({ sampled: sampled({ poolUsageMax: 0.8 }) }), { db_pool_usage_max: ['value<=0.8'] })).toMatchObject({ ok: true });
    expect(judge(withServer({ sampled: sampled({ dbCpuPercent: 85 }) }), { db_cpu_percent: ['value<=80'] })).toMatchObject({ ok: false, observed: 85 });
    expect(judge(withServer({ sampled: sampled({ dbCpuPercent: 40 }) }), { db_cpu_percent: ['value<=80'] })).toMatchObject({ ok: true, observed: 40 });
    expect(judge(withServer({ statementMaxMs: { value: 2500, query: 'q', exact: true } }), { statement_max_ms: ['value<=2000'] })).toMatchObject({ ok: false, observed: 2500 });
    expect(judge(withServer({ statementMaxMs: { value: 30, query: 'q', exact: true } }), { statement_max_ms: ['value<=2000'] })).toMatchObject({ ok: true, observed: 30 });
  });

  it('seed 001 "Error rate > 1%" and "Cache hit rate < 70%" as the school set writes them', () => {
    const s = run(10, () => 10, (t) => (t < 2 ? 10 : 0)); // 20 errors of 1,000 = 2%
    const failed = evaluateThresholds(s, { http_req_failed: schoolThresholds.http_req_failed! });
    expect(failed.map((r) => r.ok)).toEqual([false, false]);
    const hit = evaluateThresholds({ ...s, server: { ...s.server, cacheHitRatio: 0.65 } }, { cache_hit_ratio: schoolThresholds.cache_hit_ratio! });
    expect(hit.map((r) => r.ok)).toEqual([false, false]);
    const between = evaluateThresholds({ ...s, server: { ...s.server, cacheHitRatio: 0.75 } }, { cache_hit_ratio: schoolThresholds.cache_hit_ratio! });
    expect(between.map((r) => r.ok)).toEqual([false, true]);
  });

  it('an unobserved signal is not measurable (skipped with why), never a pass', () => {
    const bare = withServer({});
    for (const metric of ['partitions_missing', 'write_buffer_depth_max', 'write_buffer_flush_failures', 'db_pool_usage_max', 'db_cpu_percent', 'statement_max_ms']) {
      const r = judge(bare, { [metric]: [metric === 'partitions_missing' || metric === 'write_buffer_flush_failures' ? 'count==0' : 'value<1'] });
      expect(r.skipped, metric).toBe(true);
      expect(r.note, metric).toMatch(/^not measurable: /);
    }
    const remote = judge(withServer({ sampled: sampled({ dbCpuPercent: null, notMeasurable: { dbCpuPercent: 'Postgres at db.example is not a process of this machine' } }) }), { db_cpu_percent: ['value<=80'] });
    expect(remote).toMatchObject({ skipped: true, note: 'not measurable: Postgres at db.example is not a process of this machine' });
  });
});

describe('longestExecution (pg_stat_statements max_exec_time is all-time)', () => {
  const stmt = (calls: number, totalMs: number, maxMs: number, query = 'SELECT * FROM marks WHERE school = $1') => ({ query, calls, totalMs, maxMs });

  it('a max raised during the phase is exact; an unchanged one counts by its phase mean, a lower bound', () => {
    const before = new Map([['a', stmt(10, 100, 50)], ['b', stmt(10, 100, 3000, 'SELECT slow')]]);
    const raised = longestExecution(before, new Map([['a', stmt(12, 2600, 2400)], ['b', stmt(11, 110, 3000, 'SELECT slow')]]));
    expect(raised).toMatchObject({ value: 2400, exact: true });
    const notRaised = longestExecution(before, new Map([['a', stmt(10, 100, 50)], ['b', stmt(12, 420, 3000, 'SELECT slow')]]));
    expect(notRaised).toMatchObject({ value: 160, exact: false, query: 'SELECT slow' });
    expect(notRaised.note).toContain('lower bound');
    expect(longestExecution(before, before)).toMatchObject({ value: null });
  });
});

describe('the default sets carry the rules', () => {
  it('validate and name every alert rule of seeds 000, 001 and 002', () => {
    validateThresholds(analyticsThresholds);
    validateThresholds(schoolThresholds);
    validateThresholds(ridersThresholds);
    expect(Object.keys(analyticsThresholds)).toEqual(expect.arrayContaining(['http_req_duration{for:300s}', 'partitions_missing', 'write_buffer_depth_max', 'write_buffer_flush_failures']));
    expect(Object.keys(schoolThresholds)).toEqual(expect.arrayContaining(['db_cpu_percent', 'statement_max_ms', 'db_pool_usage_max', 'http_req_failed', 'cache_hit_ratio']));
    expect(Object.keys(ridersThresholds)).toEqual(expect.arrayContaining(['statement_mean_ms_max', 'statement_max_ms']));
  });
});
