/*
 * The catalog API as seed 004 plans it (the `optimized` variant): the plan's tables with row-level security
 * (Phase 1 + 4), one SELECT per read in a tenant transaction, Redis cache-aside with the plan's TTLs and tag
 * invalidation (Phase 2), a per-client rate limit in Redis (Phase 4), and reports as BullMQ jobs (Phase 3).
 */
import type { WorkloadPlugin } from '../platform/WorkloadPlugin.ts';
import { catalogSettings } from './catalogEnv.ts';
import { memoryReportQueue } from './jobs/memoryReportQueue.ts';
import { CATALOG_KEY_FAMILIES } from './optimized/cacheKeys.ts';
import { optimizedStore } from './optimized/optimizedStore.ts';
import { bullReportQueue } from './optimized/reportQueue.ts';
import { TagCache } from './optimized/TagCache.ts';
import { clientRateLimiter, redisClientOf } from './rateLimit/clientRateLimiter.ts';
import { catalogRoutes } from './routes/catalogRoutes.ts';
import { tenantGuard } from './tenant/tenantGuard.ts';

export const optimizedPlugin: WorkloadPlugin = {
  keyFamilies: CATALOG_KEY_FAMILIES,
  register: async (app, { parts }) => {
    const s = catalogSettings(parts.settings);
    const redis = redisClientOf(parts.store);
    const cache = new TagCache({ cache: parts.cache, redis, prefix: parts.config.redisKeyPrefix, log: parts.log });
    const store = optimizedStore({
      db: parts.db, readDb: parts.readDb, cache,
      ttl: { catalogsS: s.catalogsTtlS, productsS: s.productsTtlS, ordersS: s.ordersTtlS, reportsS: s.reportsTtlS },
    });
    const run = store.runReport;
    const queue = parts.config.redisUrl && redis
      ? bullReportQueue({ redisUrl: parts.config.redisUrl, prefix: parts.config.redisKeyPrefix, concurrency: s.reportConcurrency, run, log: parts.log })
      : memoryReportQueue({ concurrency: s.reportConcurrency, run, log: parts.log });
    if (!redis) parts.log.warn('catalog: no Redis; report jobs run in process memory instead of BullMQ');
    store.attach(queue);
    app.addHook('onClose', () => queue.close());
    const { limiter, onLimited } = clientRateLimiter('redis', parts, s.rateLimit, s.rateLimitWindowS);
    app.addHook('onRequest', tenantGuard(store, limiter, onLimited));
    catalogRoutes(app, store);
  },
};
