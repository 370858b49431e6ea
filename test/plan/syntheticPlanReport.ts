/*
 * A plan report from synthetic trials (no load): two steps whose latencies and statement counts are drawn from
 * a seeded generator, judged by the real judgeClaims, for the rendering tests.
 */
import { createHistogram, encodeHistogram, recordMs } from '../../harness/drive/latencyHistogram.ts';
import { defineClaims } from '../../harness/plan/PlanClaims.ts';
import { countVerdicts, judgeClaims } from '../../harness/plan/judgeClaims.ts';
import { PLAN_SCHEMA_VERSION, type PlanReport, type StepTrial } from '../../harness/plan/PlanReport.ts';
import { seededRandom } from '../../harness/random/seededRandom.ts';
import { machineInfo } from '../../harness/run/machineInfo.ts';

export const syntheticClaims = defineClaims({
  workload: 'synthetic',
  seedFile: '999_test.txt',
  steps: [
    { id: 'naive', variant: 'naive', label: 'the KV store <before>' },
    { id: 'optimized', variant: 'optimized', label: 'tables & cache' },
  ],
  claims: [
    { id: 'list-queries', quote: 'List 1000 products: 1,001 queries', section: 'Before vs After', unit: 'queries', better: 'lower', claimed: { before: 1001, after: 1 }, metric: { kind: 'queriesPerRequest', endpoint: 'products' }, before: 'naive', after: 'optimized' },
    { id: 'p95', quote: 'API p95 <500ms', section: 'Targets', unit: 'ms', better: 'lower', claimed: { after: 500 }, metric: { kind: 'latency', endpoint: 'products', stat: 'p95' }, before: 'naive', after: 'optimized' },
    { id: 'hit', quote: 'Cache hit 0% → 80%+', section: 'Targets', unit: 'ratio', better: 'higher', claimed: { before: 0, after: 0.8 }, metric: { kind: 'cacheHitRatio' }, before: 'naive', after: 'optimized' },
    { id: 'uptime', quote: 'Uptime 99.99%', section: 'Targets', unit: 'ratio', better: 'higher', claimed: { after: 0.9999 }, notMeasurable: 'needs months of production traffic' },
  ],
});

export function syntheticPlanReport(): PlanReport {
  const random = seededRandom(7);
  const trialsByStep = new Map<string, StepTrial[]>();
  const histograms = new Map<string, string>();
  const runLog: PlanReport['runLog'] = [];
  let order = 0;
  for (const step of syntheticClaims.steps) {
    const h = createHistogram();
    for (let i = 0; i < 2000; i++) recordMs(h, (step.id === 'naive' ? 300 : 4) * (0.5 + random() * 2));
    histograms.set(step.id, encodeHistogram(h));
    trialsByStep.set(step.id, []);
  }
  for (let trial = 1; trial <= 3; trial++) {
    for (const step of syntheticClaims.steps) {
      order++;
      const naive = step.id === 'naive';
      const p95 = (naive ? 700 : 9) * (0.9 + random() * 0.2);
      trialsByStep.get(step.id)!.push({
        trial, order, startedAt: new Date(Date.UTC(2026, 10, 28, 12, 0, order)).toISOString(), durationS: 10, offeredRps: 50, achievedRps: 50, errorRate: 0,
        cacheHitRatio: naive ? null : 0.85 + random() * 0.05,
        latencyMs: { '*': { p50: p95 / 3, p95, p99: p95 * 1.3 }, products: { p50: p95 / 3, p95, p99: p95 * 1.3 } },
        queriesPerRequest: { products: naive ? 21 : 0.4 + random() * 0.2 }, probes: {}, scheduleLagP99Ms: 0.5,
      });
      runLog.push({ order, trial, step: step.id, startedAt: '' });
    }
  }
  const claims = judgeClaims(syntheticClaims, trialsByStep, { seed: 1 });
  return {
    schemaVersion: PLAN_SCHEMA_VERSION, workload: 'synthetic', seedFile: syntheticClaims.seedFile, runId: 'plan-html-test', gitCommit: null,
    startedAt: '2026-11-28T12:00:00.000Z', endedAt: '2026-11-28T12:05:00.000Z',
    environment: { machine: machineInfo(), loadAverage: [1, 1, 1], method: 'synthetic trials </script><script>alert(1)</script>' },
    dataset: { users: 100, seed: 42, distribution: 'zipf' },
    load: { ratePerSecond: 50, rateSource: 'given', arrivals: 'constant', warmupS: 1, durationS: 10, trials: 3, maxConnections: 16 },
    steps: syntheticClaims.steps.map((s) => ({
      id: s.id, variant: s.variant, label: s.label, trials: trialsByStep.get(s.id)!, histogram: histograms.get(s.id)!, latencyMs: { p50: 1, p95: 2, p99: 3 },
      explain: [{ shape: 'SELECT * FROM products WHERE site_id = $1', calls: 10, totalMs: 12.5, plan: 'Index Scan using products_site_idx on products' }, { shape: 'BEGIN', calls: 1, totalMs: 0, error: 'nothing to plan' }],
      dataset: { seeded: true, wallSeconds: 1 },
      capacityRps: null,
      ran: { pooler: 'off', replica: 'off' },
    })),
    runLog, claims, counts: countVerdicts(claims), notes: ['one machine'],
  };
}
