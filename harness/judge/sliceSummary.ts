/*
 * A slice of a run (one sliding window of a capacity step, one second of a run's timeline) shaped as a RunSummary
 * holding only what the evaluator reads (endpoints, totals, mix, duration, cache ratio), so slices and whole runs
 * are judged by the same rules (harness/capacity/judgeSlice.ts, observeSustained.ts).
 */
import type { EndpointSummary, RunSummary } from '../model/RunSummary.ts';
import { SUMMARY_SCHEMA_VERSION } from '../model/RunSummary.ts';

export interface Slice {
  endpoints: Record<string, EndpointSummary>;
  totals: EndpointSummary;
  mix: Record<string, number>;
  durationS: number;
  cacheHitRatio?: number | null | undefined;
}

export function sliceSummary(slice: Slice): RunSummary {
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    runId: 'slice',
    gitCommit: null,
    startedAt: '',
    endedAt: '',
    verdict: 'pass',
    scenario: { name: 'slice', mix: slice.mix, warmupS: 0, durationS: slice.durationS },
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
}
