/*
 * The optimized variant's view refresh (seed 003 phase 2: refresh_marketplace_views() every 5 minutes; the plan
 * has no pg_cron, so the API process runs it). A PeriodicTask never overlaps itself: a refresh slower than the
 * interval delays the next one instead of stacking REFRESH ... CONCURRENTLY runs. 0 disables it. With several
 * API processes each refreshes on its own timer; CONCURRENTLY keeps reads going either way.
 */
import type { PlatformParts } from '../../platform/PlatformParts.ts';
import { PeriodicTask } from '../../platform/maintenance/PeriodicTask.ts';
import type { Database } from '../../platform/db/Database.ts';
import { optimizedStatements } from '../reads/optimizedStatements.ts';

export const VIEW_REFRESH_TASK = 'marketplace_views_refresh';
/** The refresh outlasts the API's per-statement budget on big tables: its own timeout, scoped by SET LOCAL. */
export const VIEW_REFRESH_TIMEOUT_MS = 10 * 60_000;

export function refreshMarketplaceViews(db: Database): Promise<void> {
  return db.withClient(4, async (client) => {
    await client.query('BEGIN');
    try {
      await client.query(`SET LOCAL statement_timeout = ${VIEW_REFRESH_TIMEOUT_MS}`);
      await client.query(optimizedStatements.refreshViews);
      await client.query('COMMIT');
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
    run: () => refreshMarketplaceViews(parts.db),
    onRun: (ok) => parts.metrics.backgroundRun(VIEW_REFRESH_TASK, ok),
    log: parts.log,
  });
  parts.tasks.set(VIEW_REFRESH_TASK, { runFirst: false, task });
  return task;
}
