/*
 * Indexes around a bulk load. Building an index once over loaded data is far cheaper than maintaining it
 * row by row, so before the load we drop every secondary index (exactly those of the variant's
 * 003_indexes.sql, e.g. reference-impl/analytics/schema/optimized/, whose names are parsed from the file, not listed here again) and
 * the primary keys of the seeded tables; afterwards the keys are re-added and migrate() rebuilds the rest.
 *
 * Primary keys are defined in the CREATE TABLE statements (shared/001_tables.sql, <variant>/001_events.sql), which migrate() does not re-run on
 * an existing table, so their definitions are read from the catalog before dropping and kept in the
 * dataset manifest: a load killed in between still restores them on the next run.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { optimizedSchemaDir as schemaDir } from '../../reference-impl/analytics/schema/schemaDirs.ts';
import { SEED_TABLES } from './datasetPlan.ts';
import { ident, parseIndexStatements } from '../engine/indexStatements.ts';

export const SECONDARY_INDEX_FILE = '003_indexes.sql';

export interface PrimaryKeyDef {
  table: string;
  name: string;
  /** pg_get_constraintdef(), e.g. "PRIMARY KEY (id, created_at)". */
  definition: string;
}

/** An index file's SQL without comments; a variant without the file has no secondary index (''). */
export async function readIndexFile(file: string): Promise<string> {
  const text = await fs.readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  return text.replace(/--[^\n]*/g, '');
}

/** Index names created by 003_indexes.sql, in file order. */
export async function secondaryIndexNames(file = path.join(schemaDir, SECONDARY_INDEX_FILE)): Promise<string[]> {
  return parseIndexStatements(await readIndexFile(file), SECONDARY_INDEX_FILE).map((st) => st.name);
}

export async function dropSecondaryIndexes(client: pg.ClientBase, names: string[]): Promise<void> {
  if (names.length) await client.query(`DROP INDEX IF EXISTS ${names.map(ident).join(', ')}`);
}

/** Primary keys currently on the seeded tables (for pin_analytics the partitioned parent's). */
export async function currentPrimaryKeys(client: pg.ClientBase): Promise<PrimaryKeyDef[]> {
  const r = await client.query<PrimaryKeyDef>(
    `SELECT cl.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid
      WHERE c.contype = 'p' AND c.conrelid = ANY (SELECT to_regclass(t) FROM unnest($1::text[]) AS t)
      ORDER BY 1`,
    [SEED_TABLES],
  );
  return r.rows;
}

/** The catalog's keys plus any a killed load dropped and left in the manifest. */
export function mergePrimaryKeys(current: PrimaryKeyDef[], saved: PrimaryKeyDef[] | undefined): PrimaryKeyDef[] {
  const byTable = new Map(current.map((k) => [k.table, k]));
  for (const k of saved ?? []) if (!byTable.has(k.table)) byTable.set(k.table, k);
  return [...byTable.values()].sort((a, b) => a.table.localeCompare(b.table));
}

export async function dropPrimaryKeys(client: pg.ClientBase, keys: PrimaryKeyDef[]): Promise<void> {
  for (const k of keys) await client.query(`ALTER TABLE ${ident(k.table)} DROP CONSTRAINT IF EXISTS ${ident(k.name)}`);
}

/** Re-adds one key unless the table already has one. */
export async function restorePrimaryKey(client: pg.ClientBase, key: PrimaryKeyDef): Promise<void> {
  const has = await client.query(`SELECT 1 FROM pg_constraint WHERE contype = 'p' AND conrelid = to_regclass($1)`, [key.table]);
  if (has.rowCount) return;
  await client.query(`ALTER TABLE ${ident(key.table)} ADD CONSTRAINT ${ident(key.name)} ${key.definition}`);
}
