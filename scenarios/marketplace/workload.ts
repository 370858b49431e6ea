/*
 * The marketplace workload (seed 003: "10 Million Daily Traffic + 5 Million Users", a marketplace BFF) as one
 * unit. `optimized` is the plan as written (phase-1 indexes, two materialized views refreshed CONCURRENTLY by the
 * API process, home from the views, per-IP rate limits in Redis, edge cache headers); `naive` is the "before" it
 * describes (4-5 queries per request, no views, no phase-1 indexes, the in-memory limiter per instance).
 */
import { fileURLToPath } from 'node:url';
import { defineWorkload } from '../../harness/workload/defineWorkload.ts';
import { marketplaceEnv } from '../../reference-impl/marketplace/marketplaceEnv.ts';
import { marketplaceMigrations } from '../../reference-impl/marketplace/schema/schemaDirs.ts';
import { marketplaceDataset } from '../../seeders/marketplace/marketplaceDataset.ts';
import { marketplaceThresholds } from '../../thresholds/marketplace.ts';
import { marketplaceClaims } from '../../thresholds/marketplaceClaims.ts';
import { defaultMarketplaceMix, marketplaceEndpoints } from './endpoints.ts';

export const marketplaceWorkload = defineWorkload({
  name: 'marketplace',
  title: 'marketplace BFF (home, stores, search, products, orders) for 5M users',
  seedFile: '003_eea0792742c8faaf.txt',
  endpoints: marketplaceEndpoints,
  endpointsModule: fileURLToPath(new URL('./endpoints.ts', import.meta.url)),
  defaults: {
    users: 5_000_000, // the plan's "5 Million Users"
    seed: 42,
    // Users (and through them client IPs, products, stores and queries) by popularity. Zipf 0.9 rather than the
    // 1.1 of the other workloads: a key is one client IP here, and at 1.1 the hottest user alone would send ~12%
    // of all traffic, so about 40% of requests would be 429s; at 0.9 a few dozen hot clients exceed phase 4's
    // per-IP budgets, as abusive clients would, and most traffic is served.
    distribution: { kind: 'zipf', exponent: 0.9 },
    mix: defaultMarketplaceMix,
    // Warms the pools, the views' pages and the JIT; no TTL cache to fill (the edge cache is not ours).
    warmupS: 10,
    durationS: 30,
    connections: 32,
    pipelining: 1,
  },
  thresholds: marketplaceThresholds,
  claims: marketplaceClaims,
  dataset: marketplaceDataset,
  env: marketplaceEnv,
  defaultVariant: 'optimized',
  variants: {
    optimized: {
      name: 'optimized',
      description: 'seed 003 as written: phase-1 indexes, mv_hot_products and mv_category_counts refreshed CONCURRENTLY every 5 min, home in two MV queries, per-IP rate limits in Redis, edge cache headers',
      migrations: marketplaceMigrations.optimized,
      plugin: async () => (await import('../../reference-impl/marketplace/optimizedPlugin.ts')).optimizedPlugin,
      // Seed 003 names Supavisor; pgBouncer (transaction mode) stands in. No replica: this API sends no reads to one.
      topology: { pooler: true },
    },
    naive: {
      name: 'naive',
      description: "seed 003's before: 4-5 queries per request against the tables, no materialized views, no phase-1 indexes, the in-memory rate limiter per instance",
      migrations: marketplaceMigrations.naive,
      plugin: async () => (await import('../../reference-impl/marketplace/naivePlugin.ts')).naivePlugin,
    },
  },
});
