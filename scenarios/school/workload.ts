/*
 * The school workload (seed 001: "Scaling Plan: 1 Million Users", school dashboards) as one unit.
 * `optimized` is the plan as written (RPCs over materialized views, the one-query dashboard, Redis cache and
 * rate limit, SQL paging, a SKIP LOCKED job queue); `naive` is the "before" it describes (analytics and
 * student filtering in JavaScript, six dashboard queries, no Redis, no materialized views).
 */
import { fileURLToPath } from 'node:url';
import { defineWorkload } from '../../harness/workload/defineWorkload.ts';
import { schoolEnv } from '../../reference-impl/school/schoolEnv.ts';
import { schoolMigrations } from '../../reference-impl/school/schema/schemaDirs.ts';
import { schoolDataset } from '../../seeders/school/schoolDataset.ts';
import { schoolThresholds } from '../../thresholds/school.ts';
import { schoolClaims } from '../../thresholds/schoolClaims.ts';
import { defaultSchoolMix, schoolEndpoints } from './endpoints.ts';

export const schoolWorkload = defineWorkload({
  name: 'school',
  title: 'school dashboards, analytics and attendance for 1M users',
  seedFile: '001_481a619d39e06029.txt',
  // Seed 001's own profile: 1M users <-> 100k reads + 10k writes + 1k analytics per minute.
  planLoad: {
    perUserRps: 111_000 / 60 / 1_000_000,
    planUsers: 1_000_000,
    source: 'seed 001 (001_481a619d39e06029.txt): "Target: Support 1,000,000 concurrent users"; Read Queries "100,000+/min", Write Queries "10,000+/min", Analytics Queries "1,000+/min": 111,000 requests/min per 1M users',
  },
  endpoints: schoolEndpoints,
  endpointsModule: fileURLToPath(new URL('./endpoints.ts', import.meta.url)),
  defaults: {
    users: 1_000_000, // the plan's "1,000,000 concurrent users": students
    seed: 42,
    // Popularity of students (and through them schools and classes): a few schools are far busier than most.
    distribution: { kind: 'zipf', exponent: 1.1 },
    mix: defaultSchoolMix,
    // Long enough for the hot dashboards and analytics keys to be cached; the measured phase then sees the
    // cache's steady state within the 300 s TTLs rather than this run's cold key prefix.
    warmupS: 30,
    durationS: 30,
    connections: 32,
    pipelining: 1,
  },
  thresholds: schoolThresholds,
  claims: schoolClaims,
  dataset: schoolDataset,
  env: schoolEnv,
  defaultVariant: 'optimized',
  variants: {
    optimized: {
      name: 'optimized',
      description: 'seed 001 as written: analytics RPCs over MVs refreshed CONCURRENTLY, one-query dashboard, Redis cache and rate limit, SQL paging, SKIP LOCKED jobs',
      migrations: schoolMigrations.optimized,
      plugin: async () => (await import('../../reference-impl/school/optimizedPlugin.ts')).optimizedPlugin,
      // Seed 001 scale-out: connection pooling (pgBouncer, transaction mode) and a read replica for analytics reads.
      topology: { pooler: true, replica: true },
    },
    naive: {
      name: 'naive',
      description: "seed 001's before: analytics aggregated in JavaScript, students filtered in JavaScript, six dashboard queries, no Redis, no MVs",
      migrations: schoolMigrations.naive,
      plugin: async () => (await import('../../reference-impl/school/naivePlugin.ts')).naivePlugin,
      // No cache to warm: a short warm-up only warms the JIT and the pools.
      defaults: { warmupS: 10 },
    },
  },
});
