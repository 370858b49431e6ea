/*
 * Keys and indexes around a bulk load. Building an index or checking a foreign key once over loaded data is
 * far cheaper than doing it row by row, so before the load we drop the seeded tables' foreign keys, the
 * secondary indexes of every NNN_indexes.sql of the variant's migration folders (names parsed from the
 * files, not listed here again) and the primary keys; afterwards rebuildSchool.ts puts them all back.
 *
 * Primary and foreign keys are defined in CREATE TABLE statements, which migrate() does not re-run on an
 * existing table, so their definitions are read from the catalog before dropping and kept in the dataset
 * manifest (column dropped_primary_keys, which holds both kinds): a load killed in between still restores
 * them on the next run.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { ident, parseIndexStatements, type IndexStatement } from '../engine/indexStatements.ts';

export interface KeyDef {
  table: string;
  name: string;
  /** 'p' primary key, 'f' foreign key. */
  kind: 'p' | 'f';
  /** pg_get_constraintdef(), e.g. "PRIMARY KEY (student_id, date)". */
  definition: string;
}


const INDEX_FILE = /^\d{3}_indexes\.sql$/;

/** The CREATE INDEX statements of every NNN_indexes.sql in `dirs`, in migration order. */
export async function indexStatements(dirs: readonly string[]): Promise<IndexStatement[]> {
  const out: IndexStatement[] = [];
  for (const dir of dirs) {
    for (const file of (await fs.readdir(dir)).filter((f) => INDEX_FILE.test(f)).sort()) {
      out.push(...parseIndexStatements(await fs.readFile(path.join(dir, file), 'utf8'), file));
    }
  }
  return out;
}

export async function dropIndexes(client: pg.ClientBase, names: string[]): Promise<void> {
  if (names.length) await client.query(`DROP INDEX IF EXISTS ${names.map(ident).join(', ')}`);
}

/** Primary and foreign keys now on `tables` (for attendance the partitioned parent's, not its leaves' clones). */
export async function currentKeys(client: pg.ClientBase, tables: readonly string[]): Promise<KeyDef[]> {
  const r = await client.query<KeyDef>(
    `SELECT cl.relname AS table, c.conname AS name, c.contype AS kind, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid
      WHERE c.contype IN ('p', 'f') AND c.conparentid = 0
        AND c.conrelid = ANY (SELECT to_regclass(t) FROM unnest($1::text[]) AS t)
      ORDER BY 1, 2`,
    [tables],
  );
  return r.rows;
}

/** The catalog's keys plus any a killed load dropped and left in the manifest. */
export function mergeKeys(current: KeyDef[], saved: KeyDef[] | undefined): KeyDef[] {
  const byName = new Map(current.map((k) => [`${k.table}.${k.name}`, k]));
  for (const k of saved ?? []) if (!byName.has(`${k.table}.${k.name}`)) byName.set(`${k.table}.${k.name}`, k);
  return [...byName.values()].sort((a, b) => a.table.localeCompare(b.table) || a.name.localeCompare(b.name));
}

/** Foreign keys first: a primary key cannot go while a foreign key references it. */
export async function dropKeys(client: pg.ClientBase, keys: KeyDef[]): Promise<void> {
  for (const kind of ['f', 'p'] as const) {
    for (const k of keys.filter((x) => x.kind === kind)) await client.query(`ALTER TABLE ${ident(k.table)} DROP CONSTRAINT IF EXISTS ${ident(k.name)}`);
  }
}

/** Re-adds one key unless the table already has a constraint of that name. */
export async function restoreKey(client: pg.ClientBase, key: KeyDef): Promise<void> {
  const has = await client.query(`SELECT 1 FROM pg_constraint WHERE conname = $1 AND conrelid = to_regclass($2)`, [key.name, key.table]);
  if (has.rowCount) return;
  await client.query(`ALTER TABLE ${ident(key.table)} ADD CONSTRAINT ${ident(key.name)} ${key.definition}`);
}
