/*
 * Reads and writes the one-row scaleproof_dataset_manifest table (reference-impl/riders/schema/shared/003).
 * Every write is its own committed statement: 'loading' must be durable before the load destroys anything.
 */
import type pg from 'pg';
import { GENERATOR_VERSION, type RidersSeedParameters } from './ridersPlan.ts';

const TABLE = 'scaleproof_dataset_manifest';

export interface RidersManifest {
  generatorVersion: string;
  seed: number;
  parameters: Record<string, unknown>;
  rowCounts: Record<string, number>;
  status: 'loading' | 'complete';
  startedAt: string;
  completedAt: string | null;
}

export function parametersJson(p: RidersSeedParameters): Record<string, unknown> {
  const { seed: _seed, ...rest } = p;
  return rest;
}

export async function readRidersManifest(client: pg.ClientBase): Promise<RidersManifest | undefined> {
  if (!(await client.query(`SELECT to_regclass($1) AS t`, [TABLE])).rows[0]?.t) return undefined;
  const row = (await client.query(`SELECT * FROM ${TABLE} WHERE id = 1`)).rows[0];
  if (!row) return undefined;
  return {
    generatorVersion: row.generator_version, seed: Number(row.seed), parameters: row.parameters, rowCounts: row.row_counts,
    status: row.status, startedAt: row.started_at.toISOString(), completedAt: row.completed_at?.toISOString() ?? null,
  };
}

export async function markLoading(client: pg.ClientBase, p: RidersSeedParameters): Promise<void> {
  await client.query(
    `INSERT INTO ${TABLE} (id, generator_version, seed, parameters, row_counts, status, started_at, completed_at)
     VALUES (1, $1, $2, $3, '{}', 'loading', now(), NULL)
     ON CONFLICT (id) DO UPDATE SET generator_version = $1, seed = $2, parameters = $3, row_counts = '{}', status = 'loading', started_at = now(), completed_at = NULL`,
    [GENERATOR_VERSION, p.seed, JSON.stringify(parametersJson(p))],
  );
}

export async function markComplete(client: pg.ClientBase, rowCounts: Record<string, number>): Promise<void> {
  await client.query(`UPDATE ${TABLE} SET status = 'complete', row_counts = $1, completed_at = now() WHERE id = 1`, [JSON.stringify(rowCounts)]);
}
