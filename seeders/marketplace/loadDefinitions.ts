/*
 * Keys and indexes of the seeded tables, dropped for the bulk load and rebuilt after it (building a btree once
 * over loaded rows is several times cheaper than maintaining it row by row). Read from the catalog, so the
 * schema files stay the one list and each variant drops exactly what it has. The definitions are stored in the
 * manifest before anything is dropped, so a load that dies midway restores them next time.
 */
import type pg from 'pg';
import { ident } from '../engine/indexStatements.ts';

export interface DroppedDefinition {
  kind: 'constraint' | 'index';
  table: string;
  name: string;
  /** pg_get_constraintdef (constraint) or pg_get_indexdef (index). */
  def: string;
}

export async function currentDefinitions(client: pg.ClientBase, tables: readonly string[]): Promise<DroppedDefinition[]> {
  const r = await client.query<{ kind: DroppedDefinition['kind']; table: string; name: string; def: string }>(
    `SELECT 'constraint' AS kind, c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c
      WHERE c.contype IN ('p', 'u') AND c.conrelid = ANY (SELECT to_regclass(t) FROM unnest($1::text[]) AS t)
     UNION ALL
     SELECT 'index', i.indrelid::regclass::text, ci.relname, pg_get_indexdef(i.indexrelid)
       FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid
      WHERE i.indrelid = ANY (SELECT to_regclass(t) FROM unnest($1::text[]) AS t)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  return r.rows;
}

export async function dropDefinitions(client: pg.ClientBase, defs: readonly DroppedDefinition[]): Promise<void> {
  for (const d of defs) {
    if (d.kind === 'constraint') await client.query(`ALTER TABLE ${ident(d.table)} DROP CONSTRAINT IF EXISTS ${ident(d.name)}`);
    else await client.query(`DROP INDEX IF EXISTS ${ident(d.name)}`);
  }
}

/** The statement that recreates one definition; skipped by the caller when its relation already exists. */
export function restoreStatement(d: DroppedDefinition): string {
  return d.kind === 'constraint' ? `ALTER TABLE ${ident(d.table)} ADD CONSTRAINT ${ident(d.name)} ${d.def}` : d.def;
}

/** Recreates the definitions that are missing (an interrupted restore leaves some in place). */
export async function restoreMissing(client: pg.ClientBase, defs: readonly DroppedDefinition[]): Promise<void> {
  for (const d of defs) {
    const exists = await client.query<{ r: string | null }>('SELECT to_regclass($1) AS r', [ident(d.name)]);
    if (exists.rows[0]?.r === null) await client.query(restoreStatement(d));
  }
}
