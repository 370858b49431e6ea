/* compareRuns over trials recorded from seeded latency distributions: noise is not a change, a shift is. */
import { describe, expect, it } from 'vitest';
import { compareRuns, TOTAL } from '../../harness/compare/compareRuns.ts';
import type { MetricComparison } from '../../harness/compare/ComparisonResult.ts';
import { syntheticRun } from '../report/syntheticRun.ts';

const find = (ms: MetricComparison[], entity: string, metric: string) => ms.find((m) => m.entity === entity && m.metric === metric)!;

describe('compareRuns', () => {
  it('finds no significant change anywhere between identical trial sets', () => {
    const a = syntheticRun({ seed: 1, trials: 5 });
    const r = compareRuns(a, structuredClone(a));
    expect(r.metrics.length).toBeGreaterThan(15);
    for (const m of r.metrics) expect([m.entity, m.metric, m.verdict]).toEqual([m.entity, m.metric, 'no significant change']);
    expect(find(r.metrics, TOTAL, 'p95').relativeDelta).toBe(0);
  });

  it('does not call p95 or throughput changed between two runs drawn from the same distribution', () => {
    const r = compareRuns(syntheticRun({ seed: 1, trials: 5 }), syntheticRun({ seed: 2, trials: 5 }));
    for (const entity of r.entities) {
      expect(find(r.metrics, entity, 'p95').verdict, entity).toBe('no significant change');
      expect(find(r.metrics, entity, 'throughputRps').verdict, entity).toBe('no significant change');
    }
  });

  it('calls a +50% latency shift across 5 noisy trials each a p95 regression, with a CI around +50%', () => {
    const a = syntheticRun({ seed: 3, trials: 5, trialNoise: 0.05 });
    const b = syntheticRun({ seed: 4, trials: 5, trialNoise: 0.05, latencyFactor: 1.5 });
    const r = compareRuns(a, b);
    const p95 = find(r.metrics, TOTAL, 'p95');
    expect(p95.verdict).toBe('regressed');
    expect(p95.ci!.low).toBeGreaterThan(0.1);
    expect(p95.ci!.low).toBeLessThan(0.5);
    expect(p95.ci!.high).toBeGreaterThan(0.5);
    expect(p95.mannWhitney!.pValue).toBeLessThan(0.05);
    expect(find(r.metrics, 'pin_public', 'p95').verdict).toBe('regressed');
  });

  it('calls faster latency and higher throughput improvements, not regressions', () => {
    const r = compareRuns(syntheticRun({ seed: 5, trials: 5 }), syntheticRun({ seed: 6, trials: 5, latencyFactor: 0.6, throughputFactor: 1.4 }));
    expect(find(r.metrics, TOTAL, 'p95').verdict).toBe('improved');
    expect(find(r.metrics, TOTAL, 'throughputRps').verdict).toBe('improved');
  });

  it('says inconclusive (1 trial) for single-trial runs, while still reporting the delta', () => {
    const r = compareRuns(syntheticRun({ seed: 7, trials: 1 }), syntheticRun({ seed: 8, trials: 1, latencyFactor: 1.4 }));
    const p95 = find(r.metrics, TOTAL, 'p95');
    expect(p95.verdict).toBe('inconclusive (1 trial)');
    expect(p95.relativeDelta!).toBeGreaterThan(0.2);
    expect(p95.ci).toBeNull();
    expect(p95.note).toMatch(/--repeat 5/);
  });

  it('still calls a huge (3x) single-trial change, and says it rests on single trials', () => {
    const r = compareRuns(syntheticRun({ seed: 7, trials: 1 }), syntheticRun({ seed: 8, trials: 1, latencyFactor: 3 }));
    const p95 = find(r.metrics, TOTAL, 'p95');
    expect(p95.verdict).toBe('regressed');
    expect(p95.note).toMatch(/single-trial verdict/);
  });

  it('treats a summary without trials[] as one trial of its own totals', () => {
    const a = syntheticRun({ seed: 9, trials: 1 });
    a.trials = [];
    const r = compareRuns(a, syntheticRun({ seed: 10, trials: 5 }));
    expect(r.a.trials).toBe(1);
    expect(find(r.metrics, TOTAL, 'p95').a.values).toEqual([a.totals.latencyMs.p95]);
    expect(find(r.metrics, TOTAL, 'p95').verdict).toBe('inconclusive (1 trial)');
  });

  it('counts a trial without responses as no latency sample rather than a latency of 0', () => {
    const a = syntheticRun({ seed: 17, trials: 3 });
    const b = structuredClone(a);
    b.trials[0]!.totals = { requests: 0, errors: 0, throughputRps: 0, p50: 0, p95: 0, p99: 0 };
    const r = compareRuns(a, b);
    expect(find(r.metrics, TOTAL, 'p95').b.n).toBe(2);
    expect(find(r.metrics, TOTAL, 'throughputRps').b.values).toContain(0);
  });

  it('compares per endpoint and in total: p50, p95, p99, throughput, error rate, and cache hit in total', () => {
    const r = compareRuns(syntheticRun({ seed: 11, trials: 2 }), syntheticRun({ seed: 12, trials: 2 }));
    expect(r.entities).toEqual([TOTAL, 'pin_public', 'pin_analytics', 'pin_events']);
    expect(r.metrics.filter((m) => m.entity === 'pin_public').map((m) => m.metric)).toEqual(['p50', 'p95', 'p99', 'throughputRps', 'errorRate']);
    expect(r.metrics.filter((m) => m.entity === TOTAL).map((m) => m.metric)).toContain('cacheHitRatio');
  });

  it('is reproducible: the same inputs and seed give the same intervals, another seed other intervals', () => {
    const a = syntheticRun({ seed: 13, trials: 5 });
    const b = syntheticRun({ seed: 14, trials: 5, latencyFactor: 1.2 });
    const one = compareRuns(a, b, { seed: 99 });
    expect(compareRuns(a, b, { seed: 99 }).metrics.map((m) => m.ci)).toEqual(one.metrics.map((m) => m.ci));
    expect(compareRuns(a, b, { seed: 100 }).metrics.map((m) => m.ci)).not.toEqual(one.metrics.map((m) => m.ci));
  });

  it('warns when the runs differ in machine, load model or dataset', () => {
    const a = syntheticRun({ seed: 15, trials: 2 });
    const b = syntheticRun({ seed: 16, trials: 2, environment: { loadModel: { kind: 'open', ratePerSecond: 500, connections: 8 }, dataset: { seed: 1 } } });
    b.environment.machine = { ...b.environment.machine, cpus: 16 };
    const w = compareRuns(a, b).warnings.join('\n');
    expect(w).toContain('different load models');
    expect(w).toContain('different machines');
    expect(w).toContain('different datasets');
    expect(compareRuns(a, a).warnings).toEqual([]);
  });
});
