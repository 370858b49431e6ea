/*
 * Picks the analytics limiter for a variant. Optimized: Redis (shared by all API processes) when the platform's
 * store is Redis, else in-process, said in the log. Naive: in-process always (see naivePlugin.ts for why the
 * "before" is limited at all). A limit of 0 turns limiting off: undefined.
 */
import { errorText } from '../../platform/log/ApiLogger.ts';
import type { PlatformParts } from '../../platform/PlatformParts.ts';
import { MemoryRateLimiter } from '../../platform/rateLimit/MemoryRateLimiter.ts';
import type { RateLimiter } from '../../platform/rateLimit/RateLimiter.ts';
import type { RateLimitCounters } from './rateLimitCounters.ts';
import { RedisRateLimiter, type ScriptClient } from '../../platform/rateLimit/RedisRateLimiter.ts';

export interface RateLimitSettings {
  analyticsRateLimit: number;
  rateLimitWindowS: number;
}

function scriptClientOf(store: PlatformParts['store']): ScriptClient | undefined {
  if (store.kind !== 'redis' || !('client' in store)) return undefined;
  return store.client as ScriptClient;
}

export function createRateLimiter(
  where: 'redis' | 'memory',
  parts: Pick<PlatformParts, 'store' | 'config' | 'log'>,
  settings: RateLimitSettings,
  counters: RateLimitCounters,
): RateLimiter | undefined {
  const limit = settings.analyticsRateLimit;
  const windowS = settings.rateLimitWindowS;
  if (limit === 0) return undefined;
  const client = where === 'redis' ? scriptClientOf(parts.store) : undefined;
  if (client !== undefined) {
    let lastLogMs = 0;
    return new RedisRateLimiter({
      client,
      keyPrefix: `${parts.config.redisKeyPrefix}school:ratelimit:analytics:`,
      limit,
      windowS,
      onStoreError: (err) => {
        counters.storeError();
        // Counted every time; logged at most once a second, so a Redis outage does not flood the log.
        const now = Date.now();
        if (now - lastLogMs < 1000) return;
        lastLogMs = now;
        parts.log.warn(`school: rate limit check failed (${errorText(err)}); allowing the request (fail-open)`);
      },
    });
  }
  if (where === 'redis') parts.log.warn('school: no Redis client; the analytics rate limit is counted per process, not shared');
  return new MemoryRateLimiter({ limit, windowS });
}
