/*
 * Seed 000's audit log: "Audit logs via append-only KV with bounded retention", "KV audits: retain 90 days".
 * A Redis stream (<prefix>audit): entries are only ever appended (XADD), each with its action and details,
 * and their stream ids are their times, so a day is one XRANGE. Retention is the XADD's own trimming: every
 * append drops entries older than the retention (MINID). Exact trimming ('='), not '~': an audit stream
 * takes few entries a second, so the exact cut is cheap, and "older than 90 days" then holds to the entry.
 * What writes entries: match state changes (POST /matches/:id/state), the one administrative action this API
 * has; analytics events and chat messages are data, not audited actions.
 */
import type { Redis } from 'ioredis';

export const AUDIT_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;
const PAGE = 10_000;

export interface AuditLog {
  /** Appends one entry at the current time, dropping those older than the retention. */
  append(action: string, details: Record<string, string>, nowMs?: number): Promise<void>;
  /** Entries per action with times in [fromMs, toMs). */
  countByAction(fromMs: number, toMs: number): Promise<Map<string, number>>;
  /** Time of the oldest entry kept, or undefined when empty. */
  oldestMs(): Promise<number | undefined>;
  length(): Promise<number>;
}

export function redisAuditLog(client: Redis, prefix: string, retentionDays = AUDIT_RETENTION_DAYS): AuditLog {
  const key = `${prefix}audit`;
  return {
    append: async (action, details, nowMs = Date.now()) => {
      const minId = String(Math.max(0, nowMs - retentionDays * DAY_MS));
      await client.xadd(key, 'MINID', '=', minId, '*', 'action', action, ...Object.entries(details).flat());
    },
    countByAction: async (fromMs, toMs) => {
      const counts = new Map<string, number>();
      let start = `${fromMs}-0`;
      for (;;) {
        const page = await client.xrange(key, start, `${toMs - 1}-18446744073709551615`, 'COUNT', PAGE);
        for (const [, fields] of page) {
          const action = fields[fields.indexOf('action') + 1] ?? 'unknown';
          counts.set(action, (counts.get(action) ?? 0) + 1);
        }
        if (page.length < PAGE) return counts;
        start = `(${page.at(-1)![0]}`; // exclusive: after the last id read
      }
    },
    oldestMs: async () => {
      const first = await client.xrange(key, '-', '+', 'COUNT', 1);
      return first[0] ? Number(first[0][0].split('-')[0]) : undefined;
    },
    length: () => client.xlen(key),
  };
}

/** The same in-process, for an API run without Redis. */
export function memoryAuditLog(retentionDays = AUDIT_RETENTION_DAYS): AuditLog {
  let entries: Array<{ ms: number; action: string }> = [];
  return {
    append: async (action, _details, nowMs = Date.now()) => {
      entries = entries.filter((e) => e.ms >= nowMs - retentionDays * DAY_MS);
      entries.push({ ms: nowMs, action });
    },
    countByAction: async (fromMs, toMs) => {
      const counts = new Map<string, number>();
      for (const e of entries) if (e.ms >= fromMs && e.ms < toMs) counts.set(e.action, (counts.get(e.action) ?? 0) + 1);
      return counts;
    },
    oldestMs: async () => entries[0]?.ms,
    length: async () => entries.length,
  };
}
