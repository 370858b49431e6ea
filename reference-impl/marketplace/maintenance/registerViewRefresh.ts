/*
 * The optimized variant's view refresh (seed 003 phase 2: refresh_marketplace_views() every 5 minutes; the plan
 * has no pg_cron, so the API process runs it). A PeriodicTask never overlaps itself: a refresh slower than the
 * interval delays the next one instead of stacking REFRESH ... CONCURRENTLY runs. 0 disables it. With several
 * API processes, a transaction-scoped advisory lock lets one refresh at a time: a process that finds another one
 * refreshing skips its turn (the views are being made fresh anyway) instead of refreshing them twice.
 */
import type { PlatformParts } from '../../platform/PlatformParts.ts';
import { PeriodicTask } from '../../platform/maintenance/PeriodicTask.ts';
import type { Database } from '../../platform/db/Database.ts';
import { optimizedStatements } from '../reads/optimizedStatements.ts';

export const VIEW_REFRESH_TASK = 'marketplace_views_refresh';
/** The refresh outlasts the API's per-statement budget on big tables: its own timeout, scoped by SET LOCAL. */
export const VIEW_REFRESH_TIMEOUT_MS = 10 * 60_000;
/** Advisory lock key of the refresh (any constant; one per database: each variant's schema has its own views, so keyed by schema too). */
const LOCK_SQL = `SELECT pg_try_advisory_xact_lock(727003, hashtext(current_schema())) AS ok`;

/** Resolves true when it refreshed, false when another process held the refresh lock. */
export function refreshMarketplaceViews(db: Database): Promise<boolean> {
  return db.withClient(5, async (client) => {
    await client.query('BEGIN');
    try {
      await client.query(`SET LOCAL statement_timeout = ${VIEW_REFRESH_TIMEOUT_MS}`);
      const locked = (await client.query<{ ok: boolean }>(LOCK_SQL)).rows[0]?.ok === true;
      if (locked) await client.query(optimizedStatements.refreshViews);
      await client.query('COMMIT');
      return locked;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  });
}

export function registerViewRefresh(parts: PlatformParts, intervalS: number): PeriodicTask | undefined {
  if (intervalS <= 0) return undefined;
  const task = new PeriodicTask({
    name: VIEW_REFRESH_TASK,
    intervalMs: intervalS * 1000,
    run: async () => {
      if (!(await refreshMarketplaceViews(parts.db))) parts.log.info('marketplace: views are being refreshed by another process; skipped this turn');
    },
    onRun: (ok) => parts.metrics.backgroundRun(VIEW_REFRESH_TASK, ok),
    log: parts.log,
  });
  parts.tasks.set(VIEW_REFRESH_TASK, { runFirst: false, task });
  return task;
}
