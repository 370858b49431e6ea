/*
 * The marketplace BFF as seed 003 plans it (the `optimized` variant): phase 1's indexes, home from phase 2's
 * materialized views in two queries (phase 3), one statement for every other read, refresh_marketplace_views()
 * every 5 minutes from this process (no pg_cron), phase 4's per-IP rate limits kept in Redis (shared by every API
 * process), and the edge cache headers on public reads.
 */
import type { WorkloadPlugin } from '../platform/WorkloadPlugin.ts';
import { registerViewRefresh } from './maintenance/registerViewRefresh.ts';
import { marketplaceSettings } from './marketplaceEnv.ts';
import { marketplaceLimitGuards } from './rateLimit/marketplaceLimits.ts';
import { optimizedReads } from './reads/optimizedReads.ts';
import { marketplaceRoutes } from './routes/marketplaceRoutes.ts';

export const optimizedPlugin: WorkloadPlugin = {
  keyFamilies: [],
  register: async (app, { parts }) => {
    const settings = marketplaceSettings(parts.settings);
    registerViewRefresh(parts, settings.mvRefreshIntervalS);
    marketplaceRoutes(app, {
      reads: optimizedReads(parts.db),
      guards: marketplaceLimitGuards('redis', parts, settings),
      edgeMaxAgeS: settings.edgeMaxAgeS,
    });
  },
};
