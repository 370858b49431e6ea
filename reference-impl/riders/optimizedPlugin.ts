/*
 * The riders API as seed 002 plans it (the `optimized` variant): Redis keys with the plan's TTLs and
 * invalidation rules, locations buffered and written in batches (5 s or 100 points, one multi-row INSERT),
 * wallet entries in a transaction, the leaderboard from its materialized view, dispatch from a Redis list per
 * city, and the plan's cron jobs (view refreshes, partitions, archival) as periodic tasks.
 */
import { RedisStore } from '../platform/cache/RedisStore.ts';
import type { WorkloadPlugin } from '../platform/WorkloadPlugin.ts';
import { WriteBuffer } from '../platform/writeBuffer/WriteBuffer.ts';
import { RIDER_KEY_FAMILIES } from './cacheKeys.ts';
import { registerRiderTasks } from './maintenance/registerRiderTasks.ts';
import { insertLocations } from './optimized/insertLocations.ts';
import { optimizedBackend } from './optimized/optimizedBackend.ts';
import { ridersSettings } from './ridersSettings.ts';
import { ridersRoutes } from './routes/ridersRoutes.ts';
import { memoryRiderStore, redisRiderStore } from './store/RiderRedis.ts';

export const LOCATION_BUFFER = 'locations';

export const optimizedPlugin: WorkloadPlugin = {
  keyFamilies: RIDER_KEY_FAMILIES,
  register: async (app, { parts }) => {
    const settings = ridersSettings(parts.settings);
    const buffer = new WriteBuffer({
      flushIntervalMs: settings.flushIntervalMs,
      flushMaxEvents: settings.flushMaxItems,
      maxEvents: settings.bufferMaxItems,
      write: (batch) => insertLocations(parts.db, batch),
      events: parts.metrics.bufferEvents,
      log: parts.log,
    });
    parts.buffers.set(LOCATION_BUFFER, buffer);
    registerRiderTasks(parts, settings);
    const redis = parts.store instanceof RedisStore ? redisRiderStore(parts.store.client) : memoryRiderStore(parts.store);
    ridersRoutes(app, {
      backend: optimizedBackend({ parts, settings, buffer, redis }),
      metrics: parts.metrics,
      retryAfterS: Math.max(1, Math.ceil(settings.flushIntervalMs / 1000)),
    });
  },
};
