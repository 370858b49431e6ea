/*
 * Dates from the outside: the schema checks the YYYY-MM-DD shape; this checks it is a real calendar day
 * (2025-02-30 is 400, not a Postgres error) in a sane range, and measures ranges in days.
 */
import { schoolErrors } from '../errors/schoolErrors.ts';

const DAY_MS = 86_400_000;

/** Epoch ms of a YYYY-MM-DD day (UTC), or NaN when it is not a real day between 2000 and 2099. */
export function dayMs(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) return NaN;
  const year = Number(date.slice(0, 4));
  return year >= 2000 && year <= 2099 ? ms : NaN;
}

export function parseCalendarDate(field: string, raw: string): string {
  if (Number.isNaN(dayMs(raw))) throw schoolErrors.invalidDate(field, raw);
  return raw;
}

/** Checks from <= to and the span (inclusive) is at most maxDays. */
export function parseDateRange(from: string, to: string, maxDays: number): { from: string; to: string } {
  const a = dayMs(parseCalendarDate('from', from));
  const b = dayMs(parseCalendarDate('to', to));
  if (b < a || (b - a) / DAY_MS + 1 > maxDays) throw schoolErrors.invalidRange(from, to, maxDays);
  return { from, to };
}
