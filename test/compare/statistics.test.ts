/* The statistics under the comparison: Mann-Whitney against known values, a reproducible bootstrap. */
import { describe, expect, it } from 'vitest';
import { bootstrapMedianChange } from '../../harness/compare/bootstrapMedianChange.ts';
import { mannWhitney } from '../../harness/compare/mannWhitney.ts';
import { seededRandom } from '../../harness/random/seededRandom.ts';

describe('mannWhitney', () => {
  it('matches R wilcox.test on its own documentation example (W = 35, exact two-sided p = 0.2544)', () => {
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const r = mannWhitney(x, y);
    expect(r.u).toBe(35);
    expect(r.exact).toBe(true);
    expect(r.pValue).toBeCloseTo(0.2544, 4);
  });

  it('gives p = 2/252 for five trials entirely above five others, the smallest p possible at that size', () => {
    const r = mannWhitney([10, 11, 12, 13, 14], [20, 21, 22, 23, 24]);
    expect(r.pValue).toBeCloseTo(2 / 252, 12);
    expect(r.minAttainableP).toBeCloseTo(2 / 252, 12);
  });

  it('says that three trials per side can never reach p < 0.05', () => {
    expect(mannWhitney([1, 2, 3], [7, 8, 9]).minAttainableP).toBeCloseTo(0.1, 12);
  });

  it('gives p = 1 for identical samples, ties included', () => {
    expect(mannWhitney([5, 5, 6, 7], [5, 5, 6, 7]).pValue).toBe(1);
  });

  it('uses the normal approximation for large samples and still separates shifted from unshifted data', () => {
    const random = seededRandom(3);
    const a = Array.from({ length: 40 }, () => random());
    const b = a.map((v) => v + 0.5);
    expect(mannWhitney(a, b).exact).toBe(false);
    expect(mannWhitney(a, b).pValue).toBeLessThan(1e-6);
    expect(mannWhitney(a, [...a].reverse()).pValue).toBeGreaterThan(0.9);
  });
});

describe('bootstrapMedianChange', () => {
  const a = [101, 97, 104, 99, 100];
  const b = [151, 148, 155, 146, 150];

  it('is deterministic for a seed: the same seed gives the same interval', () => {
    const first = bootstrapMedianChange(a, b, { scale: 'relative', seed: 42 });
    const second = bootstrapMedianChange(a, b, { scale: 'relative', seed: 42 });
    expect(second).toEqual(first);
  });

  it('resamples differently with another seed, and every interval holds the point estimate', () => {
    const one = bootstrapMedianChange([3, 9, 4, 12, 5, 8], [6, 2, 11, 7, 10, 4], { scale: 'relative', seed: 1 })!;
    const two = bootstrapMedianChange([3, 9, 4, 12, 5, 8], [6, 2, 11, 7, 10, 4], { scale: 'relative', seed: 2 })!;
    expect([one.low, one.high]).not.toEqual([two.low, two.high]);
    for (const ci of [one, two]) {
      expect(ci.low).toBeLessThanOrEqual(6.5 / 6.5 - 1);
      expect(ci.high).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives a relative interval around +50% for a 50% shift and around 0 for identical sets', () => {
    const shifted = bootstrapMedianChange(a, b, { scale: 'relative', seed: 7 })!;
    expect(shifted.low).toBeGreaterThan(0.35);
    expect(shifted.high).toBeLessThan(0.65);
    const same = bootstrapMedianChange(a, a, { scale: 'relative', seed: 7 })!;
    expect(same.low).toBeLessThan(0);
    expect(same.high).toBeGreaterThan(0);
  });

  it('works in absolute points for ratios and refuses a relative change from a zero median', () => {
    const ci = bootstrapMedianChange([0, 0, 0], [0.02, 0.03, 0.025], { scale: 'absolute', seed: 1 })!;
    expect(ci.low).toBeGreaterThanOrEqual(0.02);
    expect(ci.high).toBeLessThanOrEqual(0.03);
    expect(bootstrapMedianChange([0, 0, 0], [0.02, 0.03, 0.025], { scale: 'relative', seed: 1 })).toBeNull();
  });
});
