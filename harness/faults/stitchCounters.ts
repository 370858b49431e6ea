/*
 * A restart resets a process's counters: an API restarted by api-kill/api-term starts its /metrics at 0, and a
 * redis-server brought back by redis-down starts INFO at 0. The measured phase's deltas are then the sum of the
 * segments, (last_1 - before) + (last_2 - 0) + ... + (after - 0) = after - (before - sum of last_i), where last_i is
 * the reading just before reset i. So the "before" snapshot is lowered by those readings, and serverSide's usual
 * after - before does the rest. The few requests between that reading and the kill itself are not counted.
 */
import type { ApiMetricsSnapshot } from '../probe/apiMetrics.ts';
import type { ServerSnapshot } from '../probe/snapshotServer.ts';
import type { FaultEvent } from './runFaults.ts';

const minus = (a: number | null, b: number | null): number | null => (a === null || b === null ? a : a - b);

function lowerApi(a: ApiMetricsSnapshot, last: ApiMetricsSnapshot): ApiMetricsSnapshot {
  let routes = a.routes;
  if (routes && last.routes) {
    routes = { ...routes };
    for (const [route, r] of Object.entries(last.routes)) {
      const cur = routes[route] ?? { requests: 0, statements: 0 };
      routes[route] = { requests: cur.requests - r.requests, statements: cur.statements - r.statements };
    }
  }
  return {
    cacheHits: a.cacheHits - last.cacheHits,
    cacheMisses: a.cacheMisses - last.cacheMisses,
    storeLookupHits: minus(a.storeLookupHits, last.storeLookupHits),
    storeLookupMisses: minus(a.storeLookupMisses, last.storeLookupMisses),
    dbQueries: minus(a.dbQueries, last.dbQueries),
    bufferFlushes: minus(a.bufferFlushes, last.bufferFlushes),
    bufferFailures: minus(a.bufferFailures, last.bufferFailures),
    bufferDepth: a.bufferDepth, // a gauge: not a counter to stitch
    routes,
  };
}

export function stitchBefore(before: ServerSnapshot, events: readonly FaultEvent[]): ServerSnapshot {
  let { api, redis } = before;
  const errors = [...before.errors];
  for (const e of events) {
    if (e.spec.kind === 'api-kill' || e.spec.kind === 'api-term') {
      if (api && e.api.start) api = lowerApi(api, e.api.start);
      else if (api) errors.push(`${e.spec.spec}: the API's counters could not be read before the restart; API counter deltas cover only the time since it`);
    }
    if (e.spec.kind === 'redis-down' && redis && e.redisStart) {
      redis = { keyspaceHits: redis.keyspaceHits - e.redisStart.keyspaceHits, keyspaceMisses: redis.keyspaceMisses - e.redisStart.keyspaceMisses };
    }
  }
  return { ...before, api, redis, errors };
}
