/*
 * Turns our threshold set into the one k6 itself evaluates (written to JSON; the k6 script loads it with open()):
 * - every key gets the `scenario:measured` filter, so k6 judges the measured phase only. k6 evaluates a threshold
 *   over every sample that carries the key's tags, warm-up included, unless the filter excludes it. We filter on
 *   `scenario` (the system tag k6 sets on every sample a scenario emits, its documented per-scenario threshold
 *   filter) rather than on our scenario-level `phase` tag, which is for people and parsers reading the points;
 * - a counter's `rate` becomes `count` over the measured seconds: k6 divides counters by the whole test time
 *   (warm-up and graceful stop included), we divide by the measured phase;
 * - server-side metrics (anything k6 does not produce: cache_hit_ratio, queries_per_request, statement_*, the alert
 *   signals, replica_lag_s) are dropped (judged by our evaluator after the run), and so are {for:Ns} keys and keys on endpoints outside the mix (our evaluator reports them "not judged").
 * The mapping ties every k6 key/expression back to ours, for crossCheckVerdicts.
 */
import { knownMetrics } from '../../judge/knownMetrics.ts';
import type { ThresholdSet, ThresholdSpec } from '../../judge/ThresholdSet.ts';
import { validateThresholds } from '../../judge/validateThresholds.ts';

export const MEASURED_SCENARIO = 'measured';
export const WARMUP_SCENARIO = 'warmup';

/**
 * The metrics k6 itself produces (our k6 script adds the cache_hit Rate). Every other known metric is server-side
 * (probes, faults, the replica) and judged by the evaluator after the run: a list of what k6 CAN see, so a new
 * server-side metric is never handed to k6 by default.
 */
const K6_OBSERVED = new Set(['http_req_duration', 'http_req_failed', 'http_reqs', 'checks', 'cache_hit', 'dropped_iterations']);

export interface K6ThresholdMapping {
  metric: string;
  expression: string;
  k6Metric: string;
  k6Expression: string;
}

export interface K6Thresholds {
  thresholds: ThresholdSet;
  mapping: K6ThresholdMapping[];
}

function fmt(n: number): string {
  return String(Number(n.toPrecision(12)));
}

function k6Key(metric: string, tags: Readonly<Record<string, string>>): string {
  const filter = Object.entries(tags).map(([k, v]) => `${k}:${v}`);
  filter.push(`scenario:${MEASURED_SCENARIO}`);
  return `${metric}{${filter.join(',')}}`;
}

export function toK6Thresholds(set: ThresholdSet, opts: { mix: Readonly<Record<string, number | undefined>>; durationS: number }): K6Thresholds {
  const thresholds: ThresholdSet = {};
  const mapping: K6ThresholdMapping[] = [];
  const parsed = validateThresholds(set);
  const specsByKey = new Map<string, ThresholdSpec[]>(Object.entries(set));
  const seen = new Map<string, number>();
  for (const th of parsed) {
    // The n-th parsed expression of a key is the n-th spec of that key (validateThresholds keeps the order).
    const index = seen.get(th.key) ?? 0;
    seen.set(th.key, index + 1);
    // {for:Ns} alert rules are judged from our per-second timeline; k6 would read "for" as a tag no sample has.
    if (!K6_OBSERVED.has(th.metric) || th.tags.for !== undefined) continue;
    const endpoint = th.tags.endpoint;
    const weight = endpoint !== undefined && Object.hasOwn(opts.mix, endpoint) ? (opts.mix[endpoint] ?? 0) : 0;
    if (endpoint !== undefined && !(weight > 0)) continue;
    let expression = th.expression;
    if (knownMetrics[th.metric]?.type === 'counter' && th.aggregation === 'rate') {
      expression = `count${th.operator}${fmt(th.bound * opts.durationS)}`;
    }
    const key = k6Key(th.metric, th.tags);
    const original = specsByKey.get(th.key)?.[index];
    const spec: ThresholdSpec = original && typeof original === 'object' ? { ...original, threshold: expression } : expression;
    (thresholds[key] ??= []).push(spec);
    mapping.push({ metric: th.key, expression: th.expression, k6Metric: key, k6Expression: expression });
  }
  return { thresholds, mapping };
}
