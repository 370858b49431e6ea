/*
 * The marketplace workload's (seed 003) migration folders per variant. `shared` holds the tables, keys, route
 * indexes and dataset manifest both variants have; `optimized` adds phase 1's indexes and phase 2's
 * materialized views and refresh function; `naive` (the plan's "before") adds nothing.
 */
import { fileURLToPath } from 'node:url';

export const sharedSchemaDir = fileURLToPath(new URL('./shared/', import.meta.url));
export const optimizedSchemaDir = fileURLToPath(new URL('./optimized/', import.meta.url));
export const naiveSchemaDir = fileURLToPath(new URL('./naive/', import.meta.url));

export const marketplaceMigrations = {
  optimized: [sharedSchemaDir, optimizedSchemaDir],
  naive: [sharedSchemaDir, naiveSchemaDir],
} as const;
