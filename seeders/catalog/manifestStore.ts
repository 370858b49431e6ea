/*
 * The one-row scaleproof_dataset_manifest (reference-impl/catalog/schema/shared/001): what this schema holds.
 * 'loading' is committed before anything is destroyed; 'complete' after the counts were verified.
 */
import type pg from 'pg';

export const GENERATOR_VERSION = 'catalog-1';

export interface CatalogManifest {
  generatorVersion: string;
  seed: number;
  parameters: Record<string, unknown>;
  rowCounts: Record<string, number>;
  status: 'loading' | 'complete';
  startedAt: string;
  completedAt: string | null;
}

export async function readCatalogManifest(client: pg.ClientBase): Promise<CatalogManifest | undefined> {
  const row = (await client.query<{ generator_version: string; seed: string; parameters: Record<string, unknown>; row_counts: Record<string, number>; status: 'loading' | 'complete'; started_at: Date; completed_at: Date | null }>(
    'SELECT * FROM scaleproof_dataset_manifest WHERE id = 1',
  )).rows[0];
  if (!row) return undefined;
  return {
    generatorVersion: row.generator_version, seed: Number(row.seed), parameters: row.parameters, rowCounts: row.row_counts,
    status: row.status, startedAt: row.started_at.toISOString(), completedAt: row.completed_at?.toISOString() ?? null,
  };
}

export async function markLoading(client: pg.ClientBase, seed: number, parameters: Record<string, unknown>): Promise<void> {
  await client.query(
    `INSERT INTO scaleproof_dataset_manifest (id, generator_version, seed, parameters, row_counts, status, started_at, completed_at)
     VALUES (1, $1, $2, $3, '{}', 'loading', now(), NULL)
     ON CONFLICT (id) DO UPDATE SET generator_version = $1, seed = $2, parameters = $3, row_counts = '{}', status = 'loading', started_at = now(), completed_at = NULL`,
    [GENERATOR_VERSION, seed, JSON.stringify(parameters)],
  );
}

export async function markComplete(client: pg.ClientBase, rowCounts: Record<string, number>): Promise<void> {
  await client.query(`UPDATE scaleproof_dataset_manifest SET status = 'complete', row_counts = $1, completed_at = now() WHERE id = 1`, [JSON.stringify(rowCounts)]);
}
