/*
 * The verdict on one claim from per-trial samples (one value per trial and step; requests are never samples).
 * The measured factor is oriented so that above 1 is an improvement (before/after for lower-is-better metrics,
 * after/before otherwise), with a seeded percentile-bootstrap interval of the ratio of medians. The after value
 * gets its own interval, so a claimed target ("→ 1 query", "80%+") is judged too.
 *   better than claimed: every claimed figure (factor, after) is beaten by the whole interval;
 *   confirmed:           some claimed figure lies inside its interval or is beaten;
 *   partly:              the improvement is significant (factor interval above 1) but smaller than claimed;
 *   not reproduced:      no significant improvement, or the opposite.
 */
import { median, quantileSorted } from 'simple-statistics';
import { seededRandom } from '../random/seededRandom.ts';
import type { PlanClaim } from './PlanClaims.ts';

export type Verdict = 'confirmed' | 'partly' | 'not reproduced' | 'better than claimed';

export interface Measured {
  before: number | null;
  after: number;
  /** Oriented improvement factor (> 1 is better), and its interval; null without a before step. */
  factor: number | null;
  low: number | null;
  high: number | null;
  /** The after value's interval. */
  afterLow: number;
  afterHigh: number;
}

export interface ClaimJudgement {
  measured: Measured;
  verdict: Verdict;
  reason: string;
}

export interface JudgeOptions {
  seed?: number | undefined;
  resamples?: number | undefined;
  confidence?: number | undefined;
  /** Values below this count as this (a 0 ms or 0-query after would make the factor infinite). */
  floor?: number | undefined;
}

type Side = 'beats' | 'contains' | 'misses';

/** The claimed factor: given, or implied by the claimed before and after. */
export function claimedFactor(c: Pick<PlanClaim, 'claimed' | 'better'>, floor = 1e-3): number | undefined {
  if (c.claimed.factor !== undefined) return c.claimed.factor;
  const { before, after } = c.claimed;
  // "0% -> 80%" names a target, not a ratio: a factor over zero means nothing.
  if (before === undefined || after === undefined || before === 0 || after === 0) return undefined;
  return orient(before, after, c.better, floor);
}

export function judgeClaim(c: Pick<PlanClaim, 'claimed' | 'better'>, before: readonly number[] | undefined, after: readonly number[], o: JudgeOptions = {}): ClaimJudgement {
  if (after.length === 0) throw new RangeError('judgeClaim needs at least one after sample');
  const floor = o.floor ?? 1e-3;
  const random = seededRandom(o.seed ?? 1);
  const resamples = o.resamples ?? 5000;
  const tail = (1 - (o.confidence ?? 0.95)) / 2;
  const aft = [...after];
  const bef = before && before.length > 0 ? [...before] : undefined;
  const afterMeds: number[] = [];
  const factors: number[] = [];
  for (let i = 0; i < resamples; i++) {
    const a = median(resample(aft, random));
    afterMeds.push(a);
    if (bef) factors.push(orient(median(resample(bef, random)), a, c.better, floor));
  }
  afterMeds.sort((x, y) => x - y);
  factors.sort((x, y) => x - y);
  const measured: Measured = {
    before: bef ? median(bef) : null,
    after: median(aft),
    factor: bef ? orient(median(bef), median(aft), c.better, floor) : null,
    low: bef ? quantileSorted(factors, tail) : null,
    high: bef ? quantileSorted(factors, 1 - tail) : null,
    afterLow: quantileSorted(afterMeds, tail),
    afterHigh: quantileSorted(afterMeds, 1 - tail),
  };
  const sides: Array<{ what: string; side: Side }> = [];
  const cf = claimedFactor(c, floor);
  if (cf !== undefined && measured.low !== null && measured.high !== null) {
    sides.push({ what: `factor ${fmt(cf)}x`, side: measured.low > cf ? 'beats' : measured.high >= cf ? 'contains' : 'misses' });
  }
  if (c.claimed.after !== undefined) {
    const t = c.claimed.after;
    // Oriented so that "beats" means better than the target.
    const [lo, hi] = c.better === 'lower' ? [-measured.afterHigh, -measured.afterLow] : [measured.afterLow, measured.afterHigh];
    const target = c.better === 'lower' ? -t : t;
    sides.push({ what: `after ${fmt(t)}`, side: lo > target ? 'beats' : hi >= target ? 'contains' : 'misses' });
  }
  // A claim that names only the "before" ("Takes 5-10 minutes") is about how bad the before is: is it that bad?
  if (sides.length === 0 && c.claimed.before !== undefined && measured.before !== null && bef) {
    const t = c.claimed.before;
    const asBad = c.better === 'lower' ? measured.before >= t : measured.before <= t;
    sides.push({ what: `before ${fmt(t)} (measured ${fmt(measured.before)})`, side: asBad ? 'contains' : 'misses' });
  }
  const improved = measured.low !== null && measured.low > 1;
  const worse = measured.high !== null && measured.high < 1;
  const text = sides.map((s) => `${s.what}: ${s.side === 'misses' ? 'missed' : s.side === 'beats' ? 'beaten' : 'within the interval'}`).join('; ');
  if (sides.length === 0) {
    // Nothing numeric to hold it to: only the direction can be judged.
    if (improved) return { measured, verdict: 'confirmed', reason: 'the claim names no figure; the improvement is significant' };
    return { measured, verdict: 'not reproduced', reason: worse ? 'significantly worse' : 'no significant difference' };
  }
  if (sides.every((s) => s.side === 'beats')) return { measured, verdict: 'better than claimed', reason: text };
  if (sides.some((s) => s.side !== 'misses')) return { measured, verdict: 'confirmed', reason: text };
  if (improved) return { measured, verdict: 'partly', reason: `${text}; the improvement is significant but smaller` };
  if (measured.factor === null) return { measured, verdict: 'not reproduced', reason: `${text}; no before step to compare with` };
  return { measured, verdict: 'not reproduced', reason: `${text}; ${worse ? 'significantly worse than before' : 'no significant difference from before'}` };
}

function orient(before: number, after: number, better: 'lower' | 'higher', floor: number): number {
  const b = Math.max(before, floor);
  const a = Math.max(after, floor);
  return better === 'lower' ? b / a : a / b;
}

function resample(xs: readonly number[], random: () => number): number[] {
  const out = new Array<number>(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = xs[Math.floor(random() * xs.length)]!;
  return out;
}

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? String(Math.round(x)) : String(Number(x.toPrecision(3)));
}
