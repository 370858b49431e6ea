/*
 * The metrics and tags a threshold may name, and how each is observed. Anything else is rejected before any
 * load (validateThresholds), because a threshold on a name nothing produces would otherwise pass in silence.
 * Aggregations follow k6: trend -> avg/min/med/max/p(N), rate -> rate, counter -> count/rate, gauge -> value.
 */
import type { Aggregation, MetricType } from './ThresholdSet.ts';

export interface KnownMetric {
  type: MetricType;
  /** Tags this metric can be filtered by (our summary keeps per-endpoint and per-status numbers, nothing finer). */
  tags: readonly string[];
  /** Where the evaluator reads it from, for error messages and docs. */
  source: string;
}

export const knownMetrics: Readonly<Record<string, KnownMetric>> = Object.freeze({
  // {for:300s}: crossed only when every second of some 300 s stretch crossed (observeSustained.ts).
  http_req_duration: { type: 'trend', tags: ['endpoint', 'for'], source: 'per-endpoint HDR latency histograms (ms); with {for:Ns}, the per-second timeline' },
  http_req_failed: { type: 'rate', tags: ['endpoint', 'for'], source: 'errors / requests (unexpected status or transport error); with {for:Ns}, the per-second timeline' },
  http_reqs: { type: 'counter', tags: ['endpoint', 'status'], source: 'request counts; rate = count / measured seconds' },
  // Server-side truth (Redis INFO / API counters), probed after the run; k6 cannot see it.
  cache_hit_ratio: { type: 'gauge', tags: [], source: 'summary.server.cacheHitRatio' },
  // Client-side view from X-Cache response headers (the k6 script's Rate of the same name).
  cache_hit: { type: 'rate', tags: ['endpoint'], source: 'X-Cache HIT / (HIT + MISS) per endpoint' },
  // Our k6 script's only check is "status is expected", so checks = 1 - http_req_failed.
  checks: { type: 'rate', tags: ['endpoint', 'for'], source: '(requests - errors) / requests' },
  // Server-side: statements the API issued per request (per endpoint from its per-route counters; without a tag,
  // the whole API's statements over all requests). Judged after the run, like cache_hit_ratio.
  queries_per_request: { type: 'gauge', tags: ['endpoint'], source: 'endpoints[e].queriesPerRequest / summary.server.queriesPerRequest (API statement counters)' },
  // Faults (--fault): the slowest recovery of the run's faults, and acknowledged writes not found in Postgres.
  fault_recovery_s: { type: 'gauge', tags: [], source: 'max of summary.faults[].recoveryS (seconds)' },
  acked_writes_lost: { type: 'counter', tags: [], source: 'summary.ackedWrites.lost (2xx writes missing from Postgres, by write id)' },
  dropped_iterations: { type: 'counter', tags: [], source: 'k6 dropped_iterations (open model only)' },
  // Server-side: the largest mean execution time (ms) of any statement in the measured phase's pg_stat_statements
  // delta (summary.server.slowestStatement); not measurable (skipped, with the reason) without pg_stat_statements.
  statement_mean_ms_max: { type: 'gauge', tags: [], source: 'summary.server.slowestStatement.meanMs (pg_stat_statements delta)' },
  // The plans' alert rules (issue #16 section 4); each is "not measurable" (skipped, with why) where its probe had nothing to read.
  statement_max_ms: { type: 'gauge', tags: [], source: 'summary.server.statementMaxMs.value (pg_stat_statements max_exec_time raised in the measured phase)' },
  partitions_missing: { type: 'counter', tags: [], source: "summary.server.partitions.missing (the workload's monthly partitioned tables with no partition covering now())" },
  write_buffer_depth_max: { type: 'gauge', tags: [], source: 'summary.server.sampled.writeBufferDepthMax (API /metrics write-buffer depth, sampled each second)' },
  write_buffer_flush_failures: { type: 'counter', tags: [], source: 'summary.server.writeBuffer.failures (failed flushes in the measured phase)' },
  db_pool_usage_max: { type: 'gauge', tags: [], source: "summary.server.sampled.poolUsageMax (API pools' in-use / max connections, sampled each second)" },
  // The read replica's largest replay lag (s) sampled on the primary (pg_stat_replication) during the measured phase.
  replica_lag_s: { type: 'gauge', tags: [], source: 'summary.environment.topology.replica.lag.maxS (pg_stat_replication replay_lag, sampled each second)' },
  db_cpu_percent: { type: 'gauge', tags: [], source: "summary.server.sampled.dbCpuPercent (local Postgres processes' CPU from /proc, % of the machine)" },
});

export const aggregationsByType: Readonly<Record<MetricType, readonly Aggregation[]>> = Object.freeze({
  trend: ['avg', 'min', 'med', 'max', 'p'],
  rate: ['rate'],
  counter: ['count', 'rate'],
  gauge: ['value'],
});

export interface KnownTag {
  /** Returns true when the value is one this tag can take. */
  accepts(value: string): boolean;
  /** Human list of accepted values, for the error message. */
  values: string;
}

export const knownTags: Readonly<Record<string, KnownTag>> = Object.freeze({
  // Any endpoint-shaped name here; validateThresholds checks it against the workload's table when it is given one.
  endpoint: { accepts: (v: string) => /^[a-z][a-z0-9_]*$/.test(v), values: 'an endpoint name of the workload (lowercase letters, digits, _)' },
  // k6 tags a transport error with status "0"; our summary counts those under "error".
  status: { accepts: (v: string) => v === '0' || /^[1-5]\d\d$/.test(v), values: 'an HTTP status 100-599, or 0 for transport errors' },
  // An alert's "for 5 minutes": seconds (300s) or minutes (5m), at least 2 s.
  for: { accepts: (v: string) => (parseForSeconds(v) ?? 0) >= 2, values: 'a duration of at least 2 s, in seconds or minutes, e.g. 300s or 5m' },
});

/** "300s" -> 300, "5m" -> 300; null when not such a duration. */
export function parseForSeconds(v: string): number | null {
  const m = /^(\d+)(s|m)$/.exec(v);
  return m ? Number(m[1]) * (m[2] === 'm' ? 60 : 1) : null;
}

/** Tags scaleproof sets itself: a user filter on them would fight the warm-up exclusion. */
export const reservedTags: Readonly<Record<string, string>> = Object.freeze({
  phase: 'scaleproof judges the measured phase only (warm-up is excluded automatically)',
  scenario: 'scaleproof judges the measured phase only (warm-up is excluded automatically)',
});
