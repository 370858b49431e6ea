/*
 * The API's own counters, read from its Prometheus /metrics: cache hits/misses (all key families), database
 * queries issued, and the write buffer. Names are the reference API's (reference-impl/platform/metrics).
 */
import parsePrometheusTextFormat from 'parse-prometheus-text-format';

export interface ApiMetricsSnapshot {
  cacheHits: number;
  cacheMisses: number;
  /** Store GETs that found / did not find the key (what Redis INFO counts); null for an API without the metric. */
  storeLookupHits: number | null;
  storeLookupMisses: number | null;
  dbQueries: number | null;
  bufferFlushes: number | null;
  bufferFailures: number | null;
  bufferDepth: number | null;
  /** Each pg pool's connections (total, idle = total - in use), waiters and size; null without the pool gauges. */
  pools?: Record<string, { total: number; idle: number; waiting: number; max: number | null }> | null | undefined;
  /** Requests answered and statements issued, by route ("GET /x/:id"); null for an API without the metrics. */
  routes: Record<string, { requests: number; statements: number }> | null;
}

export const API_METRIC_NAMES = {
  cacheHits: 'scaleproof_cache_hits_total',
  cacheMisses: 'scaleproof_cache_misses_total',
  storeLookups: 'scaleproof_cache_store_lookups_total',
  dbQueries: 'scaleproof_db_queries_total',
  bufferFlushes: 'scaleproof_write_buffer_flushes_total',
  bufferFailures: 'scaleproof_write_buffer_flush_failures_total',
  bufferDepth: 'scaleproof_write_buffer_depth',
  routeRequests: 'scaleproof_route_requests_total',
  routeStatements: 'scaleproof_route_db_statements_total',
  poolTotal: 'scaleproof_pg_pool_total_connections',
  poolIdle: 'scaleproof_pg_pool_idle_connections',
  poolWaiting: 'scaleproof_pg_pool_waiting_clients',
  poolMax: 'scaleproof_pg_pool_max_connections',
} as const;

interface Family {
  name: string;
  metrics: Array<{ value?: string; labels?: Record<string, string> }>;
}

export function parseApiMetrics(text: string): ApiMetricsSnapshot {
  const families = parsePrometheusTextFormat(text) as Family[];
  const sum = (name: string, labels: Record<string, string> = {}): number | null => {
    const f = families.find((x) => x.name === name);
    if (!f) return null;
    const match = (m: Family['metrics'][number]) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v);
    return f.metrics.filter(match).reduce((a, m) => a + Number(m.value ?? 0), 0);
  };
  return {
    cacheHits: sum(API_METRIC_NAMES.cacheHits) ?? 0,
    cacheMisses: sum(API_METRIC_NAMES.cacheMisses) ?? 0,
    storeLookupHits: sum(API_METRIC_NAMES.storeLookups, { result: 'hit' }),
    storeLookupMisses: sum(API_METRIC_NAMES.storeLookups, { result: 'miss' }),
    dbQueries: sum(API_METRIC_NAMES.dbQueries),
    bufferFlushes: sum(API_METRIC_NAMES.bufferFlushes),
    bufferFailures: sum(API_METRIC_NAMES.bufferFailures),
    bufferDepth: sum(API_METRIC_NAMES.bufferDepth),
    pools: poolsOf(families),
    routes: routesOf(families),
  };
}

function poolsOf(families: Family[]): ApiMetricsSnapshot['pools'] {
  const byPool = (name: string): Map<string, number> | undefined => {
    const f = families.find((x) => x.name === name);
    return f ? new Map(f.metrics.map((m) => [m.labels?.pool ?? '', Number(m.value ?? 0)])) : undefined;
  };
  const total = byPool(API_METRIC_NAMES.poolTotal);
  const idle = byPool(API_METRIC_NAMES.poolIdle);
  if (!total || !idle) return null;
  const waiting = byPool(API_METRIC_NAMES.poolWaiting);
  const max = byPool(API_METRIC_NAMES.poolMax);
  const out: NonNullable<ApiMetricsSnapshot['pools']> = {};
  for (const [pool, t] of total) out[pool] = { total: t, idle: idle.get(pool) ?? 0, waiting: waiting?.get(pool) ?? 0, max: max?.get(pool) ?? null };
  return out;
}

function routesOf(families: Family[]): ApiMetricsSnapshot['routes'] {
  const requests = families.find((x) => x.name === API_METRIC_NAMES.routeRequests);
  const statements = families.find((x) => x.name === API_METRIC_NAMES.routeStatements);
  if (!requests || !statements) return null;
  const out: Record<string, { requests: number; statements: number }> = {};
  const entry = (route: string) => (out[route] ??= { requests: 0, statements: 0 });
  for (const m of requests.metrics) if (m.labels?.route) entry(m.labels.route).requests += Number(m.value ?? 0);
  for (const m of statements.metrics) if (m.labels?.route) entry(m.labels.route).statements += Number(m.value ?? 0);
  return out;
}

export async function apiMetrics(baseUrl: string): Promise<ApiMetricsSnapshot> {
  const res = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`GET ${baseUrl}/metrics answered ${res.status}`);
  return parseApiMetrics(await res.text());
}
