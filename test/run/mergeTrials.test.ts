import { describe, expect, it } from 'vitest';
import { LatencyRecorder } from '../../harness/drive/LatencyRecorder.ts';
import { mergeTrials, type TrialMeasure } from '../../harness/run/mergeTrials.ts';
import { evaluateThresholds } from '../../harness/judge/evaluateThresholds.ts';
import { renderJunit } from '../../harness/report/renderJunit.ts';
import { summaryOf } from '../judge/summaryOf.ts';

/** One trial of `requests` responses spread over `durationS` seconds, latencies from a seeded LCG. */
function trial(requests: number, durationS: number, seed: number, slowdown = 1): TrialMeasure {
  const rec = new LatencyRecorder(0);
  let x = seed;
  for (let i = 0; i < requests; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const endpoint = i % 4 === 0 ? 'pin_events' : 'pin_public';
    rec.record({ endpoint, status: i % 50 === 0 ? 500 : 200, latencyMs: (1 + (x % 1000) / 100) * slowdown, atMs: Math.floor((i / requests) * durationS * 1000), failed: i % 50 === 0 });
  }
  return { ...rec.summarize(durationS), durationS };
}

describe('mergeTrials', () => {
  it('adds counts, merges histograms and lays timelines end to end', () => {
    const a = trial(4000, 4, 1);
    const b = trial(2000, 4, 2, 3);
    const m = mergeTrials([a, b]);
    expect(m.durationS).toBe(8);
    expect(m.totals.requests).toBe(6000);
    expect(m.totals.errors).toBe(a.totals.errors + b.totals.errors);
    expect(m.endpoints.pin_public!.requests).toBe(a.endpoints.pin_public!.requests + b.endpoints.pin_public!.requests);
    expect(m.totals.throughputRps).toBeCloseTo(6000 / 8, 6);
    // The merged p99 sits between the two trials' p99s (a merged histogram, not an average of percentiles).
    expect(m.totals.latencyMs.p99).toBeGreaterThanOrEqual(a.totals.latencyMs.p99);
    expect(m.totals.latencyMs.p99).toBeLessThanOrEqual(b.totals.latencyMs.p99);
    // Equal within HDR precision (3 significant digits).
    expect(m.totals.latencyMs.max).toBeCloseTo(Math.max(a.totals.latencyMs.max, b.totals.latencyMs.max), 1);
    expect(m.totals.timeline.reduce((s, p) => s + p.requests, 0)).toBe(6000);
    expect(Math.max(...m.totals.timeline.map((p) => p.t))).toBeGreaterThanOrEqual(4);
  });

  it('makes http_reqs rate thresholds divide by the measured time of all trials', () => {
    const m = mergeTrials([trial(4000, 4, 1), trial(4000, 4, 2)]);
    const s = summaryOf({ endpoints: m.endpoints, totals: m.totals, durationS: 4, mix: { pin_public: 75, pin_events: 25 } });
    const [r] = evaluateThresholds(s, { http_reqs: ['rate>=900'] });
    expect(r!.observed).toBeCloseTo(8000 / 8, 6);
    expect(r!.ok).toBe(true);
  });
});

describe('thresholds that do not apply to a run', () => {
  it('are reported as skipped, in the summary and in junit.xml, not as passes', () => {
    const t = trial(1000, 2, 3);
    const s = summaryOf({ endpoints: t.endpoints, totals: t.totals, durationS: 2, mix: { pin_public: 75, pin_events: 25 } });
    s.thresholds = evaluateThresholds(s, { 'http_req_duration{endpoint:user}': ['p(95)<800'], 'http_req_duration{endpoint:pin_public}': ['p(95)<800'] });
    const user = s.thresholds.find((r) => r.metric.includes('user'))!;
    expect(user.skipped).toBe(true);
    expect(s.thresholds.find((r) => r.metric.includes('pin_public'))!.skipped).toBeUndefined();
    const junit = renderJunit(s);
    expect(junit).toContain('skipped="1"');
    expect(junit.match(/<skipped /g)).toHaveLength(1);
  });
});
