/* Where the run's cache hit ratio comes from, and that an API with no cache reports none (not its limiter's keys). */
import { describe, expect, it } from 'vitest';
import type { ApiMetricsSnapshot } from '../../harness/probe/apiMetrics.ts';
import { serverSide } from '../../harness/probe/serverSide.ts';

const api = (cacheHits: number, cacheMisses: number): ApiMetricsSnapshot => ({
  cacheHits, cacheMisses, storeLookupHits: cacheHits, storeLookupMisses: cacheMisses, dbQueries: 0, bufferFlushes: null, bufferFailures: null, bufferDepth: null, routes: null,
});

describe('serverSide cache hit ratio', () => {
  it('takes Redis INFO when the API used its cache', () => {
    const out = serverSide({ before: { api: api(0, 0), redis: { keyspaceHits: 0, keyspaceMisses: 0 }, errors: [] }, after: { api: api(80, 20), redis: { keyspaceHits: 81, keyspaceMisses: 19 }, errors: [] }, requests: 100, xCache: undefined, inProcessCache: false });
    expect(out).toMatchObject({ cacheHitSource: 'redis-info', cacheHitRatio: 0.81 });
  });

  it('reports none when the API counted no cache lookup, whatever else Redis served (rate-limit keys)', () => {
    const out = serverSide({ before: { api: api(0, 0), redis: { keyspaceHits: 0, keyspaceMisses: 0 }, errors: [] }, after: { api: api(0, 0), redis: { keyspaceHits: 500, keyspaceMisses: 10 }, errors: [] }, requests: 100, xCache: undefined, inProcessCache: false });
    expect(out).toMatchObject({ cacheHitSource: 'none', cacheHitRatio: null });
    expect(out.redis?.hits).toBe(500); // still recorded, just not called a cache hit ratio
  });
});
