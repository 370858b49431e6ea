/*
 * The marketplace API's own settings (seed 003): phase 4's per-IP rate limits, the trusted proxies whose
 * x-forwarded-for is believed, the materialized-view refresh period and the edge cache lifetime. Declared once
 * as environment variables (Workload.env, read and validated by harness/config/readEnv.ts).
 */
import { defineSettings } from '../../harness/config/defineSettings.ts';

export interface MarketplaceSettings {
  marketplaceLimit: number;
  storeLimit: number;
  searchLimit: number;
  rateLimitWindowS: number;
  /** 'loopback', 'none', or a comma-separated list of proxy addresses (and/or 'loopback'). */
  trustedProxies: string;
  /** 0 disables the periodic refresh (optimized only; naive has no views). */
  mvRefreshIntervalS: number;
  edgeMaxAgeS: number;
}

const settings = defineSettings<MarketplaceSettings>({
  marketplaceLimit: ['SCALEPROOF_MARKETPLACE_RATE_LIMIT', {
    kind: 'int', default: 200, min: 0,
    description: 'home, product and order requests per client IP per window (seed 003 phase 4: "marketplace: 200 req/min"); 0 disables',
  }],
  storeLimit: ['SCALEPROOF_MARKETPLACE_STORE_RATE_LIMIT', {
    kind: 'int', default: 100, min: 0,
    description: 'store requests per client IP per window (seed 003 phase 4: "store: 100 req/min"); 0 disables',
  }],
  searchLimit: ['SCALEPROOF_MARKETPLACE_SEARCH_RATE_LIMIT', {
    kind: 'int', default: 60, min: 0,
    description: 'search requests per client IP per window (seed 003 phase 4: "search: 60 req/min"); 0 disables',
  }],
  rateLimitWindowS: ['SCALEPROOF_MARKETPLACE_RATE_LIMIT_WINDOW_S', {
    kind: 'int', default: 60, min: 1, max: 86_400,
    description: 'window of the marketplace rate limits (seed 003 phase 4: windowMs 60000)',
  }],
  trustedProxies: ['SCALEPROOF_MARKETPLACE_TRUSTED_PROXIES', {
    kind: 'string', default: 'loopback',
    description: "peers whose x-forwarded-for names the client IP: 'loopback' (127.0.0.0/8, ::1; where the load generator runs), 'none', or a comma-separated address list",
  }],
  mvRefreshIntervalS: ['SCALEPROOF_MARKETPLACE_MV_REFRESH_INTERVAL_S', {
    kind: 'int', default: 300, min: 0,
    description: 'refresh_marketplace_views() period, optimized variant (seed 003 phase 2: every 5 minutes); 0 disables',
  }],
  edgeMaxAgeS: ['SCALEPROOF_MARKETPLACE_EDGE_MAX_AGE_S', {
    kind: 'int', default: 300, min: 0,
    description: 'Cache-Control max-age of public reads (seed 003: edge function caching "max-age=300 for public data")',
  }],
});

export const marketplaceEnv = settings.env;
export const defaultMarketplaceSettings = settings.defaults;
export const marketplaceSettings = settings.read;
export const marketplaceEnvValues = settings.values;
