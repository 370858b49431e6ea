/*
 * Compares run B against run A per endpoint (and in total): p50/p95/p99, throughput, error rate, cache hit.
 * Each --repeat trial (summary.trials[]) is ONE sample; individual requests are never treated as independent
 * samples, because requests within a run share the same warm caches, GC pauses and neighbours.
 */
import { datasetIdentityDifferences } from '../model/datasetIdentity.ts';
import type { RunSummary, TrialSample } from '../model/RunSummary.ts';
import { endpointOrder } from '../report/endpointRows.ts';
import type { CompareOptions, ComparedMetric, ComparisonResult, MetricComparison, RunRef } from './ComparisonResult.ts';
import { compareMetric, METRIC_SPECS } from './compareMetric.ts';

export const defaultCompareOptions: Readonly<CompareOptions> = Object.freeze({
  confidence: 0.95,
  alpha: 0.05,
  resamples: 10_000,
  seed: 1,
  hugeFactor: 2,
  hugeAbsolute: 0.2,
});

export const TOTAL = 'total';
const ENTITY_METRICS: readonly ComparedMetric[] = ['p50', 'p95', 'p99', 'throughputRps', 'errorRate'];

/** The trials of a run; a summary without trials[] counts as one trial made of its own totals. */
export function trialsOf(s: RunSummary): TrialSample[] {
  if (s.trials.length > 0) return s.trials;
  const pick = (e: { requests: number; errors: number; throughputRps: number; latencyMs: { p50: number; p95: number; p99: number } }) => ({
    requests: e.requests,
    errors: e.errors,
    throughputRps: e.throughputRps,
    p50: e.latencyMs.p50,
    p95: e.latencyMs.p95,
    p99: e.latencyMs.p99,
  });
  const endpoints: TrialSample['endpoints'] = {};
  for (const [name, e] of Object.entries(s.endpoints)) if (e) endpoints[name] = pick(e);
  return [{ endpoints, totals: pick(s.totals), cacheHitRatio: s.server.cacheHitRatio }];
}

function valueOf(t: TrialSample, entity: string, metric: ComparedMetric): number | null {
  if (metric === 'cacheHitRatio') return t.cacheHitRatio;
  const e = entity === TOTAL ? t.totals : t.endpoints[entity];
  if (!e) return null;
  if (metric === 'errorRate') return e.requests > 0 ? e.errors / e.requests : null;
  if (metric === 'throughputRps') return e.throughputRps;
  return e.requests > 0 ? e[metric] : null; // a trial without responses has no latency, not a latency of 0
}

function ref(s: RunSummary): RunRef {
  return { runId: s.runId, startedAt: s.startedAt, gitCommit: s.gitCommit, scenario: s.scenario.name, trials: trialsOf(s).length, verdict: s.verdict };
}

function warningsFor(a: RunSummary, b: RunSummary): string[] {
  const w: string[] = [];
  const differs = (x: unknown, y: unknown) => JSON.stringify(x) !== JSON.stringify(y);
  if (a.scenario.name !== b.scenario.name) w.push(`different scenarios: ${a.scenario.name} vs ${b.scenario.name}`);
  if (differs(a.scenario.mix, b.scenario.mix)) w.push('different request mixes');
  if (a.scenario.durationS !== b.scenario.durationS) w.push(`different measured durations: ${a.scenario.durationS} s vs ${b.scenario.durationS} s`);
  if (differs(a.environment.loadModel, b.environment.loadModel)) w.push('different load models');
  if (a.environment.driver !== b.environment.driver) w.push(`different drivers: ${a.environment.driver} vs ${b.environment.driver}`);
  const ma = a.environment.machine;
  const mb = b.environment.machine;
  if (ma.cpus !== mb.cpus || ma.cpuModel !== mb.cpuModel || ma.memoryBytes !== mb.memoryBytes) w.push('different machines (CPU or memory)');
  // Identity only: whether a run seeded (or when its load ran) says nothing about which rows it measured.
  const dataset = datasetIdentityDifferences(a.environment, b.environment);
  if (dataset.length > 0) w.push(`different datasets: ${dataset.join('; ')}`);
  if (a.server.inProcessCache !== b.server.inProcessCache) w.push('one run used the in-process cache instead of Redis');
  if (a.validity.generatorSaturated || b.validity.generatorSaturated) w.push('the load generator was saturated in at least one run: latencies include client-side queueing');
  return w;
}

export function compareRuns(a: RunSummary, b: RunSummary, options: Partial<CompareOptions> = {}): ComparisonResult {
  const opts: CompareOptions = { ...defaultCompareOptions, ...options };
  const ta = trialsOf(a);
  const tb = trialsOf(b);
  const present = new Set([...Object.keys(a.endpoints), ...Object.keys(b.endpoints)]);
  const order = endpointOrder([a, b]);
  const known = order.filter((n) => present.has(n));
  const others = [...present].filter((n) => !order.includes(n)).sort();
  const entities = [TOTAL, ...known, ...others];

  const metrics: MetricComparison[] = [];
  for (const entity of entities) {
    const list = entity === TOTAL ? [...ENTITY_METRICS, 'cacheHitRatio' as const] : ENTITY_METRICS;
    for (const metric of list) {
      metrics.push(compareMetric(entity, METRIC_SPECS[metric], ta.map((t) => valueOf(t, entity, metric)), tb.map((t) => valueOf(t, entity, metric)), opts));
    }
  }
  return { a: ref(a), b: ref(b), options: opts, entities, metrics, warnings: warningsFor(a, b) };
}
