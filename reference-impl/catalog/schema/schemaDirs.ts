/*
 * The catalog workload's (seed 004) migration folders per variant. `shared` holds only the dataset manifest:
 * the variants share no table. `optimized` is the plan's Phase 1 schema with foreign keys, the indexes its
 * queries use and Phase 4's row-level security; `naive` is the one kv_store table it replaces.
 */
import { fileURLToPath } from 'node:url';

export const sharedSchemaDir = fileURLToPath(new URL('./shared/', import.meta.url));
export const optimizedSchemaDir = fileURLToPath(new URL('./optimized/', import.meta.url));
export const naiveSchemaDir = fileURLToPath(new URL('./naive/', import.meta.url));
export const indexFile = fileURLToPath(new URL('./optimized/003_indexes.sql', import.meta.url));

export const catalogMigrations = {
  optimized: [sharedSchemaDir, optimizedSchemaDir],
  naive: [sharedSchemaDir, naiveSchemaDir],
} as const;
