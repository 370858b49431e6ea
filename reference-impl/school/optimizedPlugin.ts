/*
 * The school API as seed 001 plans it (the `optimized` variant): dashboard and analytics from the plan's RPC
 * functions over materialized views (one round trip each), cached in Redis (analytics 5 min, dashboard
 * dashboardTtlS), analytics reads on the replica when one is configured, students filtered and paged in SQL,
 * the analytics rate limit kept in Redis (shared by every API process), reports queued and run by a
 * background worker (FOR UPDATE SKIP LOCKED, 3 attempts), and the views refreshed every 5 minutes.
 */
import type { WorkloadPlugin } from '../platform/WorkloadPlugin.ts';
import { registerJobWorker } from './jobs/registerJobWorker.ts';
import { optimizedDashboardData } from './reads/dashboardDataReads.ts';
import { registerViewRefresh } from './maintenance/registerViewRefresh.ts';
import { analyticsGuard } from './rateLimit/analyticsGuard.ts';
import { createRateLimiter } from './rateLimit/createRateLimiter.ts';
import { rateLimitCounters } from './rateLimit/rateLimitCounters.ts';
import { SCHOOL_KEY_FAMILIES } from './reads/cacheKeys.ts';
import { optimizedReads } from './reads/optimizedReads.ts';
import { schoolRoutes } from './routes/schoolRoutes.ts';
import { schoolSettings } from './schoolEnv.ts';

export const optimizedPlugin: WorkloadPlugin = {
  keyFamilies: SCHOOL_KEY_FAMILIES,
  register: async (app, { parts }) => {
    const settings = schoolSettings(parts.settings);
    const counters = rateLimitCounters(parts.metrics.registry);
    const limiter = createRateLimiter('redis', parts, settings, counters);
    registerJobWorker(parts, settings);
    registerViewRefresh(parts, settings.mvRefreshIntervalS);
    schoolRoutes(app, {
      reads: optimizedReads({
        db: parts.db,
        readDb: parts.readDb,
        cache: parts.cache,
        analyticsTtlS: settings.analyticsTtlS,
        dashboardTtlS: settings.dashboardTtlS,
      }),
      dashboardData: optimizedDashboardData(parts.db),
      db: parts.db,
      analyticsGuard: analyticsGuard(limiter, counters),
      log: parts.log,
    });
  },
};
