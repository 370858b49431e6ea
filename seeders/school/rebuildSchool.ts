/*
 * After the rows are in: primary keys and secondary indexes, then foreign keys, using every stream.
 *
 * Indexes: every index of every plain table and attendance leaf partition is its own task, biggest relation
 * first, so the two big attendance builds run side by side instead of one after the other (two CREATE INDEX
 * on one table may run at once: both take SHARE locks). A primary key is built as a unique index and then
 * attached with ADD PRIMARY KEY USING INDEX, which takes an exclusive lock only for the catalog update. Then
 * the partitioned parent's key and indexes are created, and Postgres attaches the equivalent leaf indexes
 * already built ("If a matching index exists, it will be attached").
 *
 * Foreign keys: added NOT VALID (instant) and then validated in parallel, one task per referencing table;
 * VALIDATE takes only SHARE UPDATE EXCLUSIVE on its own table, while a validating ADD would hold SHARE ROW
 * EXCLUSIVE on the referenced table and serialize every foreign key to `student`. Postgres 15 does not
 * allow NOT VALID on a partitioned table, so attendance's keys are added validated. Hash joins are turned
 * off for the checks: every foreign key column leads an index, so the check becomes a merge anti-join of
 * two index-only scans (COPY FREEZE left the pages all-visible), 3.6 s instead of 8.6-11 s for
 * attendance -> student at 1M students (a hash of 1M student ids probed 20M times misses the CPU cache).
 *
 * migrate() then runs and finds everything there.
 */
import type pg from 'pg';
import { migrate } from '../../harness/migrate/migrate.ts';
import { onParallelClients } from '../engine/onParallelClients.ts';
import { indexStatements, type KeyDef } from './loadConstraints.ts';
import { ident } from '../engine/indexStatements.ts';
import { timed, type Phases } from '../engine/timed.ts';

interface Task {
  bytes: number;
  run: (c: pg.Client) => Promise<void>;
}

async function leavesOf(client: pg.ClientBase, table: string): Promise<Array<{ name: string; bytes: number }>> {
  const r = await client.query<{ name: string; bytes: string }>(
    `SELECT c.relname AS name, pg_relation_size(c.oid)::text AS bytes FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = to_regclass($1) AND c.relkind = 'r'`,
    [table],
  );
  return r.rows.map((row) => ({ name: row.name, bytes: Number(row.bytes) }));
}

async function relationInfo(client: pg.ClientBase, table: string): Promise<{ partitioned: boolean; bytes: number }> {
  // A partitioned table's size is its leaves' (pg_partition_tree lists them).
  const r = await client.query<{ kind: string; bytes: string }>(
    `SELECT relkind AS kind,
            (CASE WHEN relkind = 'p' THEN (SELECT coalesce(sum(pg_relation_size(relid)), 0) FROM pg_partition_tree(oid)) ELSE pg_relation_size(oid) END)::text AS bytes
       FROM pg_class WHERE oid = to_regclass($1)`,
    [table],
  );
  return { partitioned: r.rows[0]?.kind === 'p', bytes: Number(r.rows[0]?.bytes ?? 0) };
}

async function hasConstraint(client: pg.ClientBase, table: string, name: string): Promise<boolean> {
  const r = await client.query(`SELECT 1 FROM pg_constraint WHERE conname = $1 AND conrelid = to_regclass($2)`, [name, table]);
  return Boolean(r.rowCount);
}

/** "PRIMARY KEY (student_id, date)" -> "(student_id, date)". */
function keyColumns(key: KeyDef): string {
  const m = /^PRIMARY KEY\s*(\(.*\))$/i.exec(key.definition.trim());
  if (!m) throw new Error(`unexpected primary key definition ${key.definition} on ${key.table}`);
  return m[1]!;
}

export async function rebuildSchool(opts: { databaseUrl: string; client: pg.ClientBase; streams: number; keys: KeyDef[]; dirs: readonly string[]; phases: Phases }): Promise<void> {
  await timed(opts.phases, 'indexes', () => rebuildIndexes(opts));
  await timed(opts.phases, 'foreignKeys', async () => {
    await restoreForeignKeys(opts);
    await migrate(opts.client, opts.dirs);
  });
}

