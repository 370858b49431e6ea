/*
 * Seed 000: "summarize daily counts to Postgres table pin_audit_daily". Counts the audit stream's entries per
 * UTC day and action, from the last day already summarized (recounted: it may have been partial) or the
 * stream's oldest entry, through today (partial until tomorrow's run). Each day is replaced in one transaction,
 * so running it twice gives the same table. Days the stream no longer holds (older than its 90-day retention)
 * keep the counts they were given while it did.
 */
import type { Database } from '../../platform/db/Database.ts';
import type { AuditLog } from './AuditLog.ts';

const DAY_MS = 86_400_000;

export interface AuditSummary {
  /** The days written, YYYY-MM-DD. */
  days: string[];
  entries: number;
}

export async function summarizeAuditDays(db: Database, audit: AuditLog, nowMs = Date.now()): Promise<AuditSummary> {
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const last = (await db.query<{ day: string | null }>({ text: "SELECT to_char(max(day), 'YYYY-MM-DD') AS day FROM pin_audit_daily" })).rows[0]?.day;
  const oldest = await audit.oldestMs();
  let from = last ? Date.parse(`${last}T00:00:00Z`) : oldest === undefined ? today : Math.floor(oldest / DAY_MS) * DAY_MS;
  if (oldest !== undefined) from = Math.max(from, Math.min(today, Math.floor(oldest / DAY_MS) * DAY_MS)); // nothing before the stream's start
  const out: AuditSummary = { days: [], entries: 0 };
  for (let day = from; day <= today; day += DAY_MS) {
    const counts = await audit.countByAction(day, day + DAY_MS);
    const date = new Date(day).toISOString().slice(0, 10);
    await db.withClient(4, async (c) => {
      await c.query('BEGIN');
      try {
        await c.query('DELETE FROM pin_audit_daily WHERE day = $1', [date]);
        await c.query(
          'INSERT INTO pin_audit_daily (day, action, entries) SELECT $1, a, n FROM unnest($2::text[], $3::bigint[]) AS u(a, n)',
          [date, [...counts.keys()], [...counts.values()]],
        );
        await c.query('COMMIT');
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
    out.days.push(date);
    for (const n of counts.values()) out.entries += n;
  }
  return out;
}
