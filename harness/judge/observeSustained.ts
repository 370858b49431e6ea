/*
 * A threshold with {for:Ns} is an alert rule with a duration, as a monitoring system evaluates it ("p95 API
 * latency > 800ms for 5 minutes", Prometheus' `for:`): the rule fires when the expression is crossed in EVERY
 * second of some N-second stretch of the measured phase, and the threshold holds when no stretch fires.
 * Each second of the run's per-second timeline is judged as its own slice (sliceSummary, the same shaping the
 * capacity search judges its windows with) by observeThreshold; the windows slide by one second.
 *
 * Observed value: for each window, the second closest to holding (min for < and <=, max for > and >=); the run's
 * value is the worst window's. So `p(95)<800` with {for:300s} reads "the highest p95 held for 300 s in a row".
 * A second with no requests is neither crossed nor holding (a window is judged on its seconds with samples).
 * A run shorter than N cannot show the rule: "not measurable", skipped, never a silent pass.
 */
import type { EndpointSummary, RunSummary, TimelinePoint } from '../model/RunSummary.ts';
import { parseForSeconds } from './knownMetrics.ts';
import { observeThreshold, type Observation } from './observeThreshold.ts';
import { sliceSummary } from './sliceSummary.ts';
import type { ParsedThreshold } from './ThresholdSet.ts';

/** Aggregations a per-second timeline point can answer (it keeps p50, p95, p99 and max, and the counts). */
export const SUSTAINED_AGGREGATIONS = ['med', 'p(50)', 'p(95)', 'p(99)', 'max', 'rate'] as const;

function pointSummary(p: TimelinePoint): EndpointSummary {
  // Only what a point knows; the rest is NaN so a misuse fails loudly instead of reading a made-up number.
  return {
    requests: p.requests,
    errors: p.errors,
    statusCounts: {},
    throughputRps: p.requests,
    latencyMs: { min: NaN, mean: NaN, p50: p.p50, p90: NaN, p95: p.p95, p99: p.p99, p999: NaN, max: p.max },
    histogram: '',
    timeline: [],
  };
}

export function observeSustained(summary: RunSummary, th: ParsedThreshold): Observation {
  const windowS = parseForSeconds(th.tags.for ?? '') ?? 0;
  const endpoint = th.tags.endpoint;
  const { for: _for, ...tags } = th.tags;
  const perSecond: ParsedThreshold = { ...th, tags };
  if (endpoint !== undefined) {
    const inMix = (summary.scenario.mix[endpoint] ?? 0) > 0;
    if (!inMix && !summary.endpoints[endpoint]?.requests) return { observed: null, judged: false, note: `not judged: endpoint ${endpoint} is not in this run's mix` };
  }
  const spanS = summary.scenario.durationS * Math.max(1, summary.trials.length);
  if (spanS < windowS) {
    return { observed: null, judged: false, note: `not measurable: the measured phase (${spanS} s) is shorter than the rule's ${windowS} s; run with --duration ${windowS} or more` };
  }
  const timeline = endpoint !== undefined ? (summary.endpoints[endpoint]?.timeline ?? []) : summary.totals.timeline;
  const values = new Map<number, number>();
  for (const p of timeline) {
    if (p.requests === 0) continue;
    const one = pointSummary(p);
    const slice = sliceSummary({ endpoints: endpoint !== undefined ? { [endpoint]: one } : {}, totals: one, mix: endpoint !== undefined ? { [endpoint]: 1 } : {}, durationS: 1 });
    const o = observeThreshold(slice, perSecond);
    if (o.observed !== null) values.set(p.t, o.observed);
  }
  const below = th.operator === '<' || th.operator === '<=';
  const best = (a: number, b: number) => (below ? Math.min(a, b) : Math.max(a, b));
  const worse = (a: number, b: number) => (below ? a > b : a < b);
  let worst: { value: number; fromS: number } | undefined;
  const lastStart = Math.max(0, Math.ceil(spanS) - windowS);
  for (let from = 0; from <= lastStart; from++) {
    let v: number | undefined;
    for (let t = from; t < from + windowS; t++) {
      const x = values.get(t);
      if (x !== undefined) v = v === undefined ? x : best(v, x);
    }
    if (v !== undefined && (worst === undefined || worse(v, worst.value))) worst = { value: v, fromS: from };
  }
  if (worst === undefined) return { observed: null, judged: true, note: `no samples: ${endpoint ? `endpoint ${endpoint}` : 'the run'} has no second with requests` };
  return { observed: worst.value, judged: true, note: `sustained over ${windowS} s (per-second values, windows sliding by 1 s): the worst stretch began at second ${worst.fromS} of the measured phase` };
}
