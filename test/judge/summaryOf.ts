/*
 * Test helper: a complete RunSummary around given endpoint summaries (built by the real LatencyRecorder or
 * parseK6Points), so evaluator tests judge the same shape a run writes.
 */
import { SUMMARY_SCHEMA_VERSION, type EndpointName, type EndpointSummary, type RunSummary } from '../../harness/model/RunSummary.ts';

export interface SummaryParts {
  endpoints: Record<string, EndpointSummary>;
  totals: EndpointSummary;
  durationS: number;
  mix: Partial<Record<EndpointName, number>>;
  cacheHitRatio?: number | null;
  droppedIterations?: number | null;
}

export function summaryOf(p: SummaryParts): RunSummary {
  const { xCache: _x, ...totals } = p.totals;
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    runId: 'test',
    gitCommit: null,
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: '2026-01-01T00:00:30.000Z',
    verdict: 'pass',
    scenario: { name: 'analytics', mix: p.mix, warmupS: 0, durationS: p.durationS },
    environment: {
      machine: { hostname: 'test', cpus: 2, cpuModel: 'test', memoryBytes: 0, os: 'linux', node: process.version },
      driver: 'k6',
      loadModel: { kind: 'closed', connections: 1, pipelining: 1 },
      method: 'test',
    },
    warmup: { requests: 0, errors: 0, durationS: 0, latencyMs: { p50: 0, p95: 0, p99: 0 } },
    totals,
    endpoints: p.endpoints as RunSummary['endpoints'],
    server: { cacheHitRatio: p.cacheHitRatio ?? null, cacheHitSource: p.cacheHitRatio == null ? 'none' : 'redis-info', queriesPerRequest: null, inProcessCache: false },
    validity: { warmupExcluded: true, generatorSaturated: false, maxEventLoopLagMs: null, driverCpuPercent: null, droppedIterations: p.droppedIterations ?? null, notes: [] },
    thresholds: [],
    trials: [],
  };
}
