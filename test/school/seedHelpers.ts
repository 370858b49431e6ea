/* Helpers for the school workload's schema and seeder tests: a private database, a schema-scoped URL, queries. */
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';
import { schemaName, withSchema } from '../../harness/migrate/schemaUrl.ts';
import { seedSchool, type SchoolSeedResult } from '../../seeders/school/seedSchool.ts';

/** A Thursday: the term is the 20 school days up to Wednesday 2026-10-14, over two months (Sep, Oct). */
export const AS_OF = '2026-10-15T00:00:00.000Z';

export interface SchoolDb {
  db: TestDatabase;
  url(variant: string): string;
}

export async function createSchoolDb(testName: string): Promise<SchoolDb> {
  const db = await createTestDatabase(testName);
  return { db, url: (variant) => withSchema(db.url, schemaName('school', variant)) };
}

export function seedTiny(url: string, opts: { variant?: string; users?: number; seed?: number; force?: boolean; lines?: string[] } = {}): Promise<SchoolSeedResult> {
  return seedSchool({
    databaseUrl: url, variant: opts.variant ?? 'optimized', users: opts.users ?? 2_000, seed: opts.seed ?? 7, asOf: AS_OF,
    force: opts.force, log: (l) => opts.lines?.push(l),
  });
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`SET TIME ZONE 'UTC'`); // timestamps render in one zone whatever the server's default
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function rows<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  return withClient(url, async (c) => (await c.query<T>(sql, values)).rows);
}

const ORDER: Record<string, string> = {
  schools: 'id', academic_years: 'id', subjects: 'id', class_instances: 'id', student: 'id', tasks: 'id', tests: 'id',
  learning_resources: 'id', task_submissions: 'task_id, student_id', test_marks: 'test_id, student_id',
  attendance: 'student_id, date',
};

/** One md5 per seeded table over its rows in key order (attendance rows with their leaf partition). */
export function tableChecksums(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const out: Record<string, string> = {};
    for (const [table, order] of Object.entries(ORDER)) {
      const row = table === 'attendance' ? `t::text || '@' || t.tableoid::regclass::text` : 't::text';
      out[table] = (await c.query<{ sum: string }>(`SELECT md5(string_agg(${row}, E'\\n' ORDER BY ${order})) AS sum FROM ${table} t`)).rows[0]!.sum;
    }
    return out;
  });
}

/**
 * Every constraint and index of the schema (name and definition), sorted: what a load must leave as it found.
 * Attendance's leaf partitions are left out (a load adds the term's months); leafShape() checks them.
 */
export function schemaShape(url: string): Promise<string[]> {
  return withClient(url, async (c) => {
    const r = await c.query<{ d: string }>(
      `SELECT 'constraint ' || cl.relname || '.' || co.conname || ': ' || pg_get_constraintdef(co.oid) || CASE WHEN co.convalidated THEN '' ELSE ' (not valid)' END AS d
         FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid
        WHERE cl.relnamespace = current_schema()::regnamespace AND NOT cl.relispartition
       UNION ALL
       SELECT 'index ' || i.indexname || ': ' || i.indexdef FROM pg_indexes i JOIN pg_class cl ON cl.relname = i.tablename AND cl.relnamespace = current_schema()::regnamespace
        WHERE i.schemaname = current_schema() AND NOT cl.relispartition
       ORDER BY 1`,
    );
    return r.rows.map((row) => row.d);
  });
}

/** Per attendance leaf: its indexes' column lists, attached to the parent's, and its constraints' definitions. */
export function leafShape(url: string): Promise<Record<string, string[]>> {
  return withClient(url, async (c) => {
    const r = await c.query<{ leaf: string; d: string }>(
      `SELECT c.relname AS leaf, regexp_replace(pg_get_indexdef(x.indexrelid), '^.* USING ', '') || CASE WHEN EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = x.indexrelid) THEN ' attached' ELSE ' detached' END AS d
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_index x ON x.indrelid = c.oid
        WHERE i.inhparent = 'attendance'::regclass
       UNION ALL
       SELECT c.relname, pg_get_constraintdef(co.oid) || CASE WHEN co.convalidated THEN '' ELSE ' (not valid)' END
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_constraint co ON co.conrelid = c.oid
        WHERE i.inhparent = 'attendance'::regclass
       ORDER BY 1, 2`,
    );
    const out: Record<string, string[]> = {};
    for (const row of r.rows) (out[row.leaf] ??= []).push(row.d);
    return out;
  });
}
