/*
 * The API's Prometheus metrics, in a Registry of its own (one per app, so tests can build several). Names are
 * exported (metricNames) because the harness reads them from /metrics: cache hits/misses per key family,
 * queries per request, write-buffer flushes. Hot-path counters are pre-bound to their labels once.
 */
import client from 'prom-client';
import type { CacheEvents } from '../cache/CacheLayer.ts';
import type { PoolStats } from '../db/Database.ts';
import type { WriteBufferEvents } from '../writeBuffer/WriteBuffer.ts';

export const metricNames = {
  requestDuration: 'scaleproof_http_request_duration_seconds',
  cacheHits: 'scaleproof_cache_hits_total',
  cacheMisses: 'scaleproof_cache_misses_total',
  cacheStoreErrors: 'scaleproof_cache_store_errors_total',
  cacheCoalesced: 'scaleproof_cache_coalesced_requests_total',
  cacheStoreLookups: 'scaleproof_cache_store_lookups_total',
  cacheStoreUp: 'scaleproof_cache_store_up',
  dbQueries: 'scaleproof_db_queries_total',
  routeRequests: 'scaleproof_route_requests_total',
  routeStatements: 'scaleproof_route_db_statements_total',
  dbIdleErrors: 'scaleproof_db_idle_client_errors_total',
  poolTotal: 'scaleproof_pg_pool_total_connections',
  poolIdle: 'scaleproof_pg_pool_idle_connections',
  poolWaiting: 'scaleproof_pg_pool_waiting_clients',
  poolMax: 'scaleproof_pg_pool_max_connections',
  eventsAccepted: 'scaleproof_events_accepted_total',
  eventsRejected: 'scaleproof_events_rejected_total',
  bufferDepth: 'scaleproof_write_buffer_depth',
  flushes: 'scaleproof_write_buffer_flushes_total',
  flushFailures: 'scaleproof_write_buffer_flush_failures_total',
  flushDuration: 'scaleproof_write_buffer_flush_duration_seconds',
  eventsWritten: 'scaleproof_write_buffer_events_written_total',
  backgroundRuns: 'scaleproof_background_task_runs_total',
  backgroundFailures: 'scaleproof_background_task_failures_total',
} as const;

export interface MetricSources {
  pools: () => Array<{ name: string; stats: PoolStats }>;
  bufferDepth: () => number;
  /** The workload's cache key families, pre-registered so a scrape before the first hit reads 0. */
  keyFamilies: readonly string[];
}

export type ApiMetrics = ReturnType<typeof createMetrics>;

type Counter = { inc(n?: number): void };

/**
 * Children per family: the declared ones bound up front, others on first use. With `zero`, declared families
 * appear in /metrics at 0 from the start, so a scrape before the first hit reads 0.
 */
function byFamily(families: readonly string[], bind: (family: string) => Counter, zero: boolean): (family: string) => Counter {
  const children = new Map<string, Counter>();
  for (const f of families) {
    const child = bind(f);
    if (zero) child.inc(0);
    children.set(f, child);
  }
  return (family) => {
    let child = children.get(family);
    if (child === undefined) {
      child = bind(family);
      children.set(family, child);
    }
    return child;
  };
}

