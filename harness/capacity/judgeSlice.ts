/*
 * Judges a threshold set over a slice of a step (one sliding window, or the whole measured part) with the
 * engine's own evaluator: the slice is shaped as a RunSummary holding only what the evaluator reads (endpoints,
 * totals, mix, duration, cache ratio), so windows and runs are judged by the same rules.
 */
import { evaluateThresholds } from '../judge/evaluateThresholds.ts';
import type { ThresholdSet } from '../judge/ThresholdSet.ts';
import type { EndpointSummary, RunSummary, ThresholdResult } from '../model/RunSummary.ts';
import { SUMMARY_SCHEMA_VERSION } from '../model/RunSummary.ts';

export interface Slice {
  endpoints: Record<string, EndpointSummary>;
  totals: EndpointSummary;
  mix: Record<string, number>;
  durationS: number;
  cacheHitRatio?: number | null | undefined;
}

export function judgeSlice(slice: Slice, set: ThresholdSet): ThresholdResult[] {
  if (Object.keys(set).length === 0) return [];
  const summary: RunSummary = {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    runId: 'capacity-slice',
    gitCommit: null,
    startedAt: '',
    endedAt: '',
    verdict: 'pass',
    scenario: { name: 'capacity-slice', mix: slice.mix, warmupS: 0, durationS: slice.durationS },
    environment: {
      machine: { hostname: '', cpus: 0, cpuModel: '', memoryBytes: 0, os: '', node: '' },
      driver: 'autocannon',
      loadModel: { kind: 'open', ratePerSecond: 1, connections: 1 },
      method: '',
    },
    warmup: { requests: 0, errors: 0, durationS: 0, latencyMs: { p50: 0, p95: 0, p99: 0 } },
    totals: slice.totals,
    endpoints: slice.endpoints,
    server: { cacheHitRatio: slice.cacheHitRatio ?? null, cacheHitSource: 'none', queriesPerRequest: null, inProcessCache: false },
    validity: { warmupExcluded: true, generatorSaturated: false, maxEventLoopLagMs: null, driverCpuPercent: null, droppedIterations: 0, notes: [] },
    thresholds: [],
    trials: [],
  };
  return evaluateThresholds(summary, set);
}
