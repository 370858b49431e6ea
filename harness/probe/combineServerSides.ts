/*
 * Several trials' server blocks become one (counts add up, ratios are recomputed from the sums), and each
 * endpoint gets its queries per request from the API's per-route counts of its route template.
 */
import type { EndpointSpec } from '../../scenarios/Scenario.ts';
import type { ServerSide } from '../model/RunSummary.ts';

/** Several trials' server blocks become one: counts add up and the ratios are recomputed from the sums. */
export function combineServerSides(list: ServerSide[]): ServerSide {
  if (list.length === 1) return list[0]!;
  const add = (get: (s: ServerSide) => { hits: number; misses: number } | undefined) => {
    const parts = list.map(get).filter((x): x is { hits: number; misses: number } => !!x);
    if (parts.length === 0) return undefined;
    const hits = parts.reduce((a, p) => a + p.hits, 0);
    const misses = parts.reduce((a, p) => a + p.misses, 0);
    return { hits, misses, ratio: hits + misses > 0 ? hits / (hits + misses) : null };
  };
  const last = list[list.length - 1]!;
  const redis = add((s) => s.redis);
  const apiCounters = add((s) => s.apiCounters);
  const apiStoreLookups = add((s) => s.apiStoreLookups);
  const xCacheHeaders = add((s) => s.xCacheHeaders);
  const source = last.cacheHitSource;
  const chosen = source === 'redis-info' ? redis : source === 'api-metrics' ? apiCounters : source === 'x-cache-header' ? xCacheHeaders : undefined;
  const qpr = list.map((s) => s.queriesPerRequest).filter((q): q is number => q !== null);
  return {
    ...last,
    redis,
    apiCounters,
    apiStoreLookups,
    xCacheHeaders,
    cacheHitRatio: chosen?.ratio ?? null,
    crossCheckDelta: redis?.ratio != null && apiStoreLookups?.ratio != null ? Math.abs(redis.ratio - apiStoreLookups.ratio) : last.crossCheckDelta,
    queriesPerRequest: qpr.length ? qpr.reduce((a, b) => a + b, 0) / qpr.length : null,
    routes: sumRoutes(list.map((s) => s.routes)),
  };
}

function sumRoutes(list: Array<ServerSide['routes']>): ServerSide['routes'] {
  if (list.some((r) => r === undefined)) return undefined;
  const out: NonNullable<ServerSide['routes']> = {};
  for (const routes of list) {
    for (const [route, r] of Object.entries(routes!)) {
      const o = (out[route] ??= { requests: 0, statements: 0 });
      o.requests += r.requests;
      o.statements += r.statements;
    }
  }
  return out;
}

/** Each endpoint's queries per request, from the API's per-route counts of its route template. */
export function attachQueriesPerRequest(endpoints: Record<string, { queriesPerRequest?: number | null | undefined }>, specs: readonly EndpointSpec[], routes: ServerSide['routes']): void {
  if (!routes) return;
  for (const spec of specs) {
    const e = endpoints[spec.name];
    const r = routes[spec.route];
    if (e) e.queriesPerRequest = r && r.requests > 0 ? r.statements / r.requests : null;
  }
}
