/*
 * The RunSummary of a merge of k6 shards: the one result and the one verdict k6 itself does not give for a test
 * split over instances. Thresholds are judged on the merged data (a rate or a count over the whole test, a
 * percentile over the union of samples), not per instance. Each instance's own counts stay in `instances`.
 */
import type { EndpointName, RunSummary } from '../model/RunSummary.ts';
import { SUMMARY_SCHEMA_VERSION } from '../model/RunSummary.ts';
import type { ThresholdSet } from '../judge/ThresholdSet.ts';
import { evaluateThresholds } from '../judge/evaluateThresholds.ts';
import { gitCommit, machineInfo, newRunId } from '../run/machineInfo.ts';
import { trialSample } from '../run/mergeTrials.ts';
import type { MergedK6 } from './mergeK6Shards.ts';

export interface MergedRunOptions {
  /** The workload the shards ran, when known: names the scenario and orders the endpoints. */
  workload?: { name: string; endpointOrder: readonly string[] } | undefined;
  thresholds: ThresholdSet;
  command: string;
  cwd: string;
}

export function mergedRunSummary(m: MergedK6, o: MergedRunOptions): RunSummary {
  const ran = Object.keys(m.measure.endpoints);
  const order = [...(o.workload?.endpointOrder ?? []).filter((e) => ran.includes(e)), ...ran.filter((e) => !o.workload?.endpointOrder.includes(e))];
  // The mix as it ran: each endpoint's share of the merged requests.
  const mix = Object.fromEntries(order.map((e) => [e, m.measure.endpoints[e]!.requests]));
  let hits = 0;
  let misses = 0;
  for (const c of Object.values(m.xCache)) {
    hits += c.hits;
    misses += c.misses;
  }
  const ratio = hits + misses > 0 ? hits / (hits + misses) : null;
  const notes = m.instances.shards.flatMap((s) => s.validity.notes.map((n) => `instance ${s.instanceId ?? s.shard}: ${n}`));
  if (!m.instances.identityVerified) notes.push('the shards carry no scaleproof test tags: that they are segments of one test was not verified (only duplicate files were refused)');
  const now = new Date().toISOString();
  const summary: RunSummary = {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    runId: newRunId(),
    gitCommit: gitCommit(o.cwd),
    startedAt: now,
    endedAt: now,
    verdict: 'pass',
    scenario: {
      name: o.workload?.name ?? 'k6-merge',
      workload: o.workload?.name,
      mix: mix as Partial<Record<EndpointName, number>>,
      warmupS: m.warmup.durationS,
      durationS: m.measure.durationS,
    },
    environment: {
      machine: machineInfo(),
      driver: 'k6',
      // The shards' own load model is not in their output: the observed arrival rate stands for it.
      loadModel: { kind: 'open', ratePerSecond: Math.round(m.measure.totals.throughputRps), connections: 0 },
      method: `${o.command}; ${m.instances.count} k6 instance(s) merged from their --out json points into one set of HDR histograms (1 µs..120 s, 3 significant digits); thresholds judged on the merged data`,
    },
    warmup: m.warmup,
    totals: m.measure.totals,
    endpoints: m.measure.endpoints as RunSummary['endpoints'],
    server: {
      cacheHitRatio: ratio,
      cacheHitSource: ratio === null ? 'none' : 'x-cache-header',
      xCacheHeaders: ratio === null ? undefined : { hits, misses, ratio },
      queriesPerRequest: null,
      inProcessCache: false,
    },
    validity: {
      warmupExcluded: true,
      generatorSaturated: m.droppedIterations > 0,
      maxEventLoopLagMs: null,
      driverCpuPercent: null,
      droppedIterations: m.droppedIterations,
      notes,
    },
    thresholds: [],
    trials: [trialSample(m.measure, ratio)],
    instances: m.instances,
  };
  summary.thresholds = evaluateThresholds(summary, o.thresholds);
  summary.verdict = summary.thresholds.some((t) => !t.ok) ? 'fail' : 'pass';
  return summary;
}
