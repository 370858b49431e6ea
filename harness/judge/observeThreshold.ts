/*
 * Reads the number a threshold is about out of a RunSummary (pure). Rules for endpoints:
 * - an endpoint that is not in the run's mix and recorded nothing is NOT JUDGED (observed null, judged false):
 *   the default set names every endpoint, a run drives some of them;
 * - an endpoint in the mix with no requests gives "no samples" for latency and rates (observed null, judged
 *   true, so the threshold fails: never a silent pass); counts are real zeros and are compared as such.
 */
import { observeReplicaLag } from './observeReplicaLag.ts';
import type { EndpointName, EndpointSummary, RunSummary } from '../model/RunSummary.ts';
import { decodeHistogram } from '../drive/latencyHistogram.ts';
import type { ParsedThreshold } from './ThresholdSet.ts';
import { observeAlertSignal } from './observeAlertSignal.ts';

export interface Observation {
  observed: number | null;
  /** False when the threshold does not apply to this run (endpoint outside the mix). */
  judged: boolean;
  note?: string | undefined;
}

type Traffic = Pick<EndpointSummary, 'requests' | 'errors' | 'statusCounts' | 'latencyMs' | 'histogram'> & { xCache?: EndpointSummary['xCache'] };

const value = (observed: number): Observation => ({ observed, judged: true });
const missing = (note: string): Observation => ({ observed: null, judged: true, note });

const KNOWN_PERCENTILES: Record<number, keyof EndpointSummary['latencyMs']> = { 50: 'p50', 90: 'p90', 95: 'p95', 99: 'p99', 99.9: 'p999' };

function percentile(t: Traffic, p: number): number {
  const field = KNOWN_PERCENTILES[p];
  if (field) return t.latencyMs[field];
  // Arbitrary N: ask the HDR histogram itself (microseconds), rounded to µs like latencyStats.
  return Math.round(decodeHistogram(t.histogram).getValueAtPercentile(p)) / 1000;
}

function trend(t: Traffic, th: ParsedThreshold): number {
  switch (th.aggregation) {
    case 'avg':
      return t.latencyMs.mean;
    case 'min':
      return t.latencyMs.min;
    case 'max':
      return t.latencyMs.max;
    case 'med':
      return t.latencyMs.p50;
    default:
      return percentile(t, th.percentile ?? 0);
  }
}

function xCacheOf(summary: RunSummary, endpoint: EndpointName | undefined): { hits: number; misses: number } {
  const eps = endpoint ? [summary.endpoints[endpoint]] : Object.values(summary.endpoints);
  let hits = 0;
  let misses = 0;
  for (const e of eps) {
    hits += e?.xCache?.hits ?? 0;
    misses += e?.xCache?.misses ?? 0;
  }
  return { hits, misses };
}

/** Seconds of measured load over all --repeat trials: what a per-second rate divides by. */
export function measuredSeconds(summary: RunSummary): number {
  const t = summary.totals;
  if (t.requests > 0 && t.throughputRps > 0) return t.requests / t.throughputRps;
  return summary.scenario.durationS * Math.max(1, summary.trials.length);
}

export function observeThreshold(summary: RunSummary, th: ParsedThreshold): Observation {
  const endpoint = th.tags.endpoint as EndpointName | undefined;
  const where = endpoint ? `endpoint ${endpoint}` : 'the run';
  let traffic: Traffic = summary.totals;
  if (endpoint) {
    const ep = summary.endpoints[endpoint];
    const inMix = (summary.scenario.mix[endpoint] ?? 0) > 0;
    if (!inMix && !ep?.requests) return { observed: null, judged: false, note: `not judged: endpoint ${endpoint} is not in this run's mix` };
    traffic = ep ?? { requests: 0, errors: 0, statusCounts: {}, latencyMs: summary.totals.latencyMs, histogram: '' };
  }
  const noSamples = `no samples: ${where} recorded no requests`;

  switch (th.metric) {
    case 'http_req_duration':
      return traffic.requests > 0 ? value(trend(traffic, th)) : missing(noSamples);
    case 'http_req_failed':
      return traffic.requests > 0 ? value(traffic.errors / traffic.requests) : missing(noSamples);
    case 'checks':
      return traffic.requests > 0 ? value((traffic.requests - traffic.errors) / traffic.requests) : missing(noSamples);
    case 'http_reqs': {
      const status = th.tags.status;
      const count = status === undefined ? traffic.requests : (traffic.statusCounts[status === '0' ? 'error' : status] ?? 0);
      if (th.aggregation === 'count') return value(count);
      const seconds = measuredSeconds(summary);
      return seconds > 0 ? value(count / seconds) : missing('no measured duration: scenario.durationS is 0');
    }
    case 'cache_hit': {
      const { hits, misses } = xCacheOf(summary, endpoint);
      return hits + misses > 0 ? value(hits / (hits + misses)) : missing(`no X-Cache samples for ${where}`);
    }
    case 'cache_hit_ratio':
      return summary.server.cacheHitRatio === null ? missing('no cache data (no Redis INFO or API cache counters were probed)') : value(summary.server.cacheHitRatio);
    case 'queries_per_request': {
      const q = endpoint ? summary.endpoints[endpoint]?.queriesPerRequest : summary.server.queriesPerRequest;
      if (q === undefined || q === null) return missing(`no statement counts for ${where} (the API exposes no per-route counters, or ${where} answered nothing)`);
      return value(q);
    }
    case 'statement_mean_ms_max': {
      const slowest = summary.server.slowestStatement;
      // Not measurable is not a pass: the threshold is reported as skipped, with why.
      if (slowest === undefined) return { observed: null, judged: false, note: 'not measurable: pg_stat_statements could not be read on this Postgres (it must be in shared_preload_libraries; embedded Postgres has it)' };
      return slowest === null ? { observed: 0, judged: true, note: 'no statement ran in the measured phase' } : value(slowest.meanMs);
    }
    case 'fault_recovery_s': {
      const faults = summary.faults ?? [];
      if (faults.length === 0) return missing('no faults were injected (--fault)');
      const never = faults.filter((f) => f.recoveryS === null).map((f) => f.spec);
      if (never.length > 0) return missing(`did not recover within the run: ${never.join(', ')}`);
      return value(Math.max(...faults.map((f) => f.recoveryS!)));
    }
    case 'acked_writes_lost': {
      const acked = summary.ackedWrites;
      if (!acked) return missing('acknowledged writes were not tracked (a workload with an acked-write check, our own API, the closed-model autocannon driver)');
      if (th.aggregation === 'count') return value(acked.lost);
      const seconds = measuredSeconds(summary);
      return seconds > 0 ? value(acked.lost / seconds) : missing('no measured duration: scenario.durationS is 0');
    }
    case 'dropped_iterations': {
      const dropped = summary.validity.droppedIterations;
      if (dropped === null) return missing('no dropped-iteration data (only k6 reports it)');
      if (th.aggregation === 'count') return value(dropped);
      const seconds = measuredSeconds(summary);
      return seconds > 0 ? value(dropped / seconds) : missing('no measured duration: scenario.durationS is 0');
    }
    case 'replica_lag_s':
      return observeReplicaLag(summary);
    default:
      return observeAlertSignal(summary, th) ?? missing(`no observation for metric ${th.metric}`);
  }
}
