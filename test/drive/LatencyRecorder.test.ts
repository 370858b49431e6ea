import { describe, expect, it } from 'vitest';
import { LatencyRecorder } from '../../harness/drive/LatencyRecorder.ts';
import { decodeHistogram } from '../../harness/drive/latencyHistogram.ts';

describe('LatencyRecorder', () => {
  it('builds per-endpoint and total percentiles, counts and timelines from single samples', () => {
    const rec = new LatencyRecorder(1_000_000);
    // pin_public: 1..100 ms over seconds 0..1; pin_events: 200 ms x 10 in second 2, two of them failed (500).
    for (let i = 1; i <= 100; i++) rec.record({ endpoint: 'pin_public', status: 200, latencyMs: i, atMs: 1_000_000 + (i <= 50 ? 100 : 1500), failed: false, xCache: i % 4 === 0 ? 'MISS' : 'HIT' });
    for (let i = 0; i < 10; i++) rec.record({ endpoint: 'pin_events', status: i < 2 ? 500 : 202, latencyMs: 200, atMs: 1_002_500, failed: i < 2 });
    const { endpoints, totals } = rec.summarize(4);
    const pub = endpoints.pin_public!;
    expect(pub.requests).toBe(100);
    expect(pub.latencyMs.p50).toBeCloseTo(50, 0);
    expect(pub.latencyMs.p99).toBeCloseTo(99, 0);
    expect(pub.latencyMs.max).toBeCloseTo(100, 0);
    expect(pub.xCache).toEqual({ hits: 75, misses: 25 });
    expect(pub.timeline.map((p) => [p.t, p.requests])).toEqual([[0, 50], [1, 50]]);
    expect(endpoints.pin_events!.statusCounts).toEqual({ '500': 2, '202': 8 });
    expect(endpoints.pin_events!.errors).toBe(2);
    expect(totals.requests).toBe(110);
    expect(totals.errors).toBe(2);
    expect(totals.throughputRps).toBeCloseTo(110 / 4, 9);
    expect(totals.statusCounts).toEqual({ '200': 100, '500': 2, '202': 8 });
    expect(totals.timeline.map((p) => [p.t, p.requests, p.errors])).toEqual([[0, 50, 0], [1, 50, 0], [2, 10, 2]]);
    expect(totals.latencyMs.max).toBeCloseTo(200, 0);
    // The encoded histogram decodes to the same counts, so runs and trials can be merged later.
    expect(decodeHistogram(totals.histogram).totalCount).toBe(110);
    expect(rec.requests).toBe(110);
    expect(rec.errors).toBe(2);
  });
});
