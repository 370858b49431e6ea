/* The baseline gate trips exactly when p95 or throughput got worse than the limit with confidence. */
import { describe, expect, it } from 'vitest';
import { regressionGate } from '../../harness/compare/regressionGate.ts';
import { syntheticRun } from '../report/syntheticRun.ts';

interface Case {
  name: string;
  trials: [number, number];
  latencyFactor?: number;
  throughputFactor?: number;
  maxRegression: number;
  regressed: boolean;
  /** A reason (or note) must mention this. */
  mentions?: RegExp;
}

const cases: Case[] = [
  { name: 'same distribution, 5 vs 5 trials', trials: [5, 5], maxRegression: 0.1, regressed: false },
  { name: 'p95 +50%, 5 vs 5 trials', trials: [5, 5], latencyFactor: 1.5, maxRegression: 0.1, regressed: true, mentions: /total p95 latency \+\d+\.\d% vs baseline.*entirely beyond the 10% limit/ },
  { name: 'p95 +50% but a 100% limit', trials: [5, 5], latencyFactor: 1.5, maxRegression: 1, regressed: false },
  { name: 'p95 +4%, within a 10% limit', trials: [5, 5], latencyFactor: 1.04, maxRegression: 0.1, regressed: false },
  { name: 'throughput -30%, 5 vs 5 trials', trials: [5, 5], throughputFactor: 0.7, maxRegression: 0.1, regressed: true, mentions: /total throughput -\d+\.\d% vs baseline/ },
  { name: 'faster and more throughput', trials: [5, 5], latencyFactor: 0.6, throughputFactor: 1.3, maxRegression: 0.1, regressed: false },
  { name: 'p95 +50%, 3 vs 3 trials (interval decides)', trials: [3, 3], latencyFactor: 1.5, maxRegression: 0.1, regressed: true, mentions: /CI of the worsening/ },
  { name: 'p95 +50%, 1 vs 1 trial', trials: [1, 1], latencyFactor: 1.5, maxRegression: 0.1, regressed: false, mentions: /inconclusive \(use --repeat 5\)/ },
  { name: 'p95 x3, 1 vs 1 trial', trials: [1, 1], latencyFactor: 3, maxRegression: 0.1, regressed: true, mentions: /called on single trials/ },
  { name: 'p95 +50%, 5 vs 1 trials', trials: [5, 1], latencyFactor: 1.5, maxRegression: 0.1, regressed: false, mentions: /5 vs 1 trials the noise is unknown/ },
];

describe('regressionGate', () => {
  it.each(cases)('$name: regressed = $regressed', (c) => {
    const baseline = syntheticRun({ seed: 100, trials: c.trials[0] });
    const current = syntheticRun({ seed: 200, trials: c.trials[1], latencyFactor: c.latencyFactor, throughputFactor: c.throughputFactor });
    const gate = regressionGate(baseline, current, { maxRegression: c.maxRegression });
    expect(gate.regressed).toBe(c.regressed);
    expect(gate.reasons.length > 0).toBe(c.regressed);
    if (c.mentions) expect([...gate.reasons, ...gate.notes].join('\n')).toMatch(c.mentions);
    // Only p95 and throughput are gated, in total and per endpoint.
    expect(new Set(gate.checks.map((k) => k.metric))).toEqual(new Set(['p95', 'throughputRps']));
    expect(gate.checks.filter((k) => k.regressed).length).toBe(gate.reasons.length);
  });

  it('trips on Mann-Whitney plus the point estimate when the interval dips inside the limit', () => {
    // B's five trials all sit above A's (Mann-Whitney p = 2/252) and their median is +26%, but one B trial is
    // only +4%, so the bootstrap interval reaches below the 10% limit: the second rule decides.
    const base = syntheticRun({ seed: 300, trials: 5 });
    const cur = structuredClone(base);
    const aP95 = [100, 101, 99, 100.5, 99.5];
    const bP95 = [104, 125, 126, 127, 190];
    base.trials.forEach((t, i) => (t.totals.p95 = aP95[i]!));
    cur.trials.forEach((t, i) => (t.totals.p95 = bP95[i]!));
    const gate = regressionGate(base, cur, { maxRegression: 0.1 });
    const total = gate.checks.find((k) => k.entity === 'total' && k.metric === 'p95')!;
    expect(total.worseningCi!.low).toBeLessThan(0.1);
    expect(total.worsening!).toBeCloseTo(126 / 100 - 1, 9);
    expect(total.regressed).toBe(true);
    expect(total.basis).toBe('mann-whitney');
    expect(gate.reasons).toHaveLength(1); // the endpoints' own trials are unchanged
    expect(gate.reasons[0]).toMatch(/Mann-Whitney p=0\.008/);
  });

  it('rejects a negative or non-numeric limit', () => {
    const s = syntheticRun({ seed: 1 });
    expect(() => regressionGate(s, s, { maxRegression: -0.1 })).toThrow(RangeError);
    expect(() => regressionGate(s, s, { maxRegression: Number.NaN })).toThrow(RangeError);
  });
});
