import { describe, expect, it } from 'vitest';
import { LatencyRecorder } from '../../harness/drive/LatencyRecorder.ts';
import { evaluateThresholds } from '../../harness/judge/evaluateThresholds.ts';
import { exitCodeFor } from '../../harness/judge/exitCodeFor.ts';
import { verdictOf } from '../../harness/judge/verdictOf.ts';
import { isScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import type { RunSummary, ThresholdResult } from '../../harness/model/RunSummary.ts';
import { analyticsThresholds } from '../../thresholds/analytics.ts';
import { summaryOf } from './summaryOf.ts';

const START = 1_700_000_000_000;

/** pin_public: 100 requests at 1..100 ms (two of them 500s), X-Cache 80 HIT / 20 MISS; pin_analytics: 10 at 200 ms. */
function sampleSummary(over: { mix?: RunSummary['scenario']['mix']; cacheHitRatio?: number | null } = {}): RunSummary {
  const rec = new LatencyRecorder(START);
  for (let i = 1; i <= 100; i++) {
    const status = i % 50 === 0 ? 500 : 200;
    rec.record({ endpoint: 'pin_public', status, latencyMs: i, atMs: START + i * 50, failed: status !== 200, xCache: i <= 80 ? 'HIT' : 'MISS' });
  }
  for (let i = 0; i < 10; i++) rec.record({ endpoint: 'pin_analytics', status: 200, latencyMs: 200, atMs: START + i * 100, failed: false });
  const { endpoints, totals } = rec.summarize(10);
  return summaryOf({ endpoints, totals, durationS: 10, mix: over.mix ?? { pin_public: 70, pin_analytics: 20, pin_events: 10 }, cacheHitRatio: over.cacheHitRatio === undefined ? 0.9 : over.cacheHitRatio });
}

function one(results: ThresholdResult[], metric: string, expression: string): ThresholdResult {
  const r = results.find((x) => x.metric === metric && x.expression === expression);
  if (!r) throw new Error(`no result for ${metric} ${expression}`);
  return r;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

describe('evaluateThresholds', () => {
  it('reads latency aggregations of an endpoint from its summary and histogram', () => {
    const s = sampleSummary();
    const lat = s.endpoints.pin_public!.latencyMs;
    const key = 'http_req_duration{endpoint:pin_public}';
    const r = evaluateThresholds(s, { [key]: ['p(95)<96', 'p(95)<90', 'med<=51', 'avg<60', 'min>0', 'max<100', 'p(97.5)<99', 'p(99.9)<=100'] });
    expect(one(r, key, 'p(95)<96')).toMatchObject({ observed: lat.p95, ok: lat.p95 < 96 });
    expect(lat.p95).toBeGreaterThan(90); // so 'p(95)<90' must be crossed
    expect(one(r, key, 'p(95)<90').ok).toBe(false);
    expect(one(r, key, 'med<=51').observed).toBe(lat.p50);
    expect(one(r, key, 'avg<60').observed).toBe(lat.mean);
    expect(one(r, key, 'min>0').observed).toBe(lat.min);
    expect(one(r, key, 'max<100')).toMatchObject({ observed: lat.max, ok: false });
    // p(97.5) is not stored in latencyMs: it comes from decoding the HDR histogram (values 1..100 ms, 0.1% precision).
    const p975 = one(r, key, 'p(97.5)<99').observed!;
    expect(p975).toBeGreaterThanOrEqual(97 * 0.999);
    expect(p975).toBeLessThanOrEqual(98 * 1.001);
    expect(one(r, key, 'p(99.9)<=100').observed).toBe(lat.p999);
  });

  it('uses the totals for an untagged latency threshold', () => {
    const s = sampleSummary();
    const r = evaluateThresholds(s, { http_req_duration: ['p(95)<1000'] });
    expect(r[0]).toMatchObject({ observed: s.totals.latencyMs.p95, ok: true });
    expect(s.totals.latencyMs.p95).toBeGreaterThan(s.endpoints.pin_public!.latencyMs.p95); // the 200 ms analytics reads count
  });

  it('computes the failure rate as errors / requests, per endpoint and overall', () => {
    const r = evaluateThresholds(sampleSummary(), { http_req_failed: ['rate<0.01', 'rate<0.05'], 'http_req_failed{endpoint:pin_analytics}': ['rate==0'] });
    expect(one(r, 'http_req_failed', 'rate<0.01')).toMatchObject({ observed: 2 / 110, ok: false });
    expect(one(r, 'http_req_failed', 'rate<0.05').ok).toBe(true);
    expect(one(r, 'http_req_failed{endpoint:pin_analytics}', 'rate==0')).toMatchObject({ observed: 0, ok: true });
  });

  it('computes request count and rate over the measured seconds, with a status filter from statusCounts', () => {
    const r = evaluateThresholds(sampleSummary(), { http_reqs: ['count>=110', 'rate>=200'], 'http_reqs{endpoint:pin_public,status:500}': ['count<=2'], 'http_reqs{status:0}': ['count==0'] });
    expect(one(r, 'http_reqs', 'count>=110')).toMatchObject({ observed: 110, ok: true });
    expect(one(r, 'http_reqs', 'rate>=200')).toMatchObject({ observed: 11, ok: false });
    expect(one(r, 'http_reqs{endpoint:pin_public,status:500}', 'count<=2')).toMatchObject({ observed: 2, ok: true });
    expect(one(r, 'http_reqs{status:0}', 'count==0')).toMatchObject({ observed: 0, ok: true });
  });

  it('judges cache_hit_ratio from the server-side ratio and fails with "no cache data" when there is none', () => {
    expect(evaluateThresholds(sampleSummary({ cacheHitRatio: 0.9 }), { cache_hit_ratio: ['value>0.8'] })[0]).toMatchObject({ observed: 0.9, ok: true });
    expect(evaluateThresholds(sampleSummary({ cacheHitRatio: 0.5 }), { cache_hit_ratio: ['value>0.8'] })[0]).toMatchObject({ observed: 0.5, ok: false });
    const none = evaluateThresholds(sampleSummary({ cacheHitRatio: null }), { cache_hit_ratio: ['value>0.8'] })[0]!;
    expect(none).toMatchObject({ observed: null, ok: false });
    expect(none.note).toContain('no cache data');
  });

  it('judges queries_per_request per endpoint and for the whole API, and fails with the reason when it is unknown', () => {
    const s = sampleSummary();
    s.endpoints.pin_public!.queriesPerRequest = 0.25;
    s.server.queriesPerRequest = 1.5;
    const r = evaluateThresholds(s, { 'queries_per_request{endpoint:pin_public}': ['value<=1'], 'queries_per_request{endpoint:pin_analytics}': ['value<=1'], queries_per_request: ['value<=1'] });
    expect(one(r, 'queries_per_request{endpoint:pin_public}', 'value<=1')).toMatchObject({ observed: 0.25, ok: true });
    expect(one(r, 'queries_per_request', 'value<=1')).toMatchObject({ observed: 1.5, ok: false });
    const unknown = one(r, 'queries_per_request{endpoint:pin_analytics}', 'value<=1');
    expect(unknown).toMatchObject({ observed: null, ok: false });
    expect(unknown.note).toContain('no statement counts');
  });

  it('judges cache_hit from X-Cache headers and checks as the share of expected statuses', () => {
    const r = evaluateThresholds(sampleSummary(), { 'cache_hit{endpoint:pin_public}': ['rate>0.75'], 'cache_hit{endpoint:pin_analytics}': ['rate>0'], checks: ['rate>0.99'] });
    expect(one(r, 'cache_hit{endpoint:pin_public}', 'rate>0.75')).toMatchObject({ observed: 0.8, ok: true });
    const noHeader = one(r, 'cache_hit{endpoint:pin_analytics}', 'rate>0');
    expect(noHeader).toMatchObject({ observed: null, ok: false });
    expect(noHeader.note).toContain('no X-Cache samples');
    expect(one(r, 'checks', 'rate>0.99')).toMatchObject({ observed: 108 / 110, ok: false });
  });

  it('reports an endpoint outside the mix as not judged, and one in the mix without requests as "no samples" (crossed)', () => {
    const s = sampleSummary({ mix: { pin_public: 70, pin_analytics: 20, pin_events: 10 } });
    const r = evaluateThresholds(s, {
      'http_req_duration{endpoint:user}': ['p(95)<800'],
      'http_req_duration{endpoint:pin_events}': ['p(95)<800'],
      'http_req_failed{endpoint:pin_events}': ['rate<0.01'],
      'http_reqs{endpoint:pin_events}': ['count>=0'],
    });
    const user = one(r, 'http_req_duration{endpoint:user}', 'p(95)<800');
    expect(user).toMatchObject({ observed: null, ok: true });
    expect(user.note).toMatch(/^not judged: endpoint user is not in this run's mix/);
    const events = one(r, 'http_req_duration{endpoint:pin_events}', 'p(95)<800');
    expect(events).toMatchObject({ observed: null, ok: false });
    expect(events.note).toMatch(/^no samples: endpoint pin_events/);
    expect(one(r, 'http_req_failed{endpoint:pin_events}', 'rate<0.01')).toMatchObject({ observed: null, ok: false });
    // A count of zero is a real observation, not a missing one.
    expect(one(r, 'http_reqs{endpoint:pin_events}', 'count>=0')).toMatchObject({ observed: 0, ok: true });
  });

  it('is pure: the same input twice gives the same output and neither the summary nor the set is mutated', () => {
    const s = sampleSummary();
    const set = structuredClone(analyticsThresholds);
    const before = structuredClone({ s, set });
    deepFreeze(s);
    deepFreeze(set);
    const a = evaluateThresholds(s, set);
    const b = evaluateThresholds(s, set);
    expect(b).toEqual(a);
    expect({ s, set }).toEqual(before);
    expect(a.length).toBe(Object.values(set).flat().length);
  });

  it('judges the default set: user is not judged, the low request rate is crossed, the rest holds', () => {
    const r = evaluateThresholds(sampleSummary({ mix: { pin_public: 70, pin_analytics: 30 } }), analyticsThresholds);
    const crossed = r.filter((x) => !x.ok).map((x) => `${x.metric} ${x.expression}`);
    expect(crossed).toEqual(['http_req_failed rate<0.01', 'http_reqs rate>=200']);
    expect(one(r, 'http_req_duration{endpoint:pin_events}', 'p(95)<800').note).toMatch(/^not judged/);
  });

  it('throws SP_THRESHOLD_INVALID for an invalid set instead of judging it', () => {
    let err: unknown;
    try {
      evaluateThresholds(sampleSummary(), { http_req_latency: ['p(95)<800'] });
    } catch (e) {
      err = e;
    }
    expect(isScaleproofError(err, 'SP_THRESHOLD_INVALID')).toBe(true);
  });
});

describe('verdictOf and exitCodeFor', () => {
  const held: ThresholdResult = { metric: 'http_req_failed', expression: 'rate<0.01', observed: 0, ok: true };
  const crossed: ThresholdResult = { metric: 'http_reqs', expression: 'rate>=200', observed: 11, ok: false };

  it('passes with exit code 0 when every threshold holds', () => {
    expect(verdictOf([held, held])).toBe('pass');
    expect(exitCodeFor([held])).toBe(0);
  });

  it('fails with exit code 99 (k6 thresholds crossed) when any threshold is crossed', () => {
    expect(verdictOf([held, crossed])).toBe('fail');
    expect(exitCodeFor([held, crossed])).toBe(99);
  });
});
