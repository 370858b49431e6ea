/*
 * The riders workload's (seed 002) migration folders per variant. `shared` holds the plain tables both
 * variants have (riders, orders, duty_logs, ratings, withdrawal_requests), their "already implemented"
 * indexes and the dataset manifest; `optimized` adds the hash-partitioned ledger, the monthly location logs,
 * the recommended partial and GIN indexes and the two materialized views; `naive` has plain ledger and
 * location tables.
 */
import { fileURLToPath } from 'node:url';

export const sharedSchemaDir = fileURLToPath(new URL('./shared/', import.meta.url));
export const optimizedSchemaDir = fileURLToPath(new URL('./optimized/', import.meta.url));
export const naiveSchemaDir = fileURLToPath(new URL('./naive/', import.meta.url));

export const ridersMigrations = {
  optimized: [sharedSchemaDir, optimizedSchemaDir],
  naive: [sharedSchemaDir, naiveSchemaDir],
} as const;

/** The index files the seeder drops and rebuilds around a load, per variant. */
export const ridersIndexFiles = {
  optimized: [`${sharedSchemaDir}002_indexes.sql`, `${optimizedSchemaDir}002_indexes.sql`],
  naive: [`${sharedSchemaDir}002_indexes.sql`, `${naiveSchemaDir}002_indexes.sql`],
} as const;
