/*
 * What the optimized tables carry that slows a bulk load, dropped before it and restored after: foreign keys
 * and secondary indexes (both restored by re-running the idempotent migrations, which define them), and the
 * keys of the two big tables (restored from LOAD_KEYS below when missing). A load that dies midway leaves them
 * dropped; the next seed run drops nothing more and restores everything at its end.
 */
import type pg from 'pg';
import fs from 'node:fs/promises';
import { indexFile } from '../../reference-impl/catalog/schema/schemaDirs.ts';
import { ident, parseIndexStatements } from '../engine/indexStatements.ts';

export const OPTIMIZED_TABLES = ['orders', 'products', 'site_product_exclusions', 'sites', 'catalogs', 'clients'] as const;

/** Keys of the big tables: name, table, definition (as in 001_tables.sql). */
export const LOAD_KEYS: ReadonlyArray<{ name: string; table: string; def: string }> = [
  { name: 'orders_pkey', table: 'orders', def: 'PRIMARY KEY (id)' },
  { name: 'orders_order_number_key', table: 'orders', def: 'UNIQUE (order_number)' },
  { name: 'products_pkey', table: 'products', def: 'PRIMARY KEY (id)' },
  { name: 'products_catalog_sku_unique', table: 'products', def: 'UNIQUE (catalog_id, sku)' },
];

export async function dropForLoad(client: pg.ClientBase): Promise<void> {
  const fks = await client.query<{ t: string; c: string }>(
    `SELECT conrelid::regclass::text AS t, conname AS c FROM pg_constraint
      WHERE contype = 'f' AND connamespace = current_schema()::regnamespace`,
  );
  for (const { t, c } of fks.rows) await client.query(`ALTER TABLE ${t} DROP CONSTRAINT IF EXISTS ${ident(c)}`);
  for (const s of parseIndexStatements(await fs.readFile(indexFile, 'utf8'), indexFile)) await client.query(`DROP INDEX IF EXISTS ${ident(s.name)}`);
  for (const k of LOAD_KEYS) await client.query(`ALTER TABLE ${k.table} DROP CONSTRAINT IF EXISTS ${ident(k.name)}`);
}

/** The keys of LOAD_KEYS that are missing, added back (on parallel connections by the caller). */
export async function missingKeys(client: pg.ClientBase): Promise<Array<{ name: string; table: string; def: string }>> {
  const r = await client.query<{ conname: string }>(`SELECT conname FROM pg_constraint WHERE connamespace = current_schema()::regnamespace`);
  const have = new Set(r.rows.map((x) => x.conname));
  return LOAD_KEYS.filter((k) => !have.has(k.name));
}
