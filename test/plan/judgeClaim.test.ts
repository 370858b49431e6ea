/*
 * The verdict rules on synthetic per-trial samples: each of the four verdicts, an interval that straddles the
 * claimed factor, target-only claims, and the orientation of lower- and higher-is-better metrics.
 */
import { describe, expect, it } from 'vitest';
import { claimedFactor, judgeClaim } from '../../harness/plan/judgeClaim.ts';

const lower = (claimed: { before?: number; after?: number; factor?: number }) => ({ better: 'lower' as const, claimed });

describe('judgeClaim', () => {
  it('confirms a factor inside the interval (the interval straddles the claim)', () => {
    // before/after ratios of the trials: 80, 100, 125 -> the interval spans the claimed 100x.
    const j = judgeClaim(lower({ factor: 100 }), [800, 1000, 1250], [10, 10, 10]);
    expect(j.measured.factor).toBeCloseTo(100, 6);
    expect(j.measured.low!).toBeLessThan(100);
    expect(j.measured.high!).toBeGreaterThan(100);
    expect(j.verdict).toBe('confirmed');
  });

  it('is better than claimed when the whole interval beats every claimed figure', () => {
    const j = judgeClaim(lower({ before: 1001, after: 1 }), [1001, 1001, 1001], [0.2, 0.25, 0.3]);
    expect(j.measured.low!).toBeGreaterThan(1001);
    expect(j.verdict).toBe('better than claimed');
  });

  it('is partly when the improvement is significant but smaller than claimed', () => {
    const j = judgeClaim(lower({ factor: 100 }), [100, 105, 110], [10, 11, 12]);
    expect(j.measured.high!).toBeLessThan(100);
    expect(j.measured.low!).toBeGreaterThan(1);
    expect(j.verdict).toBe('partly');
  });

  it('is not reproduced when there is no significant difference, or it is worse', () => {
    expect(judgeClaim(lower({ factor: 10 }), [100, 90, 110], [95, 105, 100]).verdict).toBe('not reproduced');
    const worse = judgeClaim(lower({ factor: 10 }), [10, 11, 12], [20, 21, 22]);
    expect(worse.verdict).toBe('not reproduced');
    expect(worse.reason).toMatch(/worse/);
  });

  it('judges a target-only claim by the after interval, with the metric orientation', () => {
    const hit = { better: 'higher' as const, claimed: { after: 0.8 } };
    expect(judgeClaim(hit, undefined, [0.85, 0.9, 0.88]).verdict).toBe('better than claimed');
    expect(judgeClaim(hit, undefined, [0.78, 0.82, 0.8]).verdict).toBe('confirmed');
    const missed = judgeClaim(hit, undefined, [0.5, 0.55, 0.6]);
    expect(missed.verdict).toBe('not reproduced');
    expect(missed.reason).toMatch(/no before step/);
    expect(judgeClaim(lower({ after: 500 }), undefined, [400, 450, 420]).verdict).toBe('better than claimed');
  });

  it('confirms when one claimed figure is met even if the other is missed', () => {
    // "1,001 queries -> 1 query": after = 1 met, but the before measured at a smaller page gives a smaller factor.
    const j = judgeClaim(lower({ before: 1001, after: 1 }), [21, 21, 21], [1, 1, 1]);
    expect(j.measured.factor).toBeCloseTo(21, 6);
    expect(j.verdict).toBe('confirmed');
    expect(j.reason).toMatch(/factor 1001x: missed/);
  });

  it('holds a before-only claim to its before figure', () => {
    // "Takes 5-10 minutes": the before measured 16 s, not 300 s; the after is much faster, so only partly.
    const j = judgeClaim(lower({ before: 300 }), [15, 16, 17], [0.3, 0.4, 0.5]);
    expect(j.verdict).toBe('partly');
    expect(j.reason).toMatch(/before 300 \(measured 16\): missed/);
    expect(judgeClaim(lower({ before: 300 }), [320, 400, 500], [0.3, 0.4, 0.5]).verdict).toBe('confirmed');
  });

  it('derives the claimed factor from before and after, floored so 0 does not divide', () => {
    expect(claimedFactor(lower({ before: 30_000, after: 50 }))).toBeCloseTo(600, 6);
    expect(claimedFactor({ better: 'higher', claimed: { before: 0.3, after: 0.8 } })).toBeCloseTo(0.8 / 0.3, 6);
    expect(Number.isFinite(judgeClaim(lower({ factor: 2 }), [5, 5, 5], [0, 0, 0]).measured.factor!)).toBe(true);
  });
});
