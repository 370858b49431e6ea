/*
 * The analytics workload's migration folders per variant: `optimized` is seed 000 as written (partitions,
 * indexes, rollup MV); `naive` is its "before" (one flat events table, no rollup).
 */
import { fileURLToPath } from 'node:url';

export const optimizedSchemaDir = fileURLToPath(new URL('./optimized/', import.meta.url));
export const naiveSchemaDir = fileURLToPath(new URL('./naive/', import.meta.url));

export const analyticsMigrations = {
  optimized: [optimizedSchemaDir],
  naive: [naiveSchemaDir],
} as const;
