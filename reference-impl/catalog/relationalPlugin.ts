/*
 * The catalog API on the plan's tables, one plugin per step of seed 004's phases ("Phase 1: Database
 * optimization and indexing", "Phase 2: Caching layer", "Phase 3: Queue system", "Phase 4: Data isolation and
 * multi-tenancy"), so bench:plan can say what each step bought. The same store, routes and JSON in every step;
 * the switches below are the only difference:
 * - phase1: tables + used indexes, one SELECT per read, tenants isolated by the application's WHERE, no cache;
 * - phase2: + Redis cache-aside with the plan's TTLs and tags;
 * - optimized: + BullMQ report jobs (Phase 3), row-level security and the per-client rate limit in Redis (Phase 4).
 * Before Phase 3 reports run in the API process (jobs/memoryReportQueue.ts); before Phase 4 the rate limit is
 * counted in process memory, as in the naive variant, so every step answers the same statuses.
 */
import type { WorkloadPlugin } from '../platform/WorkloadPlugin.ts';
import { catalogSettings } from './catalogEnv.ts';
import { memoryReportQueue } from './jobs/memoryReportQueue.ts';
import { CATALOG_KEY_FAMILIES } from './optimized/cacheKeys.ts';
import { optimizedStore } from './optimized/optimizedStore.ts';
import { bullReportQueue } from './optimized/reportQueue.ts';
import type { TenantIsolation } from './optimized/statements.ts';
import { TagCache } from './optimized/TagCache.ts';
import { clientRateLimiter, redisClientOf } from './rateLimit/clientRateLimiter.ts';
import { catalogRoutes } from './routes/catalogRoutes.ts';
import { tenantGuard } from './tenant/tenantGuard.ts';

export interface CatalogPhases {
  /** Phase 2: Redis cache-aside with tags. */
  cache: boolean;
  /** Phase 3: report jobs on BullMQ (when Redis is there). */
  queue: boolean;
  /** Phase 4: row-level security, and the per-client rate limit shared in Redis. */
  isolation: TenantIsolation;
}

export function relationalPlugin(phases: CatalogPhases): WorkloadPlugin {
  return {
    keyFamilies: phases.cache ? CATALOG_KEY_FAMILIES : [],
    register: async (app, { parts }) => {
      const s = catalogSettings(parts.settings);
      const redis = redisClientOf(parts.store);
      const cache = phases.cache ? new TagCache({ cache: parts.cache, redis, prefix: parts.config.redisKeyPrefix, log: parts.log }) : null;
      const store = optimizedStore({
        db: parts.db, readDb: parts.readDb, cache, isolation: phases.isolation,
        ttl: { catalogsS: s.catalogsTtlS, productsS: s.productsTtlS, ordersS: s.ordersTtlS, reportsS: s.reportsTtlS },
      });
      const run = store.runReport;
      const queue = phases.queue && parts.config.redisUrl && redis
        ? bullReportQueue({ redisUrl: parts.config.redisUrl, prefix: parts.config.redisKeyPrefix, concurrency: s.reportConcurrency, run, log: parts.log })
        : memoryReportQueue({ concurrency: s.reportConcurrency, run, log: parts.log });
      if (phases.queue && !redis) parts.log.warn('catalog: no Redis; report jobs run in process memory instead of BullMQ');
      store.attach(queue);
      app.addHook('onClose', () => queue.close());
      const { limiter, onLimited } = clientRateLimiter(phases.isolation === 'rls' ? 'redis' : 'memory', parts, s.rateLimit, s.rateLimitWindowS);
      app.addHook('onRequest', tenantGuard(store, limiter, onLimited));
      catalogRoutes(app, store);
    },
  };
}
