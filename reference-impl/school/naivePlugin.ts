/*
 * The school API before seed 001's plan (the `naive` variant), answering the same routes with the same JSON:
 * analytics aggregated in JavaScript from raw rows (no views, no RPCs), the dashboard as six separate queries,
 * students fetched per school and filtered and paged in JavaScript, no Redis, no replica, no view refresh,
 * and reports computed inside the request that asks for them (plan 3.1's "heavy operations block user
 * requests"); the worker only retries reports that failed there.
 *
 * Rate limiting: the plan's "before" had none (3.3 adds it). This variant still limits analytics, with the same
 * limit, statuses (401, 429 + Retry-After) and window, but counts in process memory (no Redis): a load test
 * then sees the same statuses from both variants, and the comparison measures the data path rather than how
 * many requests one variant refused. Set SCALEPROOF_SCHOOL_ANALYTICS_RATE_LIMIT=0 for the unlimited "before".
 */
import type { WorkloadPlugin } from '../platform/WorkloadPlugin.ts';
import { registerJobWorker } from './jobs/registerJobWorker.ts';
import { naiveDashboardData } from './reads/dashboardDataReads.ts';
import { naiveReads } from './naive/naiveReads.ts';
import { analyticsGuard } from './rateLimit/analyticsGuard.ts';
import { createRateLimiter } from './rateLimit/createRateLimiter.ts';
import { rateLimitCounters } from './rateLimit/rateLimitCounters.ts';
import { schoolRoutes } from './routes/schoolRoutes.ts';
import { schoolSettings } from './schoolEnv.ts';

export const naivePlugin: WorkloadPlugin = {
  keyFamilies: [],
  register: async (app, { parts }) => {
    const settings = schoolSettings(parts.settings);
    const counters = rateLimitCounters(parts.metrics.registry);
    const limiter = createRateLimiter('memory', parts, settings, counters);
    const worker = registerJobWorker(parts, settings);
    schoolRoutes(app, {
      reads: naiveReads(parts.db),
      dashboardData: naiveDashboardData(parts.db),
      db: parts.db,
      analyticsGuard: analyticsGuard(limiter, counters),
      log: parts.log,
      runReportsInRequest: worker,
    });
  },
};
