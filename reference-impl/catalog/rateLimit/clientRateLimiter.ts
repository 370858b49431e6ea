/*
 * The per-client rate limit (seed 004 Phase 4, checkClientRateLimit: INCR + EXPIRE per client) on the
 * platform's fixed-window limiters: Redis (shared by every API process, fail-open) for the optimized variant,
 * in-process for the naive one and for optimized without Redis (said in the log). Refusals are counted in the
 * app's Prometheus registry. A limit of 0 turns it off.
 */
import type { Redis } from 'ioredis';
import client from 'prom-client';
import type { PlatformParts } from '../../platform/PlatformParts.ts';
import { errorText } from '../../platform/log/ApiLogger.ts';
import { MemoryRateLimiter } from '../../platform/rateLimit/MemoryRateLimiter.ts';
import type { RateLimiter } from '../../platform/rateLimit/RateLimiter.ts';
import { RedisRateLimiter } from '../../platform/rateLimit/RedisRateLimiter.ts';

export const CATALOG_RATE_LIMIT_METRIC = 'scaleproof_catalog_rate_limited_total';

export function redisClientOf(store: PlatformParts['store']): Redis | undefined {
  return store.kind === 'redis' && 'client' in store ? (store.client as Redis) : undefined;
}

export function clientRateLimiter(where: 'redis' | 'memory', parts: Pick<PlatformParts, 'store' | 'config' | 'log' | 'metrics'>, limit: number, windowS: number): { limiter: RateLimiter | undefined; onLimited: () => void } {
  const counter = new client.Counter({ name: CATALOG_RATE_LIMIT_METRIC, help: 'Requests refused by the per-client rate limit (429)', registers: [parts.metrics.registry] });
  counter.inc(0);
  const onLimited = () => counter.inc();
  if (limit === 0) return { limiter: undefined, onLimited };
  const redis = where === 'redis' ? redisClientOf(parts.store) : undefined;
  if (redis !== undefined) {
    let lastLogMs = 0;
    return {
      onLimited,
      limiter: new RedisRateLimiter({
        client: redis, keyPrefix: `${parts.config.redisKeyPrefix}catalog:ratelimit:client:`, limit, windowS,
        onStoreError: (err) => {
          const now = Date.now();
          if (now - lastLogMs < 1000) return;
          lastLogMs = now;
          parts.log.warn(`catalog: rate limit check failed (${errorText(err)}); allowing the request (fail-open)`);
        },
      }),
    };
  }
  if (where === 'redis') parts.log.warn('catalog: no Redis client; the per-client rate limit is counted per process, not shared');
  return { limiter: new MemoryRateLimiter({ limit, windowS }), onLimited };
}