async function rebuildIndexes(opts: { databaseUrl: string; client: pg.ClientBase; streams: number; keys: KeyDef[]; dirs: readonly string[] }): Promise<void> {
  const { client } = opts;
  const statements = await indexStatements(opts.dirs);
  const primary = opts.keys.filter((k) => k.kind === 'p');
  const tasks: Task[] = [];
  const attach: Array<{ relation: string; name: string }> = []; // unique index -> primary key, after the builds
  const parents: string[] = [];
  for (const table of [...new Set([...primary.map((k) => k.table), ...statements.map((s) => s.table)])]) {
    const key = primary.find((k) => k.table === table);
    const own = statements.filter((s) => s.table === table);
    const info = await relationInfo(client, table);
    const relations = info.partitioned ? await leavesOf(client, table) : [{ name: table, bytes: info.bytes }];
    if (info.partitioned) parents.push(table);
    for (const rel of relations) {
      if (key && !(await hasConstraint(client, rel.name, info.partitioned ? `${rel.name}_pkey` : key.name))) {
        const name = info.partitioned ? `${rel.name}_pkey` : key.name;
        tasks.push({ bytes: rel.bytes, run: async (c) => { await c.query(`CREATE UNIQUE INDEX IF NOT EXISTS ${ident(name)} ON ${ident(rel.name)} ${keyColumns(key)}`); } });
        attach.push({ relation: rel.name, name });
      }
      for (const s of own) {
        // Leaf indexes unnamed, so Postgres picks the names it would pick when recursing from the parent.
        const sql = info.partitioned ? `CREATE ${s.unique ? 'UNIQUE ' : ''}INDEX ON ${ident(rel.name)} ${s.tail}` : s.sql;
        tasks.push({ bytes: rel.bytes, run: async (c) => { await c.query(sql); } });
      }
    }
  }
  tasks.sort((a, b) => b.bytes - a.bytes);
  await onParallelClients(opts.databaseUrl, opts.streams, tasks.map((t) => t.run));
  for (const a of attach) await client.query(`ALTER TABLE ${ident(a.relation)} ADD CONSTRAINT ${ident(a.name)} PRIMARY KEY USING INDEX ${ident(a.name)}`);
  // Parents last: their key and indexes attach the leaf ones built above.
  for (const table of parents) {
    const key = primary.find((k) => k.table === table);
    if (key && !(await hasConstraint(client, table, key.name))) await client.query(`ALTER TABLE ${ident(table)} ADD CONSTRAINT ${ident(key.name)} ${key.definition}`);
    for (const s of statements.filter((x) => x.table === table)) await client.query(s.sql);
  }
}

async function restoreForeignKeys(opts: { databaseUrl: string; client: pg.ClientBase; streams: number; keys: KeyDef[] }): Promise<void> {
  const { client } = opts;
  const byTable = new Map<string, KeyDef[]>();
  for (const k of opts.keys.filter((x) => x.kind === 'f')) byTable.set(k.table, [...(byTable.get(k.table) ?? []), k]);
  const tasks: Task[] = [];
  for (const [table, fks] of byTable) {
    const info = await relationInfo(client, table);
    if (!info.partitioned) {
      for (const k of fks) if (!(await hasConstraint(client, table, k.name))) await client.query(`ALTER TABLE ${ident(table)} ADD CONSTRAINT ${ident(k.name)} ${k.definition} NOT VALID`);
    }
    tasks.push({ bytes: info.bytes, run: async (c) => {
      for (const k of fks) {
        if (!(await hasConstraint(c, table, k.name))) await c.query(`ALTER TABLE ${ident(table)} ADD CONSTRAINT ${ident(k.name)} ${k.definition}`);
        else await c.query(`ALTER TABLE ${ident(table)} VALIDATE CONSTRAINT ${ident(k.name)}`); // a no-op when already valid
      }
    } });
  }
  tasks.sort((a, b) => b.bytes - a.bytes);
  await onParallelClients(opts.databaseUrl, opts.streams, tasks.map((t) => async (c: pg.Client) => {
    await c.query(`SET enable_hashjoin = off`);
    await t.run(c);
  }));
}
