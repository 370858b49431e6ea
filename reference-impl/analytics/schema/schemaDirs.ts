/*
 * The analytics workload's migration folders per variant, each after the tables both share (shared/):
 * `optimized` is seed 000 as written (partitions, indexes, rollup MV); `naive` is its "before" (one flat
 * events table, no rollup).
 */
import { fileURLToPath } from 'node:url';

export const sharedSchemaDir = fileURLToPath(new URL('./shared/', import.meta.url));
export const optimizedSchemaDir = fileURLToPath(new URL('./optimized/', import.meta.url));
export const naiveSchemaDir = fileURLToPath(new URL('./naive/', import.meta.url));

export const analyticsMigrations = {
  optimized: [sharedSchemaDir, optimizedSchemaDir],
  naive: [sharedSchemaDir, naiveSchemaDir],
} as const;
