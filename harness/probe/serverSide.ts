/*
 * Turns before/after snapshots of the measured phase into the summary's `server` block.
 * cache_hit_ratio comes from the Redis INFO delta when we can reach that Redis, cross-checked against the
 * API's counters; from the API's counters when the cache is in-process; from X-Cache headers when only a
 * --target URL is known.
 */
import type { ServerSide } from '../model/RunSummary.ts';
import type { ServerSnapshot } from './snapshotServer.ts';
import { longestExecution } from './longestExecution.ts';

/** Statements the server probe itself issues (harness/probe/pgStats.ts). */
const PROBE_QUERY = /\bpg_stat_statements\b|\bpg_stat_database\b|\bpg_extension\b/;

const ratio = (hits: number, misses: number): number | null => (hits + misses > 0 ? hits / (hits + misses) : null);

export interface ServerSideInput {
  before: ServerSnapshot;
  after: ServerSnapshot;
  /** Requests sent in the measured phase. */
  requests: number;
  xCache: { hits: number; misses: number } | undefined;
  inProcessCache: boolean;
}

export function serverSide(i: ServerSideInput): ServerSide {
  const { before: b, after: a } = i;
  const out: ServerSide = { cacheHitRatio: null, cacheHitSource: 'none', queriesPerRequest: null, inProcessCache: i.inProcessCache };

  if (b.redis && a.redis) {
    const hits = a.redis.keyspaceHits - b.redis.keyspaceHits;
    const misses = a.redis.keyspaceMisses - b.redis.keyspaceMisses;
    out.redis = { hits, misses, ratio: ratio(hits, misses) };
  }
  if (b.api && a.api) {
    const hits = a.api.cacheHits - b.api.cacheHits;
    const misses = a.api.cacheMisses - b.api.cacheMisses;
    out.apiCounters = { hits, misses, ratio: ratio(hits, misses) };
    if (a.api.storeLookupHits !== null && b.api.storeLookupHits !== null) {
      const h = a.api.storeLookupHits - b.api.storeLookupHits;
      const m = (a.api.storeLookupMisses ?? 0) - (b.api.storeLookupMisses ?? 0);
      out.apiStoreLookups = { hits: h, misses: m, ratio: ratio(h, m) };
    }
    if (a.api.dbQueries !== null && b.api.dbQueries !== null && i.requests > 0) {
      out.queriesPerRequest = (a.api.dbQueries - b.api.dbQueries) / i.requests;
    }
    if (a.api.routes && b.api.routes) {
      const routes: NonNullable<ServerSide['routes']> = {};
      for (const [route, after] of Object.entries(a.api.routes)) {
        const prev = b.api.routes[route] ?? { requests: 0, statements: 0 };
        const requests = after.requests - prev.requests;
        if (requests > 0) routes[route] = { requests, statements: after.statements - prev.statements };
      }
      out.routes = routes;
    }
    if (a.api.bufferFlushes !== null && b.api.bufferFlushes !== null) {
      out.writeBuffer = {
        flushes: a.api.bufferFlushes - b.api.bufferFlushes,
        failures: (a.api.bufferFailures ?? 0) - (b.api.bufferFailures ?? 0),
        depth: a.api.bufferDepth ?? 0,
      };
    }
  }
  if (i.xCache) out.xCacheHeaders = { ...i.xCache, ratio: ratio(i.xCache.hits, i.xCache.misses) };

  // An API that counted no cache lookup at all has no cache (marketplace): Redis INFO then counts only other
  // keys (rate limits), which is not a cache hit ratio, so the run reports none.
  const noCache = out.apiCounters !== undefined && out.apiCounters.hits + out.apiCounters.misses === 0;
  if (noCache) {
    out.cacheHitSource = 'none';
  } else if (out.redis && !i.inProcessCache && out.redis.ratio !== null) {
    out.cacheHitRatio = out.redis.ratio;
    out.cacheHitSource = 'redis-info';
  } else if (out.apiCounters && out.apiCounters.ratio !== null) {
    out.cacheHitRatio = out.apiCounters.ratio;
    out.cacheHitSource = 'api-metrics';
  } else if (out.xCacheHeaders && out.xCacheHeaders.ratio !== null) {
    out.cacheHitRatio = out.xCacheHeaders.ratio;
    out.cacheHitSource = 'x-cache-header';
  }
  if (out.redis?.ratio != null && out.apiStoreLookups?.ratio != null) {
    out.crossCheckDelta = Math.abs(out.redis.ratio - out.apiStoreLookups.ratio);
  }

  if (b.pg && a.pg) {
    const hit = a.pg.blksHit - b.pg.blksHit;
    const read = a.pg.blksRead - b.pg.blksRead;
    out.postgres = {
      bufferHitRatio: ratio(hit, read),
      xactCommit: a.pg.xactCommit - b.pg.xactCommit,
      xactRollback: a.pg.xactRollback - b.pg.xactRollback,
      blksHit: hit,
      blksRead: read,
      tupInserted: a.pg.tupInserted - b.pg.tupInserted,
      numBackends: a.pg.numBackends,
    };
    if (b.pg.statements && a.pg.statements) {
      const deltas = [...a.pg.statements.entries()].map(([id, s]) => {
        const prev = b.pg!.statements!.get(id);
        const calls = s.calls - (prev?.calls ?? 0);
        const totalMs = s.totalMs - (prev?.totalMs ?? 0);
        return { query: s.query.replace(/\s+/g, ' ').slice(0, 200), calls, totalMs, meanMs: calls > 0 ? totalMs / calls : 0 };
      });
      out.topStatements = deltas.filter((d) => d.calls > 0).sort((x, y) => y.totalMs - x.totalMs).slice(0, 10);
      // The probe's own snapshot queries (pg_stat_database, pg_stat_statements, pg_extension) are not the workload's.
      const ran = deltas.filter((d) => d.calls > 0 && !PROBE_QUERY.test(d.query));
      const slowest = ran.reduce<(typeof ran)[number] | undefined>((m, d) => (m === undefined || d.meanMs > m.meanMs ? d : m), undefined);
      out.slowestStatement = slowest ? { query: slowest.query, calls: slowest.calls, meanMs: slowest.meanMs } : null;
      out.statementMaxMs = longestExecution(b.pg.statements, a.pg.statements);
    }
  }
  return out;
}
