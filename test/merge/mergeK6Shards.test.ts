import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeK6Shards, type MergedK6 } from '../../harness/merge/mergeK6Shards.ts';
import { mergedRunSummary } from '../../harness/merge/mergedRunSummary.ts';
import { createHistogram, latencyStats, recordMs } from '../../harness/drive/latencyHistogram.ts';
import { durations, SEGMENTS, segmentTags, shardDir, summaryExport, taggedCopy } from './segmentFixtures.ts';

let tmp: string;
let merged: MergedK6;
const alone = {} as Record<(typeof SEGMENTS)[number], MergedK6>;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sp-merge-'));
  merged = await mergeK6Shards(SEGMENTS.map(shardDir));
  for (const s of SEGMENTS) alone[s] = await mergeK6Shards([shardDir(s)]);
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** HDR's value at percentile q of the exact samples: the nearest-rank sample, within the histogram's 0.1%. */
function nearestRank(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((q / 100) * sorted.length) - 1)]!;
}

describe('mergeK6Shards on the recorded three-segment run', () => {
  it("counts exactly the requests of the whole test run on one instance (full: 1201), and sums k6's counters", async () => {
    const full = summaryExport('full').metrics;
    expect(merged.measure.totals.requests).toBe(full.http_reqs!.count);
    expect(merged.measure.totals.requests).toBe((await mergeK6Shards([shardDir('full')])).measure.totals.requests);
    expect(merged.instances.counters.http_reqs).toBe(full.http_reqs!.count);
    expect(merged.instances.counters.iterations).toBe(full.iterations!.count);
    const segs = SEGMENTS.map((s) => summaryExport(s).metrics);
    expect(merged.instances.counters.data_sent).toBe(segs.reduce((a, m) => a + m.data_sent!.count!, 0));
    expect(merged.droppedIterations).toBe(0);
    expect(merged.measure.totals.errors).toBe(0);
  });

  it('gives each endpoint the sum of its requests over the segments, and records each instance with its own counts', () => {
    for (const ep of ['pin_public', 'pin_analytics', 'pin_events']) {
      expect(merged.measure.endpoints[ep]?.requests).toBe(SEGMENTS.reduce((a, s) => a + (alone[s].measure.endpoints[ep]?.requests ?? 0), 0));
    }
    expect(merged.instances.count).toBe(3);
    expect(merged.instances.shards.map((s) => s.requests)).toEqual([401, 400, 400]);
    expect(merged.instances.shards.map((s) => s.counters.http_reqs)).toEqual(SEGMENTS.map((s) => summaryExport(s).metrics.http_reqs!.count));
    expect(merged.instances.shards.every((s) => s.validity.k6ExitCode === 0)).toBe(true);
    const timelineSum = merged.measure.totals.timeline.reduce((a, t) => a + t.requests, 0);
    expect(timelineSum).toBe(1201);
  });

  it('computes the merged percentiles from the union of the raw samples of the three files, to histogram precision', () => {
    const cases: Array<[string | undefined, ReturnType<typeof latencyStats>]> = [[undefined, merged.measure.totals.latencyMs]];
    for (const ep of ['pin_public', 'pin_analytics', 'pin_events']) cases.push([ep, merged.measure.endpoints[ep]!.latencyMs]);
    for (const [ep, ours] of cases) {
      const union = durations(SEGMENTS, ep);
      const h = createHistogram();
      for (const v of union) recordMs(h, v);
      expect(ours).toEqual(latencyStats(h));
      for (const [q, key] of [[50, 'p50'], [90, 'p90'], [95, 'p95'], [99, 'p99']] as const) {
        const exact = nearestRank(union, q);
        expect(Math.abs(ours[key] - exact), `${ep ?? 'total'} ${key}`).toBeLessThanOrEqual(exact * 0.001 + 0.001);
      }
    }
  });

  it('reads the segments from the k6 tags when the shards carry them, and verifies one test', async () => {
    const dirs = SEGMENTS.map((s, i) => taggedCopy(s, path.join(tmp, `tagged-${s}`), segmentTags(i + 1)));
    const m = await mergeK6Shards([dirs[2]!, dirs[0]!, dirs[1]!]);
    expect(m.instances).toMatchObject({ identityVerified: true, testId: 'a1b2c3d4e5f60718', sequence: '0,1/3,2/3,1' });
    expect(m.instances.shards.map((s) => [s.instanceId, s.segment])).toEqual([[3, '2/3:1'], [1, '0:1/3'], [2, '1/3:2/3']]);
    expect(m.measure.totals.requests).toBe(1201);
    expect(m.measure.totals.latencyMs).toEqual(merged.measure.totals.latencyMs);
  });
});

describe('thresholds judged on the merged data', () => {
  it('fails a threshold that each segment passes on its own but the whole test crosses', () => {
    // From the fixture: each instance ran 1/3 of the rate (~100 req/s), the test ran ~300 req/s. A bound halfway
    // between the fastest instance and the whole test holds for every instance and is crossed by the test.
    const segRates = SEGMENTS.map((s) => summaryExport(s).metrics.http_reqs!.rate!);
    const fullRate = summaryExport('full').metrics.http_reqs!.rate!;
    const bound = Math.round((Math.max(...segRates) + fullRate) / 2);
    const thresholds = { http_reqs: [`rate<${bound}`], 'http_req_duration{endpoint:pin_public}': ['p(95)<800'] };
    for (const s of SEGMENTS) {
      const own = mergedRunSummary(alone[s], { thresholds, command: 'test', cwd: tmp });
      expect(own.verdict, s).toBe('pass');
    }
    const whole = mergedRunSummary(merged, { thresholds, command: 'test', cwd: tmp, workload: { name: 'analytics', endpointOrder: ['pin_public', 'pin_analytics', 'pin_events'] } });
    expect(whole.verdict).toBe('fail');
    const rate = whole.thresholds.find((t) => t.metric === 'http_reqs')!;
    expect(rate.ok).toBe(false);
    expect(rate.observed).toBeGreaterThan(bound);
    expect(Object.keys(whole.scenario.mix)).toEqual(['pin_public', 'pin_analytics', 'pin_events']);
    expect(whole.instances?.shards).toHaveLength(3);
  });
});
