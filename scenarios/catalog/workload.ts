/*
 * The catalog workload (seed 004: "wecelebrate Platform - Enterprise Scalability Strategy", multi-tenant
 * gifting catalogs) as one unit. `optimized` is the plan's Phases 1-4 (tables and indexes, Redis cache with
 * tags, BullMQ report jobs, row-level security and a per-client rate limit); `naive` is "What You Have Now"
 * (one kv_store table, N+1 reads, tenant filtering in JavaScript, no cache). `phase1` and `phase2` are the
 * plan's first steps on the same tables (reference-impl/catalog/relationalPlugin.ts), so bench:plan can say
 * what each phase bought: naive -> phase1 (tables) -> phase2 (+ cache) -> optimized (+ queue, RLS).
 */
import { fileURLToPath } from 'node:url';
import { defineWorkload } from '../../harness/workload/defineWorkload.ts';
import { catalogEnv } from '../../reference-impl/catalog/catalogEnv.ts';
import { catalogMigrations } from '../../reference-impl/catalog/schema/schemaDirs.ts';
import { catalogDataset } from '../../seeders/catalog/catalogDataset.ts';
import { catalogThresholds } from '../../thresholds/catalog.ts';
import { catalogClaims } from '../../thresholds/catalogClaims.ts';
import { catalogEndpoints, defaultCatalogMix } from './endpoints.ts';

export const catalogWorkload = defineWorkload({
  name: 'catalog',
  title: 'multi-tenant gifting catalogs (200 clients, 200k products, row-level security)',
  seedFile: '004_c72310a860689a06.txt',
  endpoints: catalogEndpoints,
  endpointsModule: fileURLToPath(new URL('./endpoints.ts', import.meta.url)),
  defaults: {
    // Shoppers, 1,000 per client: 200,000 are the plan's year 3 ("200 clients, 1,000 sites, 200,000 products,
    // 50,000 orders/month"); --users 400000 is twice that (scenarios/catalog/layout.ts).
    users: 200_000,
    seed: 42,
    // A few shoppers (and through them tenants) are far busier than most.
    distribution: { kind: 'zipf', exponent: 1.1 },
    mix: defaultCatalogMix,
    // Long enough for the hot tenants' pages, products and orders to be cached: the measured phase then sees the
    // cache's steady state within the plan's 10-60 min TTLs rather than this run's cold start.
    warmupS: 30,
    durationS: 30,
    // Seed 004 "Scalability Targets": Concurrent Users, target "500+".
    connections: 500,
    pipelining: 1,
  },
  thresholds: catalogThresholds,
  claims: catalogClaims,
  dataset: catalogDataset,
  env: catalogEnv,
  defaultVariant: 'optimized',
  variants: {
    optimized: {
      name: 'optimized',
      description: 'seed 004 Phases 1-4: tables + used indexes, one SELECT per read under row-level security, Redis cache-aside with TTLs and tags, BullMQ report jobs, per-client rate limit',
      migrations: catalogMigrations.optimized,
      plugin: async () => (await import('../../reference-impl/catalog/optimizedPlugin.ts')).optimizedPlugin,
      // Seed 004 Phase 5: PgBouncer (transaction mode) and a read replica for the reports (reads routed to readDb).
      topology: { pooler: true, replica: true },
    },
    phase1: {
      name: 'phase1',
      description: 'seed 004 "Phase 1: Database optimization and indexing": the plan\'s tables + used indexes, one SELECT per read, tenants isolated by WHERE (no RLS), no cache, reports in process',
      migrations: catalogMigrations.phase1,
      plugin: async () => (await import('../../reference-impl/catalog/phasePlugins.ts')).phase1Plugin,
      // No cache to warm, as naive.
      defaults: { warmupS: 10 },
    },
    phase2: {
      name: 'phase2',
      description: 'seed 004 Phase 1 + "Phase 2: Caching layer implementation": Redis cache-aside with the plan\'s TTLs and tags; still no RLS, no queue',
      migrations: catalogMigrations.phase2,
      plugin: async () => (await import('../../reference-impl/catalog/phasePlugins.ts')).phase2Plugin,
    },
    naive: {
      name: 'naive',
      description: "seed 004's before: one kv_store table, N+1 gets, tenant filtering in JavaScript, no cache, reports from every order",
      migrations: catalogMigrations.naive,
      plugin: async () => (await import('../../reference-impl/catalog/naivePlugin.ts')).naivePlugin,
      // No cache to warm: a short warm-up only warms the JIT and the pools.
      defaults: { warmupS: 10 },
    },
  },
});
