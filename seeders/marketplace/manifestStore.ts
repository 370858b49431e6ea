/*
 * Reads and writes the one-row scaleproof_dataset_manifest table (reference-impl/marketplace/schema/shared/003).
 * Every write is its own committed statement: 'loading' must be durable before the load destroys anything.
 */
import type pg from 'pg';
import type { DroppedDefinition } from './loadDefinitions.ts';
import { GENERATOR_VERSION, parametersJson, type MarketplaceSeedParameters } from './MarketplaceParameters.ts';

export const MANIFEST_TABLE = 'scaleproof_dataset_manifest';

export interface MarketplaceManifest {
  generatorVersion: string;
  seed: number;
  parameters: Record<string, unknown>;
  rowCounts: Record<string, number>;
  status: 'loading' | 'complete';
  startedAt: string;
  completedAt: string | null;
  dropped: DroppedDefinition[] | undefined;
}

interface ManifestRow {
  generator_version: string;
  seed: string;
  parameters: Record<string, unknown>;
  row_counts: Record<string, number>;
  status: MarketplaceManifest['status'];
  dropped_definitions: DroppedDefinition[] | null;
  started_at: Date;
  completed_at: Date | null;
}

export async function readManifest(client: pg.ClientBase): Promise<MarketplaceManifest | undefined> {
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
    dropped: row.dropped_definitions ?? undefined,
  };
}

export async function markLoading(client: pg.ClientBase, p: MarketplaceSeedParameters, dropped: DroppedDefinition[]): Promise<void> {
  await client.query(
    `INSERT INTO ${MANIFEST_TABLE} (id, generator_version, seed, parameters, row_counts, status, dropped_definitions, started_at, completed_at)
     VALUES (1, $1, $2, $3, '{}', 'loading', $4, now(), NULL)
     ON CONFLICT (id) DO UPDATE SET generator_version = $1, seed = $2, parameters = $3, row_counts = '{}', status = 'loading',
       dropped_definitions = $4, started_at = now(), completed_at = NULL`,
    [GENERATOR_VERSION, p.seed, JSON.stringify(parametersJson(p)), JSON.stringify(dropped)],
  );
}

export async function markComplete(client: pg.ClientBase, rowCounts: Record<string, number>): Promise<void> {
  await client.query(
    `UPDATE ${MANIFEST_TABLE} SET status = 'complete', row_counts = $1, dropped_definitions = NULL, completed_at = now() WHERE id = 1`,
    [JSON.stringify(rowCounts)],
  );
}
