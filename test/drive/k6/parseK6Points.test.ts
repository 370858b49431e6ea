import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseK6Points, type K6Points } from '../../../harness/drive/k6/parseK6Points.ts';
import { parseSummaryExport, type SummaryExport } from '../../../harness/drive/k6/parseSummaryExport.ts';
import { fixture, rawPoints, type FixtureName } from './k6Fixtures.ts';

const FIXTURES: FixtureName[] = ['pass', 'fail'];
const parsed = {} as Record<FixtureName, { points: K6Points; exported: SummaryExport }>;
let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sp-k6-points-'));
  for (const name of FIXTURES) {
    parsed[name] = { points: await parseK6Points(fixture(name, 'points.ndjson')), exported: await parseSummaryExport(fixture(name, 'summary-export.json')) };
  }
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The two samples k6 linearly interpolates between for p(q) (sorted ascending). */
function k6Bracket(values: number[], q: number): [number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  return [sorted[Math.floor(pos)]!, sorted[Math.ceil(pos)]!];
}

describe.each(FIXTURES)('parseK6Points on the recorded %s run', (name) => {
  it('counts as many requests as k6 counted http_reqs, with no errors (http_req_failed passes = 0)', () => {
    const { points, exported } = parsed[name];
    expect(points.totals.requests).toBe(exported.metrics.http_reqs?.count);
    expect(points.totals.errors).toBe(exported.metrics.http_req_failed?.passes);
    expect(sum(Object.values(points.endpoints).map((e) => e.requests))).toBe(points.totals.requests);
  });

  it('puts each request under its endpoint tag, matching the per-endpoint check and cache_hit counts', () => {
    const { points, exported } = parsed[name];
    const { pin_public, pin_analytics, pin_events } = points.endpoints;
    // The script checks "status 202" on pin_events only and "status 200" on both reads; cache_hit is fed by both reads.
    const c202 = exported.checks['status 202']!;
    const c200 = exported.checks['status 200']!;
    expect(pin_events?.requests).toBe(c202.passes + c202.fails);
    expect((pin_public?.requests ?? 0) + (pin_analytics?.requests ?? 0)).toBe(c200.passes + c200.fails);
    expect((pin_public?.requests ?? 0) + (pin_analytics?.requests ?? 0)).toBe((exported.metrics.cache_hit?.passes ?? 0) + (exported.metrics.cache_hit?.fails ?? 0));
    expect(pin_events?.statusCounts).toEqual({ '202': c202.passes });
  });

  it('matches k6 min and max of each tagged sub-metric within HDR precision', () => {
    const { points, exported } = parsed[name];
    for (const ep of ['pin_public', 'pin_analytics'] as const) {
      const k6 = exported.metrics[`http_req_duration{endpoint:${ep}}`]!;
      const ours = points.endpoints[ep]!.latencyMs;
      expect(Math.abs(ours.min - k6.min!)).toBeLessThanOrEqual(k6.min! * 0.001 + 0.001);
      expect(Math.abs(ours.max - k6.max!)).toBeLessThanOrEqual(k6.max! * 0.001 + 0.001);
    }
  });

  it("puts our HDR p95 between the two samples k6 interpolates between, and within 1% of k6's p(95) when those are within 1%", () => {
    const { points, exported } = parsed[name];
    const raw = rawPoints(name).filter((p) => p.metric === 'http_req_duration');
    for (const ep of ['pin_public', 'pin_analytics'] as const) {
      const k6p95 = exported.metrics[`http_req_duration{endpoint:${ep}}`]!['p(95)']!;
      const ours = points.endpoints[ep]!.latencyMs.p95;
      const [lo, hi] = k6Bracket(raw.filter((p) => p.data.tags.endpoint === ep).map((p) => p.data.value), 0.95);
      expect(k6p95).toBeGreaterThanOrEqual(lo);
      expect(k6p95).toBeLessThanOrEqual(hi);
      // HDR keeps 3 significant digits (0.1%) and we round to the microsecond.
      expect(ours).toBeGreaterThanOrEqual(lo * 0.999 - 0.001);
      expect(ours).toBeLessThanOrEqual(hi * 1.001 + 0.001);
      if ((hi - lo) / k6p95 < 0.01) expect(Math.abs(ours - k6p95) / k6p95).toBeLessThan(0.01);
    }
  });

  it('builds a per-second timeline whose seconds add up to the requests, per endpoint and in total', () => {
    const { points } = parsed[name];
    expect(sum(points.totals.timeline.map((t) => t.requests))).toBe(points.totals.requests);
    for (const e of Object.values(points.endpoints)) expect(sum(e.timeline.map((t) => t.requests))).toBe(e.requests);
    expect(points.totals.timeline[0]?.t).toBe(0);
    expect(points.durationS).toBeGreaterThan(2.9); // 3 s constant-arrival-rate scenario
    expect(points.durationS).toBeLessThan(3.5);
  });

  it('counts X-Cache hits and misses per endpoint from the cache_hit points, as k6 counted passes and fails', () => {
    const { points, exported } = parsed[name];
    expect(sum(Object.values(points.xCache).map((c) => c.hits))).toBe(exported.metrics.cache_hit?.passes);
    expect(sum(Object.values(points.xCache).map((c) => c.misses))).toBe(exported.metrics.cache_hit?.fails);
    // The recorded target always answers MISS for analytics.
    expect(points.endpoints.pin_analytics?.xCache).toEqual({ hits: 0, misses: points.endpoints.pin_analytics?.requests });
    expect(points.endpoints.pin_public?.xCache).toEqual(points.xCache.pin_public);
    expect(points.endpoints.pin_events?.xCache).toBeUndefined();
  });
});

