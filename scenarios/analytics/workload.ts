/*
 * The analytics workload (seed 000: professional PINs with hot analytics writes) as one unit: its endpoint
 * table, defaults, thresholds, dataset, settings and variants. `optimized` is the plan as written
 * (partitions, rollup MV, Redis cache-aside with ETags, batched COPY writes); `naive` is the "before" it
 * replaces (one flat events table, dashboards aggregated from raw rows, no cache, one INSERT per event).
 */
import { fileURLToPath } from 'node:url';
import { defineWorkload } from '../../harness/workload/defineWorkload.ts';
import { analyticsEnv } from '../../reference-impl/analytics/analyticsSettings.ts';
import { analyticsMigrations } from '../../reference-impl/analytics/schema/schemaDirs.ts';
import { analyticsDataset } from '../../seeders/analytics/analyticsDataset.ts';
import { seedDefaults } from '../../seeders/analytics/SeedParameters.ts';
import { analyticsThresholds } from '../../thresholds/analytics.ts';
import { analyticsClaims } from '../../thresholds/analyticsClaims.ts';
import { analyticsEndpoints, defaultAnalyticsMix } from './endpoints.ts';

export const analyticsWorkload = defineWorkload({
  name: 'analytics',
  title: 'professional PINs with hot analytics writes',
  seedFile: '000_56cc57c63758e89e.txt',
  // Seed 000 states no user count or per-user rate; like thresholds/analytics.ts (http_reqs), it borrows seed 001's
  // 1M-user profile, the only per-user load the plans give for this kind of API.
  planLoad: {
    perUserRps: 111_000 / 60 / 1_000_000,
    planUsers: 1_000_000,
    source: 'seed 000 gives no per-user rate; borrowed from seed 001 (001_481a619d39e06029.txt, "Target: Support 1,000,000 concurrent users"; Read Queries "100,000+/min", Write Queries "10,000+/min", Analytics Queries "1,000+/min"): 111,000 requests/min per 1M users',
  },
  endpoints: analyticsEndpoints,
  endpointsModule: fileURLToPath(new URL('./endpoints.ts', import.meta.url)),
  defaults: {
    users: seedDefaults.users,
    seed: seedDefaults.seed,
    distribution: seedDefaults.distribution, // the seeder's skew, so caches see the same hot keys
    mix: defaultAnalyticsMix,
    // One PIN TTL (60 s, the hot family): every hot key has then expired and been refilled at least once, so the
    // measured phase sees the cache's steady state, not the cold start of this run's fresh key prefix.
    warmupS: 60,
    durationS: 30,
    connections: 32,
    pipelining: 1,
  },
  thresholds: analyticsThresholds,
  claims: analyticsClaims,
  // Seed 000 partitions both monthly by created_at; its alert "Partition missing for current month" (partitions_missing).
  partitionedTables: ['pin_analytics', 'messages'],
  dataset: analyticsDataset,
  env: analyticsEnv,
  // Every POST /pins/:number/events carries a write id; after the run each 2xx is looked up in pin_analytics.
  ackedWrites: {
    endpoints: ['pin_events'],
    storedIds: async (url, ids, since) => (await import('../../reference-impl/analytics/storedWriteIds.ts')).storedWriteIds(url, ids, since),
  },
  defaultVariant: 'optimized',
  variants: {
    optimized: {
      name: 'optimized',
      description: 'seed 000 as written: monthly partitions, rollup MV, Redis cache-aside with ETags, batched COPY writes',
      migrations: analyticsMigrations.optimized,
      plugin: async () => (await import('../../reference-impl/analytics/analyticsPlugin.ts')).analyticsPlugin,
      // Seed 000: pgBouncer in transaction mode; "direct summary queries to replica" (the analytics reads).
      topology: { pooler: true, replica: true },
    },
    naive: {
      name: 'naive',
      description: "seed 000's before: one flat events table, dashboards aggregated from raw rows, no cache, one INSERT per event",
      migrations: analyticsMigrations.naive,
      plugin: async () => (await import('../../reference-impl/analytics/naivePlugin.ts')).naiveAnalyticsPlugin,
      // No cache to warm: a short warm-up only warms the JIT and the pools.
      defaults: { warmupS: 10 },
    },
  },
});
