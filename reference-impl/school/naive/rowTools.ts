/* Small helpers for aggregating rows in JavaScript (the naive variant). */

const DAY_MS = 86_400_000;

/** How many rows have each key. */
export function countBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** Rows grouped by key, in first-seen order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const g = out.get(k);
    if (g === undefined) out.set(k, [r]);
    else g.push(r);
  }
  return out;
}

/** 'YYYY-MM-DD' + n days. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function nextDay(date: string): string {
  return addDays(date, 1);
}

/** The Monday of date's ISO week (Postgres date_trunc('week', date)). */
export function weekStart(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
  return addDays(date, -weekday);
}

/** "8 - C": the class name the RPCs build (grade || ' - ' || section). */
export function className(grade: number, section: string): string {
  return `${grade} - ${section}`;
}
