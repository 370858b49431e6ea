/*
 * What a fault did, from per-second timelines built by the real LatencyRecorder: errors split into during/after,
 * recovery as the latest of first success, errors stopping and p95 back within the thresholds' budget, the cache
 * hit ratio around a Redis outage, and lost acknowledged writes attributed to the fault that followed them.
 */
import { describe, expect, it } from 'vitest';
import { LatencyRecorder } from '../../harness/drive/LatencyRecorder.ts';
import { faultImpact, p95Budgets } from '../../harness/faults/faultImpact.ts';
import { parseFaultSpec } from '../../harness/faults/FaultSpec.ts';
import type { FaultEvent } from '../../harness/faults/runFaults.ts';
import type { ApiMetricsSnapshot } from '../../harness/probe/apiMetrics.ts';

const START = 1_700_000_000_000;

function counters(cacheHits: number, cacheMisses: number): ApiMetricsSnapshot {
  return { cacheHits, cacheMisses, storeLookupHits: null, storeLookupMisses: null, dbQueries: null, bufferFlushes: null, bufferFailures: null, bufferDepth: null, routes: null };
}

function run() {
  const rec = new LatencyRecorder(START);
  const add = (t: number, n: number, status: number, ms: number) => {
    for (let i = 0; i < n; i++) rec.record({ endpoint: 'a', status, latencyMs: ms, atMs: START + t * 1000 + i, failed: status !== 200 });
  };
  for (let t = 0; t < 12; t++) add(t, 100, 200, t === 6 ? 900 : 5); // second 6: every request over the 800 ms budget
  for (const t of [3, 4, 5]) add(t, 50, 0, 1); // the API is down: refused connections
  add(9, 4, 503, 2); // a few 5xx while Redis is down
  return rec.summarize(12);
}

const events: FaultEvent[] = [
  { spec: parseFaultSpec('api-kill@3s'), method: 'kill', atS: 3.2, actedAtS: 3.4, restoredAtS: 5.0, firstSuccessAtS: 5.3, api: { start: counters(10, 10), restored: counters(0, 0), end: counters(30, 10) } },
  { spec: parseFaultSpec('redis-down@8s+1s'), method: 'down', atS: 8.0, actedAtS: 8.1, restoredAtS: 9.0, firstSuccessAtS: 9.1, api: { start: counters(30, 10), restored: counters(31, 29), end: counters(61, 39) } },
];

describe('faultImpact', () => {
  const { endpoints, totals } = run();
  const [kill, redis] = faultImpact({ events, endpoints, totals, durationS: 12, thresholds: { 'http_req_duration{endpoint:a}': ['p(95)<800'] }, lostAckSeconds: [-5, 1.0, 2.5, 3.3, 3.5, 10] });

  it('splits the window at the later of restore and first success, and counts 5xx and transport errors apart', () => {
    expect(kill!.during).toEqual({ requests: 3 * 150, serverErrors: 0, transportErrors: 150, otherErrors: 0 });
    expect(kill!.after).toEqual({ requests: 200, serverErrors: 0, transportErrors: 0, otherErrors: 0 }); // seconds 6, 7 (the window ends at 8)
    expect(redis!.during).toEqual({ requests: 204, serverErrors: 4, transportErrors: 0, otherErrors: 0 }); // seconds 8, 9
    expect(redis!.after.requests).toBe(200); // seconds 10, 11
  });

  it('recovery is the latest of first success, the last erroring second and 3 settled seconds within the p95 budget', () => {
    expect(kill!.firstSuccessAfterS).toBeCloseTo(2.1, 6);
    expect(kill!.errorsStopAfterS).toBeCloseTo(6 - 3.2, 6);
    expect(kill!.p95BackAfterS).toBeCloseTo(7 - 3.2, 6); // second 6 is over budget; 7, 8... settle (the window ends at 8)
    expect(kill!.recoveryS).toBeCloseTo(3.8, 6);
    expect(redis!.errorsStopAfterS).toBeCloseTo(2, 6);
    expect(redis!.recoveryS).toBeCloseTo(2, 6);
  });

  it('gives the hit ratio while Redis was down and after it came back; none across an API restart', () => {
    expect(redis!.cacheHitRatioDuring).toBeCloseTo(1 / 20, 3);
    expect(redis!.cacheHitRatioAfter).toBeCloseTo(30 / 40, 3);
    expect(kill!.cacheHitRatioDuring).toBeNull();
    expect(kill!.cacheHitRatioAfter).toBeCloseTo(0.75, 3);
  });

  it('attributes a lost write to the first fault whose action was done after its acknowledgement', () => {
    // -5 (warm-up), 1.0, 2.5, and 3.3: answered after the kill began but before the process was gone.
    expect(kill!.ackedWritesLost).toBe(4);
    expect(redis!.ackedWritesLost).toBe(1); // acked at 3.5; the one at 10 follows the last fault
  });

  it('does not call a stall settled: seconds that answer under half the pre-fault rate wait for the rate to return', () => {
    const rec = new LatencyRecorder(START);
    for (let t = 0; t < 12; t++) {
      const n = t >= 4 && t <= 6 ? 10 : 100; // the database is gone: only cached reads are answered, fast
      for (let i = 0; i < n; i++) rec.record({ endpoint: 'a', status: 200, latencyMs: 3, atMs: START + t * 1000 + i, failed: false });
    }
    const { endpoints: eps, totals: tot } = rec.summarize(12);
    const stall: FaultEvent = { spec: parseFaultSpec('pg-restart@4s+3s'), method: 'restart', atS: 4.0, actedAtS: 4.1, restoredAtS: 7.0, firstSuccessAtS: 4.1, api: {} };
    const [f] = faultImpact({ events: [stall], endpoints: eps, totals: tot, durationS: 12, thresholds: { 'http_req_duration{endpoint:a}': ['p(95)<800'] } });
    expect(f!.errorsStopAfterS).toBe(0);
    expect(f!.p95BackAfterS).toBeCloseTo(3, 6);
    expect(f!.recoveryS).toBeCloseTo(3, 6);
  });

  it('never recovers when the last seconds of the window keep failing, and says so with null', () => {
    const failing = faultImpact({ events: [events[0]!], endpoints, totals, durationS: 7, thresholds: { 'http_req_duration{endpoint:a}': ['p(95)<800'] } });
    expect(failing[0]!.p95BackAfterS).toBeNull(); // 6 is over budget and nothing follows within the 7 s phase
    expect(failing[0]!.recoveryS).toBeNull();
    expect(failing[0]!.ackedWritesLost).toBeNull(); // writes were not tracked
  });
});

describe('p95Budgets', () => {
  it('takes the tightest p(95) upper bound per endpoint and "*" for an untagged line; ignores other aggregations', () => {
    const b = p95Budgets({ 'http_req_duration{endpoint:a}': ['p(95)<800', 'p(95)<=500', 'p(99)<100'], http_req_duration: ['p(95)<900', 'avg<1'], http_req_failed: ['rate<0.01'] });
    expect([...b.entries()].sort()).toEqual([['*', 900], ['a', 500]]);
  });
});
