/* Counters across restarts: the measured delta is the sum of each process's segment, never a negative number. */
import { describe, expect, it } from 'vitest';
import { parseFaultSpec } from '../../harness/faults/FaultSpec.ts';
import type { FaultEvent } from '../../harness/faults/runFaults.ts';
import { stitchBefore } from '../../harness/faults/stitchCounters.ts';
import type { ApiMetricsSnapshot } from '../../harness/probe/apiMetrics.ts';

const api = (hits: number, queries: number, routeRequests: number): ApiMetricsSnapshot => ({
  cacheHits: hits, cacheMisses: 1, storeLookupHits: hits, storeLookupMisses: 1, dbQueries: queries, bufferFlushes: 2, bufferFailures: 0, bufferDepth: 5,
  routes: { 'GET /x': { requests: routeRequests, statements: queries } },
});

describe('stitchBefore', () => {
  it('lowers "before" by the readings taken just before each restart, so after - before sums the segments', () => {
    const before = { api: api(100, 50, 40), redis: { keyspaceHits: 1000, keyspaceMisses: 10 }, errors: [] };
    const events = [
      { spec: parseFaultSpec('api-kill@5s'), api: { start: api(160, 80, 70) } },
      { spec: parseFaultSpec('redis-down@10s+2s'), api: {}, redisStart: { keyspaceHits: 1500, keyspaceMisses: 30 } },
      { spec: parseFaultSpec('api-term@20s'), api: { start: api(30, 10, 12) } },
    ] as unknown as FaultEvent[];
    const s = stitchBefore(before, events);
    const after = api(25, 9, 8); // the third process's own counts since its start
    // (160 - 100) + 30 + 25 = 115 hits; (80 - 50) + 10 + 9 = 49 queries; (70 - 40) + 12 + 8 = 50 route requests.
    expect(after.cacheHits - s.api!.cacheHits).toBe(115);
    expect(after.dbQueries! - s.api!.dbQueries!).toBe(49);
    expect(after.routes!['GET /x']!.requests - s.api!.routes!['GET /x']!.requests).toBe(50);
    expect(s.api!.bufferDepth).toBe(5); // a gauge is not stitched
    // Redis: (1500 - 1000) + 200 hits since the new server started = 700.
    expect(200 - s.redis!.keyspaceHits).toBe(700);
    expect(s.errors).toEqual([]);
  });

  it('says so when the API could not be read before a restart', () => {
    const s = stitchBefore({ api: api(1, 1, 1), errors: [] }, [{ spec: parseFaultSpec('api-kill@5s'), api: {} }] as unknown as FaultEvent[]);
    expect(s.errors.join(' ')).toContain('could not be read before the restart');
  });
});