export function createMetrics(sources: MetricSources) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'scaleproof_' });
  const r = [registry];

  const requestDuration = new client.Histogram({
    name: metricNames.requestDuration,
    help: 'HTTP request latency by route, method and status (seconds)',
    labelNames: ['method', 'route', 'status_code'] as const,
    // 0.8 s is seed 000's p95 alert line.
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.8, 1, 2.5, 5],
    registers: r,
  });
  const hits = new client.Counter({ name: metricNames.cacheHits, help: 'Cache hits per key family', labelNames: ['family'] as const, registers: r });
  const misses = new client.Counter({ name: metricNames.cacheMisses, help: 'Cache misses per key family', labelNames: ['family'] as const, registers: r });
  const coalesced = new client.Counter({ name: metricNames.cacheCoalesced, help: 'Missing requests that joined an in-flight database load of the same key (single-flight)', labelNames: ['family'] as const, registers: r });
  // Per store GET: what Redis INFO keyspace_hits/misses count. Every request makes one GET, so this equals
  // hits/misses above except for GETs that failed (counted in storeErrors instead).
  const storeLookups = new client.Counter({ name: metricNames.cacheStoreLookups, help: 'Cache store GETs by key family and result (found or not)', labelNames: ['family', 'result'] as const, registers: r });
  const storeErrors = new client.Counter({ name: metricNames.cacheStoreErrors, help: 'Cache store (Redis) operations that failed and were served fail-open', labelNames: ['operation'] as const, registers: r });
  const storeUp = new client.Gauge({ name: metricNames.cacheStoreUp, help: '1 when the cache store (Redis or in-process) is reachable', registers: r });
  const dbQueries = new client.Counter({ name: metricNames.dbQueries, help: 'Statements issued to Postgres (queries and COPYs)', labelNames: ['pool'] as const, registers: r });
  // Per route ("GET /sites/:siteId/products", the endpoint table's `route`): requests answered and the statements
  // issued while serving them, so the harness divides the two deltas for queries per request per endpoint.
  const routeRequests = new client.Counter({ name: metricNames.routeRequests, help: 'Requests answered, by route (method and template)', labelNames: ['route'] as const, registers: r });
  const routeStatements = new client.Counter({ name: metricNames.routeStatements, help: 'Statements issued to Postgres while serving requests, by route', labelNames: ['route'] as const, registers: r });
  const dbIdleErrors = new client.Counter({ name: metricNames.dbIdleErrors, help: 'Errors on idle pooled connections', labelNames: ['pool'] as const, registers: r });
  const poolGauge = (name: string, help: string, pick: (s: PoolStats) => number) =>
    new client.Gauge({
      name, help, labelNames: ['pool'] as const, registers: r,
      collect() {
        for (const p of sources.pools()) this.set({ pool: p.name }, pick(p.stats));
      },
    });
  poolGauge(metricNames.poolTotal, 'Connections in the pg pool', (s) => s.total);
  poolGauge(metricNames.poolIdle, 'Idle connections in the pg pool', (s) => s.idle);
  poolGauge(metricNames.poolWaiting, 'Requests waiting for a pg connection', (s) => s.waiting);
  poolGauge(metricNames.poolMax, 'Size of the pg pool (its max connections)', (s) => s.max);
  const accepted = new client.Counter({ name: metricNames.eventsAccepted, help: 'Buffered writes answered 2xx (each will be stored)', registers: r });
  const rejected = new client.Counter({ name: metricNames.eventsRejected, help: 'Buffered writes answered 503', labelNames: ['reason'] as const, registers: r });
  new client.Gauge({
    name: metricNames.bufferDepth, help: 'Events accepted and not yet written', registers: r,
    collect() {
      this.set(sources.bufferDepth());
    },
  });
  const flushes = new client.Counter({ name: metricNames.flushes, help: 'Successful write-buffer flushes (one COPY each)', registers: r });
  const flushFailures = new client.Counter({ name: metricNames.flushFailures, help: 'Failed write-buffer flushes (events kept and retried)', registers: r });
  const flushDuration = new client.Histogram({
    name: metricNames.flushDuration, help: 'Write-buffer flush duration (seconds)', registers: r,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  const written = new client.Counter({ name: metricNames.eventsWritten, help: 'Buffered writes stored', registers: r });
  const bgRuns = new client.Counter({ name: metricNames.backgroundRuns, help: 'Background task runs', labelNames: ['task'] as const, registers: r });
  const bgFailures = new client.Counter({ name: metricNames.backgroundFailures, help: 'Background task failures', labelNames: ['task'] as const, registers: r });

  const families = sources.keyFamilies;
  const hitBy = byFamily(families, (f) => hits.labels(f), true);
  const missBy = byFamily(families, (f) => misses.labels(f), true);
  const coalescedBy = byFamily(families, (f) => coalesced.labels(f), true);
  // Pre-bound like the others: this runs on every store GET. Lookups start unset, as before (no inc(0)).
  const lookupHitBy = byFamily(families, (f) => storeLookups.labels(f, 'hit'), false);
  const lookupMissBy = byFamily(families, (f) => storeLookups.labels(f, 'miss'), false);
  const cacheEvents: CacheEvents = {
    hit: (f) => hitBy(f).inc(),
    miss: (f) => missBy(f).inc(),
    coalesced: (f) => coalescedBy(f).inc(),
    storeLookup: (f, found) => (found ? lookupHitBy : lookupMissBy)(f).inc(),
    storeError: (op) => storeErrors.labels(op).inc(),
  };
  const bufferEvents: WriteBufferEvents = {
    flushed: (n, seconds) => {
      flushes.inc();
      written.inc(n);
      flushDuration.observe(seconds);
    },
    flushFailed: (_n, seconds) => {
      flushFailures.inc();
      flushDuration.observe(seconds);
    },
  };
  const rejectedFull = rejected.labels('full');
  const rejectedClosed = rejected.labels('closed');

  // Children per (method, route, status): labels() hashes its arguments, a Map lookup is cheaper.
  const durationChildren = new Map<string, client.Histogram.Internal<'method' | 'route' | 'status_code'>>();
  function observeRequest(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route} ${status}`;
    let child = durationChildren.get(key);
    if (child === undefined) {
      child = requestDuration.labels(method, route, String(status));
      durationChildren.set(key, child);
    }
    child.observe(seconds);
  }

  const routeChildren = new Map<string, { requests: Counter; statements: Counter }>();
  function observeRouteStatements(route: string, statements: number): void {
    let child = routeChildren.get(route);
    if (child === undefined) {
      child = { requests: routeRequests.labels(route), statements: routeStatements.labels(route) };
      routeChildren.set(route, child);
    }
    child.requests.inc();
    child.statements.inc(statements);
  }

  return {
    registry,
    observeRouteStatements,
    cacheEvents,
    bufferEvents,
    observeRequest,
    eventAccepted: () => accepted.inc(),
    eventRejected: (reason: 'full' | 'closed') => (reason === 'full' ? rejectedFull : rejectedClosed).inc(),
    /** A counter bound to one pool's label, for Database's per-statement callback. */
    dbQueryCounter: (pool: string) => {
      const child = dbQueries.labels(pool);
      return () => child.inc();
    },
    dbIdleError: (pool: string) => dbIdleErrors.labels(pool).inc(),
    cacheStoreUp: (up: boolean) => storeUp.set(up ? 1 : 0),
    backgroundRun: (task: string, ok: boolean) => {
      bgRuns.labels(task).inc();
      if (!ok) bgFailures.labels(task).inc();
    },
  };
}
