/*
 * Reads and writes the one-row scaleproof_dataset_manifest table (reference-impl/school/schema/shared/005).
 * Every write is its own committed statement: 'loading' must be durable before the load destroys anything.
 */
import type pg from 'pg';
import type { KeyDef } from './loadConstraints.ts';
import { GENERATOR_VERSION, parametersJson, type SchoolSeedParameters } from './SchoolParameters.ts';

export const MANIFEST_TABLE = 'scaleproof_dataset_manifest';

export interface SchoolManifest {
  generatorVersion: string;
  seed: number;
  /** users, asOf and the layout constants (SchoolSeedParameters without the seed). */
  parameters: Record<string, unknown>;
  rowCounts: Record<string, number>;
  status: 'loading' | 'complete';
  startedAt: string;
  completedAt: string | null;
  /** Keys a load dropped and has not restored yet. */
  droppedKeys: KeyDef[] | undefined;
}

interface ManifestRow {
  generator_version: string;
  seed: string;
  parameters: Record<string, unknown>;
  row_counts: Record<string, number>;
  status: SchoolManifest['status'];
  dropped_primary_keys: KeyDef[] | null;
  started_at: Date;
  completed_at: Date | null;
}

export async function readSchoolManifest(client: pg.ClientBase): Promise<SchoolManifest | undefined> {
  const exists = await client.query(`SELECT to_regclass($1) AS t`, [MANIFEST_TABLE]);
  if (!exists.rows[0]?.t) return undefined;
  const row = (await client.query<ManifestRow>(`SELECT * FROM ${MANIFEST_TABLE} WHERE id = 1`)).rows[0];
  if (!row) return undefined;
  return {
    generatorVersion: row.generator_version,
    seed: Number(row.seed),
    parameters: row.parameters,
    rowCounts: row.row_counts,
    status: row.status,
    startedAt: row.started_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
    droppedKeys: row.dropped_primary_keys ?? undefined,
  };
}

export async function markLoading(client: pg.ClientBase, p: SchoolSeedParameters, droppedKeys: KeyDef[]): Promise<void> {
  await client.query(
    `INSERT INTO ${MANIFEST_TABLE} (id, generator_version, seed, parameters, row_counts, status, dropped_primary_keys, started_at, completed_at)
     VALUES (1, $1, $2, $3, '{}', 'loading', $4, now(), NULL)
     ON CONFLICT (id) DO UPDATE SET generator_version = $1, seed = $2, parameters = $3, row_counts = '{}', status = 'loading',
       dropped_primary_keys = $4, started_at = now(), completed_at = NULL`,
    [GENERATOR_VERSION, p.seed, JSON.stringify(parametersJson(p)), JSON.stringify(droppedKeys)],
  );
}

export async function markComplete(client: pg.ClientBase, rowCounts: Record<string, number>): Promise<void> {
  await client.query(
    `UPDATE ${MANIFEST_TABLE} SET status = 'complete', row_counts = $1, dropped_primary_keys = NULL, completed_at = now() WHERE id = 1`,
    [JSON.stringify(rowCounts)],
  );
}
