/*
 * The shape of a dataset before any row exists: exact row counts per table and the event history cut
 * into calendar-month segments, one per pin_analytics leaf partition. Events cover the 12 months before
 * asOf; recent months are denser (weight grows linearly from 1x for the oldest to 3x for the newest
 * instant), apportioned to whole rows by largest remainder so the total is exactly users * eventsPerUser.
 */
import type { SeedParameters } from './SeedParameters.ts';
import { experienceCount } from './rows/experienceRows.ts';
import { skillCount } from './rows/skillRows.ts';

export const SEED_TABLES = ['profiles', 'professional_pins', 'pin_experiences', 'pin_skills', 'matches', 'pin_analytics'] as const;
export type SeedTable = (typeof SEED_TABLES)[number];

export const HISTORY_MONTHS = 12;
const RECENT_DENSITY = 3; // the newest instant gets this many times the events of the oldest

export interface EventSegment {
  /** Leaf partition the rows go to, pin_analytics_yYYYYmMM. */
  partition: string;
  startMs: number;
  endMs: number;
  firstId: number;
  count: number;
}

export interface DatasetPlan {
  params: SeedParameters;
  asOfMs: number;
  horizonStartMs: number;
  segments: EventSegment[];
  rowCounts: Record<SeedTable, number>;
}

export function partitionName(ms: number): string {
  const d = new Date(ms);
  return `pin_analytics_y${d.getUTCFullYear()}m${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

function monthSegments(startMs: number, endMs: number): Array<{ startMs: number; endMs: number }> {
  const out: Array<{ startMs: number; endMs: number }> = [];
  let lo = startMs;
  while (lo < endMs) {
    const d = new Date(lo);
    const hi = Math.min(endMs, Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    out.push({ startMs: lo, endMs: hi });
    lo = hi;
  }
  return out;
}

/** Splits `total` into whole numbers proportional to `weights` (largest remainder, ties to the earlier). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) counts[order[k % order.length]!.i]!++;
  return counts;
}

export function planDataset(params: SeedParameters): DatasetPlan {
  const asOfMs = new Date(params.asOf).getTime();
  const a = new Date(asOfMs);
  const horizonStartMs = Date.UTC(a.getUTCFullYear(), a.getUTCMonth() - HISTORY_MONTHS, a.getUTCDate(),
    a.getUTCHours(), a.getUTCMinutes(), a.getUTCSeconds(), a.getUTCMilliseconds());
  const months = monthSegments(horizonStartMs, asOfMs);
  const horizon = asOfMs - horizonStartMs;
  const weights = months.map((m) => {
    const mid = ((m.startMs + m.endMs) / 2 - horizonStartMs) / horizon;
    return (m.endMs - m.startMs) * (1 + (RECENT_DENSITY - 1) * mid);
  });
  const events = params.users * params.eventsPerUser;
  const counts = apportion(events, weights);
  let firstId = 1;
  const segments = months.map((m, i) => {
    const seg = { partition: partitionName(m.startMs), startMs: m.startMs, endMs: m.endMs, firstId, count: counts[i]! };
    firstId += seg.count;
    return seg;
  });
  let experiences = 0;
  let skills = 0;
  for (let pin = 1; pin <= params.users; pin++) {
    experiences += experienceCount(params.seed, pin);
    skills += skillCount(params.seed, pin);
  }
  return {
    params,
    asOfMs,
    horizonStartMs,
    segments,
    rowCounts: { profiles: params.users, professional_pins: params.users, pin_experiences: experiences, pin_skills: skills, matches: params.users, pin_analytics: events },
  };
}
