/*
 * The riders workload (seed 002: rider-based gig-economy logistics) as one unit. `optimized` is the plan as
 * written (hash-partitioned wallet ledger, monthly location partitions, partial and GIN indexes, two
 * materialized views refreshed CONCURRENTLY, Redis keys with the plan's TTLs and invalidation, batched
 * location writes); `naive` is its "before" (plain tables, no cache, no views, one INSERT per location).
 */
import { fileURLToPath } from 'node:url';
import { defineWorkload } from '../../harness/workload/defineWorkload.ts';
import { ridersEnv } from '../../reference-impl/riders/ridersSettings.ts';
import { ridersMigrations } from '../../reference-impl/riders/schema/schemaDirs.ts';
import { ridersDataset } from '../../seeders/riders/ridersDataset.ts';
import { ridersThresholds } from '../../thresholds/riders.ts';
import { ridersClaims } from '../../thresholds/ridersClaims.ts';
import { defaultRidersMix, ridersEndpoints } from './endpoints.ts';

export const ridersWorkload = defineWorkload({
  name: 'riders',
  title: 'rider logistics: locations, duty, wallet ledger, dispatch for 1M riders',
  seedFile: '002_8c76ed3d7a8e79e0.txt',
  endpoints: ridersEndpoints,
  endpointsModule: fileURLToPath(new URL('./endpoints.ts', import.meta.url)),
  defaults: {
    users: 1_000_000, // the plan's stage 3, "100K-1M Riders", at its top
    seed: 42,
    // Popularity of riders: the on-duty minority is far busier than the rest of the fleet.
    distribution: { kind: 'zipf', exponent: 1.1 },
    mix: defaultRidersMix,
    // One location/wallet TTL (60 s) would be the full steady state; 30 s fills the hot keys of every family.
    warmupS: 30,
    durationS: 30,
    connections: 32,
    pipelining: 1,
  },
  thresholds: ridersThresholds,
  claims: ridersClaims,
  // Seed 002: location_logs "partitioned by month"; its "Partition Health" monitoring (partitions_missing).
  partitionedTables: ['location_logs'],
  dataset: ridersDataset,
  env: ridersEnv,
  defaultVariant: 'optimized',
  variants: {
    optimized: {
      name: 'optimized',
      description: 'seed 002 as written: hash-partitioned ledger, monthly location partitions, partial/GIN indexes, two MVs refreshed CONCURRENTLY, Redis keys with TTLs and invalidation, batched location writes',
      migrations: ridersMigrations.optimized,
      plugin: async () => (await import('../../reference-impl/riders/optimizedPlugin.ts')).optimizedPlugin,
    },
    naive: {
      name: 'naive',
      description: "seed 002's before: plain tables, no Redis, no MVs (leaderboard aggregated live), one INSERT per location update",
      migrations: ridersMigrations.naive,
      plugin: async () => (await import('../../reference-impl/riders/naivePlugin.ts')).naivePlugin,
      defaults: { warmupS: 10 },
    },
  },
});
