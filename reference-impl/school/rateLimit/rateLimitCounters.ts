/*
 * Rate-limit outcomes in the app's own Prometheus registry, so a run's /metrics scrape says how many analytics
 * requests the limiter refused and whether Redis failed under it (fail-open).
 */
import client from 'prom-client';
import type { Registry } from 'prom-client';

export const RATE_LIMIT_METRIC = 'scaleproof_school_rate_limit_decisions_total';

export interface RateLimitCounters {
  allowed(): void;
  limited(): void;
  storeError(): void;
}

export function rateLimitCounters(registry: Registry): RateLimitCounters {
  const counter = new client.Counter({
    name: RATE_LIMIT_METRIC,
    help: 'Analytics rate-limit decisions: allowed, limited (429), store_error (Redis failed; allowed, fail-open)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const allowed = counter.labels('allowed');
  const limited = counter.labels('limited');
  const storeError = counter.labels('store_error');
  for (const c of [allowed, limited, storeError]) c.inc(0);
  return { allowed: () => allowed.inc(), limited: () => limited.inc(), storeError: () => storeError.inc() };
}
