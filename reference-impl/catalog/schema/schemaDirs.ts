/*
 * The catalog workload's (seed 004) migration folders per variant. `shared` holds only the dataset manifest:
 * the variants share no table. `optimized` is the plan's Phase 1 schema with foreign keys and the indexes its
 * queries use, `rls` Phase 4's row-level security on it; `naive` is the one kv_store table they replace.
 * phase1 and phase2 are the plan before Phase 4: the same tables and indexes with no policy at all (their API
 * isolates tenants with WHERE clauses), so what RLS costs is measured against tables that are otherwise equal.
 */
import { fileURLToPath } from 'node:url';

export const sharedSchemaDir = fileURLToPath(new URL('./shared/', import.meta.url));
export const optimizedSchemaDir = fileURLToPath(new URL('./optimized/', import.meta.url));
export const rlsSchemaDir = fileURLToPath(new URL('./rls/', import.meta.url));
export const naiveSchemaDir = fileURLToPath(new URL('./naive/', import.meta.url));
export const indexFile = fileURLToPath(new URL('./optimized/003_indexes.sql', import.meta.url));

export const catalogMigrations = {
  optimized: [sharedSchemaDir, optimizedSchemaDir, rlsSchemaDir],
  phase1: [sharedSchemaDir, optimizedSchemaDir],
  phase2: [sharedSchemaDir, optimizedSchemaDir],
  naive: [sharedSchemaDir, naiveSchemaDir],
} as const;

export type CatalogVariantName = keyof typeof catalogMigrations;
