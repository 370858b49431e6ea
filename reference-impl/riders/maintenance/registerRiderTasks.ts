/*
 * The optimized variant's periodic tasks (the plan's cron jobs, run by the API process on PeriodicTasks, which
 * never overlap themselves): location partitions before serving and daily, rider_leaderboard every
 * leaderboardRefreshS (1 h), rider_performance_summary every performanceRefreshS (6 h), archival every
 * archiveIntervalS (daily; the plan's cron is monthly). A 0 interval disables a task.
 */
import type { PlatformParts } from '../../platform/PlatformParts.ts';
import { PeriodicTask } from '../../platform/maintenance/PeriodicTask.ts';
import type { RidersSettings } from '../ridersSettings.ts';
import { archiveLocationLogs, ensureLocationPartitions, refreshView, RIDER_VIEWS } from './riderMaintenance.ts';

const DAY_MS = 86_400_000;

export const RIDER_TASKS = {
  partitions: 'riders_location_partitions',
  leaderboard: 'riders_leaderboard_refresh',
  performance: 'riders_performance_refresh',
  archive: 'riders_location_archive',
} as const;

export function registerRiderTasks(parts: PlatformParts, settings: RidersSettings): void {
  const { db, log, metrics } = parts;
  const add = (name: string, intervalMs: number, runFirst: boolean, run: () => Promise<void>) => {
    if (intervalMs <= 0) return;
    parts.tasks.set(name, {
      runFirst,
      task: new PeriodicTask({ name, intervalMs, retryAfterFailureMs: 60_000, run, onRun: (ok) => metrics.backgroundRun(name, ok), log }),
    });
  };
  add(RIDER_TASKS.partitions, DAY_MS, true, () => ensureLocationPartitions(db));
  add(RIDER_TASKS.leaderboard, settings.leaderboardRefreshS * 1000, false, () => refreshView(db, RIDER_VIEWS.leaderboard));
  add(RIDER_TASKS.performance, settings.performanceRefreshS * 1000, false, () => refreshView(db, RIDER_VIEWS.performance));
  add(RIDER_TASKS.archive, settings.archiveIntervalS * 1000, false, async () => {
    const dropped = await archiveLocationLogs(db, settings.archiveKeepMonths);
    log.info(`riders: archival dropped ${dropped.length ? dropped.join(', ') : 'no partition'} (older than ${settings.archiveKeepMonths} months)`);
  });
}