describe('parseK6Points across files and phases', () => {
  it('merges several NDJSON files (one per k6 instance) into one summary', async () => {
    const merged = await parseK6Points([fixture('pass', 'points.ndjson'), fixture('fail', 'points.ndjson')]);
    expect(merged.files).toBe(2);
    expect(merged.totals.requests).toBe(parsed.pass.points.totals.requests + parsed.fail.points.totals.requests);
    for (const ep of ['pin_public', 'pin_analytics', 'pin_events']) {
      expect(merged.endpoints[ep]?.requests).toBe((parsed.pass.points.endpoints[ep]?.requests ?? 0) + (parsed.fail.points.endpoints[ep]?.requests ?? 0));
    }
    expect(merged.xCache.pin_public?.hits).toBe((parsed.pass.points.xCache.pin_public?.hits ?? 0) + (parsed.fail.points.xCache.pin_public?.hits ?? 0));
    expect(merged.totals.latencyMs.max).toBe(Math.max(parsed.pass.points.totals.latencyMs.max, parsed.fail.points.totals.latencyMs.max));
  });

  it('reads a gzipped points file the same as the plain one', async () => {
    const gz = path.join(tmp, 'points.ndjson.gz');
    await fs.writeFile(gz, zlib.gzipSync(await fs.readFile(fixture('pass', 'points.ndjson'))));
    const fromGz = await parseK6Points(gz);
    expect(fromGz.totals).toEqual(parsed.pass.points.totals);
    expect(fromGz.endpoints).toEqual(parsed.pass.points.endpoints);
  });

  it('keeps warm-up points (phase tag) out of the measured numbers and reports them on their own', async () => {
    // The pass run re-tagged: requests that ended in its first second become the warm-up scenario.
    const lines = (await fs.readFile(fixture('pass', 'points.ndjson'), 'utf8')).split('\n').filter(Boolean);
    const first = Math.min(...rawPoints('pass').map((p) => Date.parse(p.data.time)));
    let warmRequests = 0;
    let warmCache = 0;
    const out = lines.map((l) => {
      const rec = JSON.parse(l);
      if (rec.type !== 'Point' || Date.parse(rec.data.time) >= first + 1000) {
        if (rec.type === 'Point') rec.data.tags = { ...rec.data.tags, phase: 'measured' };
        return JSON.stringify(rec);
      }
      if (rec.metric === 'http_req_duration') warmRequests++;
      if (rec.metric === 'cache_hit') warmCache++;
      rec.data.tags = { ...rec.data.tags, phase: 'warmup', scenario: 'warmup' };
      return JSON.stringify(rec);
    });
    const time = new Date(first + 500).toISOString();
    out.push(JSON.stringify({ metric: 'dropped_iterations', type: 'Point', data: { time, value: 2, tags: { scenario: 'warmup' } } }));
    out.push(JSON.stringify({ metric: 'dropped_iterations', type: 'Point', data: { time, value: 3, tags: { scenario: 'measured', phase: 'measured' } } }));
    out.push('{"metric":"http_req_duration","type":"Po'); // a killed run's truncated last line
    const file = path.join(tmp, 'phases.ndjson');
    await fs.writeFile(file, out.join('\n') + '\n');

    const p = await parseK6Points(file);
    expect(warmRequests).toBeGreaterThan(0);
    expect(p.warmup.requests).toBe(warmRequests);
    expect(p.totals.requests).toBe(parsed.pass.points.totals.requests - warmRequests);
    expect(sum(p.totals.timeline.map((t) => t.requests))).toBe(p.totals.requests);
    expect(sum(Object.values(p.xCache).map((c) => c.hits + c.misses))).toBe(sum(Object.values(parsed.pass.points.xCache).map((c) => c.hits + c.misses)) - warmCache);
    expect(p.droppedIterations).toEqual({ measured: 3, warmup: 2 });
    expect(p.badLines).toBe(1);
    expect(p.warmup.durationS).toBeGreaterThan(0.5);
    expect(p.warmup.durationS).toBeLessThanOrEqual(1.1);
    expect(p.measuredStartMs).toBeGreaterThanOrEqual(first + 900);
  });

  it('uses the given measured start and duration for the timeline and throughput', async () => {
    const start = parsed.pass.points.measuredStartMs! - 2000;
    const p = await parseK6Points(fixture('pass', 'points.ndjson'), { measuredStartMs: start, durationS: 10 });
    expect(p.totals.timeline[0]?.t).toBe(2);
    expect(p.totals.throughputRps).toBeCloseTo(p.totals.requests / 10, 9);
  });
});
