/*
 * Folds the measured phases of several --repeat trials into one endpoint view: counts add, HDR histograms merge
 * (never averaged percentiles), timelines are laid end to end. Each trial also stays a sample of its own in
 * summary.trials for the comparison statistics.
 */
import type { EndpointSummary, TimelinePoint, TrialSample } from '../model/RunSummary.ts';
import { encodeHistogram, latencyStats, mergeHistograms } from '../drive/latencyHistogram.ts';

export interface TrialMeasure {
  endpoints: Record<string, EndpointSummary>;
  totals: EndpointSummary;
  durationS: number;
}

function mergeOne(parts: Array<{ s: EndpointSummary; offsetS: number }>, totalDurationS: number): EndpointSummary {
  const hist = mergeHistograms(parts.map((p) => p.s.histogram));
  const statusCounts: Record<string, number> = {};
  const timeline: TimelinePoint[] = [];
  let requests = 0;
  let errors = 0;
  let hits = 0;
  let misses = 0;
  let sawXCache = false;
  for (const { s, offsetS } of parts) {
    requests += s.requests;
    errors += s.errors;
    for (const [k, v] of Object.entries(s.statusCounts)) statusCounts[k] = (statusCounts[k] ?? 0) + v;
    for (const p of s.timeline) timeline.push({ ...p, t: p.t + offsetS });
    if (s.xCache) {
      sawXCache = true;
      hits += s.xCache.hits;
      misses += s.xCache.misses;
    }
  }
  return {
    requests,
    errors,
    statusCounts,
    throughputRps: totalDurationS > 0 ? requests / totalDurationS : 0,
    latencyMs: latencyStats(hist),
    histogram: encodeHistogram(hist),
    timeline,
    xCache: sawXCache ? { hits, misses } : undefined,
  };
}

export function mergeTrials(trials: readonly TrialMeasure[]): TrialMeasure {
  if (trials.length === 1) return trials[0]!;
  const durationS = trials.reduce((a, t) => a + t.durationS, 0);
  const offsets = trials.map((_, i) => trials.slice(0, i).reduce((a, t) => a + Math.ceil(t.durationS), 0));
  const names = [...new Set(trials.flatMap((t) => Object.keys(t.endpoints)))];
  const endpoints: Record<string, EndpointSummary> = {};
  for (const name of names) {
    const parts = trials.flatMap((t, i) => (t.endpoints[name] ? [{ s: t.endpoints[name], offsetS: offsets[i]! }] : []));
    endpoints[name] = mergeOne(parts, durationS);
  }
  return { endpoints, totals: mergeOne(trials.map((t, i) => ({ s: t.totals, offsetS: offsets[i]! })), durationS), durationS };
}

export function trialSample(t: TrialMeasure, cacheHitRatio: number | null): TrialSample {
  const pick = (s: EndpointSummary) => ({
    requests: s.requests,
    errors: s.errors,
    throughputRps: s.throughputRps,
    p50: s.latencyMs.p50,
    p95: s.latencyMs.p95,
    p99: s.latencyMs.p99,
  });
  return {
    endpoints: Object.fromEntries(Object.entries(t.endpoints).map(([k, s]) => [k, pick(s)])),
    totals: pick(t.totals),
    cacheHitRatio,
  };
}
