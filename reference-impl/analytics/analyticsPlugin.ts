/*
 * The analytics API (seed 000, the plan as written): public PIN pages cached in Redis with ETags, analytics
 * dashboards from the rollup, batched analytics writes (one COPY per flush), and the background partition and
 * rollup upkeep; messaging, matches and the audit log (messaging/registerMessaging.ts). A WorkloadPlugin: the
 * platform (buildApp) gives it pools, cache, metrics and lifecycle.
 */
import type { WorkloadPlugin } from '../platform/WorkloadPlugin.ts';
import { PeriodicTask } from '../platform/maintenance/PeriodicTask.ts';
import { WriteBuffer } from '../platform/writeBuffer/WriteBuffer.ts';
import type { AnalyticsParts } from './AnalyticsParts.ts';
import { analyticsSettings } from './analyticsSettings.ts';
import { KEY_FAMILIES } from './cacheKeys.ts';
import { maintainPartitions } from './maintenance/maintainPartitions.ts';
import { registerMessaging } from './messaging/registerMessaging.ts';
import { refreshRollup } from './maintenance/refreshRollup.ts';
import { pinAnalyticsRoute } from './routes/pinAnalytics.ts';
import { pinEventsRoute } from './routes/pinEvents.ts';
import { pinPublicRoute } from './routes/pinPublic.ts';
import { usersRoute } from './routes/users.ts';
import { copyEvents } from './writeBuffer/copyEvents.ts';

const DAY_MS = 86_400_000;

export const analyticsPlugin: WorkloadPlugin = {
  keyFamilies: KEY_FAMILIES,
  register: async (app, { parts: platform }) => {
    const settings = analyticsSettings(platform.settings);
    const { db, metrics, log } = platform;
    const buffer = new WriteBuffer({
      flushIntervalMs: settings.flushIntervalMs,
      flushMaxEvents: settings.flushMaxEvents,
      maxEvents: settings.bufferMaxEvents,
      write: (batch) => copyEvents(db, batch),
      events: metrics.bufferEvents,
      log,
    });
    platform.buffers.set('events', buffer);
    // The current month's partition before the first event (runFirst); then daily.
    platform.tasks.set('partitions', {
      runFirst: true,
      task: new PeriodicTask({
        name: 'partitions',
        intervalMs: DAY_MS,
        retryAfterFailureMs: 60_000,
        run: async () => {
          const c = await maintainPartitions(db, settings.partitionMonthsAhead, settings.partitionRetentionMonths);
          const created = [...c.created, ...c.messagesCreated];
          if (created.length || c.dropped.length) log.info(`partitions: created [${created.join(', ')}], dropped [${c.dropped.join(', ')}]`);
        },
        onRun: (ok) => metrics.backgroundRun('partitions', ok),
        log,
      }),
    });
    if (settings.mvRefreshIntervalS > 0) {
      platform.tasks.set('rollup_refresh', {
        runFirst: false,
        task: new PeriodicTask({
          name: 'rollup_refresh',
          intervalMs: settings.mvRefreshIntervalS * 1000,
          run: () => refreshRollup(db),
          onRun: (ok) => metrics.backgroundRun('rollup_refresh', ok),
          log,
        }),
      });
    }
    const parts: AnalyticsParts = { ...platform, settings, buffer };
    pinPublicRoute(app, parts);
    pinAnalyticsRoute(app, parts);
    pinEventsRoute(app, parts);
    usersRoute(app, parts);
    registerMessaging(app, platform, settings);
  },
};
