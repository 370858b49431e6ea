/*
 * Seed 003 phase 4's per-client-IP limits, one fixed window per scope: marketplace (home, product, orders)
 * 200/min, store 100/min, search 60/min, answered 429 with Retry-After. Optimized: counted in Redis, so every
 * API process shares one budget per client (the plan's Map is per edge-function instance). Naive: the plan's
 * in-memory Map per instance. An onRequest hook, so a refused request costs no parsing or query, and every
 * request counts, valid or not (it reached the server).
 */
import type { onRequestHookHandler } from 'fastify';
import client from 'prom-client';
import { errorText } from '../../platform/log/ApiLogger.ts';
import type { PlatformParts } from '../../platform/PlatformParts.ts';
import { MemoryRateLimiter } from '../../platform/rateLimit/MemoryRateLimiter.ts';
import type { RateLimiter } from '../../platform/rateLimit/RateLimiter.ts';
import { RedisRateLimiter, type ScriptClient } from '../../platform/rateLimit/RedisRateLimiter.ts';
import { marketplaceErrors } from '../errors/marketplaceErrors.ts';
import { clientIpOf, trustedProxies } from '../http/clientIp.ts';
import type { MarketplaceSettings } from '../marketplaceEnv.ts';

export const LIMIT_SCOPES = ['marketplace', 'store', 'search'] as const;
export type LimitScope = (typeof LIMIT_SCOPES)[number];
export const RATE_LIMIT_METRIC = 'scaleproof_marketplace_rate_limit_decisions_total';

export type LimitGuards = Readonly<Record<LimitScope, onRequestHookHandler>>;

function scriptClientOf(store: PlatformParts['store']): ScriptClient | undefined {
  if (store.kind !== 'redis' || !('client' in store)) return undefined;
  return store.client as ScriptClient;
}

export function marketplaceLimitGuards(where: 'redis' | 'memory', parts: Pick<PlatformParts, 'store' | 'config' | 'log' | 'metrics'>, settings: MarketplaceSettings): LimitGuards {
  const counter = new client.Counter({
    name: RATE_LIMIT_METRIC,
    help: 'Marketplace per-IP rate-limit decisions by scope: allowed, limited (429), store_error (Redis failed; allowed, fail-open)',
    labelNames: ['scope', 'outcome'] as const,
    registers: [parts.metrics.registry],
  });
  const redis = where === 'redis' ? scriptClientOf(parts.store) : undefined;
  if (where === 'redis' && redis === undefined) parts.log.warn('marketplace: no Redis client; rate limits are counted per process, not shared');
  const trusted = trustedProxies(settings.trustedProxies);
  const limits: Record<LimitScope, number> = { marketplace: settings.marketplaceLimit, store: settings.storeLimit, search: settings.searchLimit };
  let lastLogMs = 0;

  const limiterOf = (scope: LimitScope): RateLimiter | undefined => {
    const limit = limits[scope];
    if (limit === 0) return undefined;
    if (redis === undefined) return new MemoryRateLimiter({ limit, windowS: settings.rateLimitWindowS });
    return new RedisRateLimiter({
      client: redis,
      keyPrefix: `${parts.config.redisKeyPrefix}marketplace:ratelimit:${scope}:`,
      limit,
      windowS: settings.rateLimitWindowS,
      onStoreError: (err) => {
        counter.labels(scope, 'store_error').inc();
        const now = Date.now(); // counted every time, logged at most once a second
        if (now - lastLogMs < 1000) return;
        lastLogMs = now;
        parts.log.warn(`marketplace: rate limit check failed (${errorText(err)}); allowing the request (fail-open)`);
      },
    });
  };

  const guard = (scope: LimitScope): onRequestHookHandler => {
    const limiter = limiterOf(scope);
    const allowed = counter.labels(scope, 'allowed');
    const limited = counter.labels(scope, 'limited');
    allowed.inc(0);
    limited.inc(0);
    counter.labels(scope, 'store_error').inc(0);
    return async (request) => {
      if (limiter === undefined) return;
      const ip = clientIpOf(request.socket.remoteAddress, request.headers['x-forwarded-for'], trusted);
      const decision = await limiter.hit(ip);
      if (decision.allowed) {
        allowed.inc();
        return;
      }
      limited.inc();
      throw marketplaceErrors.rateLimited(scope, limiter.limit, limiter.windowS, decision.retryAfterS);
    };
  };
  return { marketplace: guard('marketplace'), store: guard('store'), search: guard('search') };
}
