/*
 * The school workload's (seed 001) migration folders per variant. `shared` holds the tables both variants
 * have (keys, foreign-key indexes, monthly attendance partitions, job queue, dataset manifest);
 * `optimized` adds the plan's indexes, materialized views and RPC functions; `naive` (the plan's "before")
 * adds nothing.
 */
import { fileURLToPath } from 'node:url';

export const sharedSchemaDir = fileURLToPath(new URL('./shared/', import.meta.url));
export const optimizedSchemaDir = fileURLToPath(new URL('./optimized/', import.meta.url));
export const naiveSchemaDir = fileURLToPath(new URL('./naive/', import.meta.url));

export const schoolMigrations = {
  optimized: [sharedSchemaDir, optimizedSchemaDir],
  naive: [sharedSchemaDir, naiveSchemaDir],
} as const;
