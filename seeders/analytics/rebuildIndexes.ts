/*
 * Rebuilds, after a load, the primary keys and the variant's 003_indexes.sql secondary indexes, using every
 * stream (a plain table, such as the naive variant's pin_analytics, is one task).
 *
 * migrate() alone would build them one statement at a time, and a statement on the partitioned
 * pin_analytics builds its leaf indexes one after another. Instead, each table and each leaf partition
 * becomes one task (its key, then its indexes, while its heap is hot in cache), tasks run on parallel
 * connections biggest first, and then the partitioned parents' key and indexes are created: Postgres
 * attaches the equivalent leaf indexes already there instead of building them (CREATE INDEX on a
 * partitioned table, "If a matching index exists, it will be attached"). Leaf indexes are created unnamed
 * so Postgres picks the names it would pick when recursing. migrate() then runs and finds everything built.
 */
import path from 'node:path';
import type pg from 'pg';
import { migrate } from '../../harness/migrate/migrate.ts';
import { analyticsMigrations, optimizedSchemaDir as schemaDir } from '../../reference-impl/analytics/schema/schemaDirs.ts';
import { onParallelClients } from '../engine/onParallelClients.ts';
import { SECONDARY_INDEX_FILE, readIndexFile, restorePrimaryKey, type PrimaryKeyDef } from './loadIndexes.ts';
import { ident, parseIndexStatements, type IndexStatement } from '../engine/indexStatements.ts';

export async function indexStatements(file = path.join(schemaDir, SECONDARY_INDEX_FILE)): Promise<IndexStatement[]> {
  return parseIndexStatements(await readIndexFile(file), SECONDARY_INDEX_FILE);
}

interface Relation {
  name: string;
  bytes: number;
}

async function leavesOf(client: pg.ClientBase, table: string): Promise<Relation[]> {
  const r = await client.query<{ name: string; bytes: string }>(
    `SELECT c.relname AS name, pg_relation_size(c.oid)::text AS bytes FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = to_regclass($1) AND c.relkind = 'r'`,
    [table],
  );
  return r.rows.map((row) => ({ name: row.name, bytes: Number(row.bytes) }));
}

async function isPartitioned(client: pg.ClientBase, table: string): Promise<boolean> {
  const r = await client.query(`SELECT 1 FROM pg_class WHERE oid = to_regclass($1) AND relkind = 'p'`, [table]);
  return Boolean(r.rowCount);
}

export async function rebuildIndexes(opts: {
  databaseUrl: string;
  client: pg.ClientBase;
  streams: number;
  primaryKeys: PrimaryKeyDef[];
  /** The variant's index file and migration folders (default: the optimized variant's). */
  indexFile?: string;
  schemaDirs?: readonly string[];
}): Promise<void> {
  const { client } = opts;
  const statements = await indexStatements(opts.indexFile);
  const tables = [...new Set([...opts.primaryKeys.map((k) => k.table), ...statements.map((s) => s.table)])];
  const tasks: Array<{ bytes: number; run: (c: pg.Client) => Promise<void> }> = [];
  const parents: string[] = [];
  for (const table of tables) {
    const key = opts.primaryKeys.find((k) => k.table === table);
    const own = statements.filter((s) => s.table === table);
    if (await isPartitioned(client, table)) {
      parents.push(table);
      for (const leaf of await leavesOf(client, table)) {
        tasks.push({ bytes: leaf.bytes, run: async (c) => {
          if (key) await c.query(`ALTER TABLE ${ident(leaf.name)} ADD ${key.definition}`);
          for (const s of own) await c.query(`CREATE ${s.unique ? 'UNIQUE ' : ''}INDEX ON ${ident(leaf.name)} ${s.tail}`);
        } });
      }
    } else {
      const size = await client.query<{ b: string }>(`SELECT pg_relation_size(to_regclass($1))::text AS b`, [table]);
      tasks.push({ bytes: Number(size.rows[0]?.b ?? 0), run: async (c) => {
        if (key) await restorePrimaryKey(c, key);
        for (const s of own) await c.query(s.sql);
      } });
    }
  }
  tasks.sort((a, b) => b.bytes - a.bytes);
  await onParallelClients(opts.databaseUrl, opts.streams, tasks.map((t) => t.run));
  // Parents last: their key and indexes attach the leaf ones built above.
  for (const table of parents) {
    const key = opts.primaryKeys.find((k) => k.table === table);
    if (key) await restorePrimaryKey(client, key);
  }
  await migrate(client, opts.schemaDirs ?? analyticsMigrations.optimized);
}
