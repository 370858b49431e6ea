/*
 * Reads and writes the one-row scaleproof_dataset_manifest table (reference-impl/analytics/schema/shared/005). Every write
 * is its own committed statement: 'loading' must be durable before the load destroys anything.
 */
import type pg from 'pg';
import type { DatasetManifest } from './DatasetManifest.ts';
import type { PrimaryKeyDef } from './loadIndexes.ts';
import { GENERATOR_VERSION, type SeedParameters } from './SeedParameters.ts';

export const MANIFEST_TABLE = 'scaleproof_dataset_manifest';

interface ManifestRow {
  generator_version: string;
  seed: string;
  parameters: { users: number; eventsPerUser: number; distribution: DatasetManifest['distribution']; asOf: string };
  row_counts: Record<string, number>;
  status: DatasetManifest['status'];
  dropped_primary_keys: PrimaryKeyDef[] | null;
  started_at: Date;
  completed_at: Date | null;
}

export interface StoredManifest {
  manifest: DatasetManifest;
  droppedPrimaryKeys: PrimaryKeyDef[] | undefined;
}

export async function readStoredManifest(client: pg.ClientBase): Promise<StoredManifest | undefined> {
  const exists = await client.query(`SELECT to_regclass($1) AS t`, [MANIFEST_TABLE]);
  if (!exists.rows[0]?.t) return undefined;
  const r = await client.query<ManifestRow>(`SELECT * FROM ${MANIFEST_TABLE} WHERE id = 1`);
  const row = r.rows[0];
  if (!row) return undefined;
  return {
    manifest: {
      generatorVersion: row.generator_version,
      seed: Number(row.seed),
      users: row.parameters.users,
      eventsPerUser: row.parameters.eventsPerUser,
      distribution: row.parameters.distribution,
      asOf: row.parameters.asOf,
      rowCounts: row.row_counts,
      status: row.status,
      startedAt: row.started_at.toISOString(),
      completedAt: row.completed_at?.toISOString() ?? null,
    },
    droppedPrimaryKeys: row.dropped_primary_keys ?? undefined,
  };
}

export function parametersOf(m: DatasetManifest): SeedParameters {
  return { users: m.users, eventsPerUser: m.eventsPerUser, seed: m.seed, distribution: m.distribution, asOf: m.asOf };
}

export async function markLoading(client: pg.ClientBase, p: SeedParameters, droppedPrimaryKeys: PrimaryKeyDef[]): Promise<void> {
  const parameters = { users: p.users, eventsPerUser: p.eventsPerUser, distribution: p.distribution, asOf: p.asOf };
  await client.query(
    `INSERT INTO ${MANIFEST_TABLE} (id, generator_version, seed, parameters, row_counts, status, dropped_primary_keys, started_at, completed_at)
     VALUES (1, $1, $2, $3, '{}', 'loading', $4, now(), NULL)
     ON CONFLICT (id) DO UPDATE SET generator_version = $1, seed = $2, parameters = $3, row_counts = '{}', status = 'loading',
       dropped_primary_keys = $4, started_at = now(), completed_at = NULL`,
    [GENERATOR_VERSION, p.seed, JSON.stringify(parameters), JSON.stringify(droppedPrimaryKeys)],
  );
}

export async function markComplete(client: pg.ClientBase, rowCounts: Record<string, number>): Promise<void> {
  await client.query(
    `UPDATE ${MANIFEST_TABLE} SET status = 'complete', row_counts = $1, dropped_primary_keys = NULL, completed_at = now() WHERE id = 1`,
    [JSON.stringify(rowCounts)],
  );
}
