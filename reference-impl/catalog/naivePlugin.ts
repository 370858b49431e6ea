/*
 * The catalog API before seed 004's plan (the `naive` variant), answering the same routes with the same JSON
 * from the one kv_store table (naive/naiveStore.ts): N+1 reads, tenant filtering in JavaScript, no Redis
 * cache, reports computed from every order in an in-process job.
 *
 * Rate limiting: the plan's "before" had none ("No Rate Limiting per Client"). This variant still limits with
 * the same limit and statuses, counted in process memory (no Redis), so a load test sees the same statuses from
 * both variants; SCALEPROOF_CATALOG_RATE_LIMIT=0 gives the unlimited "before".
 */
import type { WorkloadPlugin } from '../platform/WorkloadPlugin.ts';
import { catalogSettings } from './catalogEnv.ts';
import { memoryReportQueue } from './jobs/memoryReportQueue.ts';
import { KvStore } from './naive/KvStore.ts';
import { naiveStore } from './naive/naiveStore.ts';
import { clientRateLimiter } from './rateLimit/clientRateLimiter.ts';
import { catalogRoutes } from './routes/catalogRoutes.ts';
import { tenantGuard } from './tenant/tenantGuard.ts';

export const naivePlugin: WorkloadPlugin = {
  keyFamilies: [],
  register: async (app, { parts }) => {
    const s = catalogSettings(parts.settings);
    const store = naiveStore(new KvStore(parts.db));
    // One report at a time: the plan's reports "block other API requests"; more at once would only starve the pool.
    const queue = memoryReportQueue({ concurrency: 1, run: store.runReport, log: parts.log });
    store.attach(queue);
    app.addHook('onClose', () => queue.close());
    const { limiter, onLimited } = clientRateLimiter('memory', parts, s.rateLimit, s.rateLimitWindowS);
    app.addHook('onRequest', tenantGuard(store, limiter, onLimited));
    catalogRoutes(app, store);
  },
};
