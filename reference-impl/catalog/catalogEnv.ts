/*
 * The catalog API's own settings (seed 004): the cache TTLs of the plan's table (2.4), the per-client rate
 * limit (Phase 4), the report workers (Phase 3), and Phase 5's pool size. Declared once as environment
 * variables (Workload.env, read and validated by harness/config/readEnv.ts); the plugins turn the values into
 * the typed object below.
 */
import { defineSettings } from '../../harness/config/defineSettings.ts';
import { platformEnv } from '../../harness/config/platformEnv.ts';

export interface CatalogSettings {
  rateLimit: number;
  rateLimitWindowS: number;
  catalogsTtlS: number;
  productsTtlS: number;
  ordersTtlS: number;
  reportsTtlS: number;
  reportConcurrency: number;
}

const settings = defineSettings<CatalogSettings>({
  rateLimit: ['SCALEPROOF_CATALOG_RATE_LIMIT', {
    kind: 'int', default: 1000, min: 0,
    description: 'requests per client per window (seed 004 Phase 4: "1000 requests per hour"); 0 disables',
  }],
  rateLimitWindowS: ['SCALEPROOF_CATALOG_RATE_LIMIT_WINDOW_S', {
    kind: 'int', default: 1, min: 1, max: 86_400,
    description: 'window of the per-client limit; the plan says 3600 (per hour), the default 1 s keeps a load test of a whole hour of traffic in seconds from being refused',
  }],
  catalogsTtlS: ['SCALEPROOF_CATALOG_CATALOGS_TTL_S', {
    kind: 'int', default: 3600, min: 1,
    description: 'TTL of the cached catalog list (seed 004 2.4: Catalogs 1 hour)',
  }],
  productsTtlS: ['SCALEPROOF_CATALOG_PRODUCTS_TTL_S', {
    kind: 'int', default: 1800, min: 1,
    description: 'TTL of cached product pages and products (seed 004 2.4: Products 30 min)',
  }],
  ordersTtlS: ['SCALEPROOF_CATALOG_ORDERS_TTL_S', {
    kind: 'int', default: 600, min: 1,
    description: 'TTL of cached orders (seed 004 2.4: Orders 10 min)',
  }],
  reportsTtlS: ['SCALEPROOF_CATALOG_REPORTS_TTL_S', {
    kind: 'int', default: 86_400, min: 1,
    description: 'TTL of finished monthly reports (seed 004 2.4: Reports 1 day)',
  }],
  reportConcurrency: ['SCALEPROOF_CATALOG_REPORT_CONCURRENCY', {
    kind: 'int', default: 3, min: 1, max: 64,
    description: 'report jobs one API process runs at once (seed 004 Phase 3: "Workers: 3-5 concurrent")',
  }],
});

export const catalogEnv = {
  ...settings.env,
  // The platform's pool size, restated with the plan's number (readEnv lets a workload do that).
  SCALEPROOF_PG_POOL_MAX: {
    ...platformEnv.SCALEPROOF_PG_POOL_MAX, default: 20,
    description: 'API pg pool size; catalog default 20, seed 004 Phase 5 "Connection Pooling": "PgBouncer (maintains 20 connections)"',
  },
};
export const defaultCatalogSettings = settings.defaults;
export const catalogSettings = settings.read;
export const catalogEnvValues = settings.values;
