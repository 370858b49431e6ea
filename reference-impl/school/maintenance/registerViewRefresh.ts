/*
 * The optimized variant's materialized-view refresh (seed 001 1.1 step 4: every 5 minutes, the plan's pg_cron
 * job): refresh_school_analytics_views() on a PeriodicTask, which never overlaps itself, so a refresh slower
 * than the interval delays the next one instead of stacking REFRESH ... CONCURRENTLY runs. 0 disables it.
 */
import type { PlatformParts } from '../../platform/PlatformParts.ts';
import { PeriodicTask } from '../../platform/maintenance/PeriodicTask.ts';
import { refreshViews } from './refreshViews.ts';

export const VIEW_REFRESH_TASK = 'school_views_refresh';

export function registerViewRefresh(parts: PlatformParts, intervalS: number): void {
  if (intervalS <= 0) return;
  parts.tasks.set(VIEW_REFRESH_TASK, {
    runFirst: false,
    task: new PeriodicTask({
      name: VIEW_REFRESH_TASK,
      intervalMs: intervalS * 1000,
      run: () => refreshViews(parts.db),
      onRun: (ok) => parts.metrics.backgroundRun(VIEW_REFRESH_TASK, ok),
      log: parts.log,
    }),
  });
}
