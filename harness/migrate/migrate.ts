/*
 * Applies reference-impl/analytics/schema/optimized/*.sql in file-name order. Every file is idempotent, so all of them run
 * every time; an advisory lock keeps two processes (seeder, API) from migrating at once.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const schemaDir = fileURLToPath(new URL('../../reference-impl/analytics/schema/optimized/', import.meta.url));
const LOCK_KEY = 727_001; // arbitrary, constant: "scaleproof migrations"

export interface Queryable {
  query(sql: string, values?: unknown[]): Promise<unknown>;
}

export async function listMigrations(): Promise<string[]> {
  return (await fs.readdir(schemaDir)).filter((f) => /^\d{3}_.*\.sql$/.test(f)).sort();
}

/** Runs every migration on one connection; returns the file names applied. */
export async function migrate(target: string | Queryable): Promise<string[]> {
  const client = typeof target === 'string' ? new pg.Client({ connectionString: target }) : undefined;
  const db: Queryable = client ?? (target as Queryable);
  if (client) await client.connect();
  const files = await listMigrations();
  try {
    await db.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      for (const file of files) {
        const sql = await fs.readFile(path.join(schemaDir, file), 'utf8');
        await db.query('BEGIN');
        try {
          await db.query(sql);
          await db.query('COMMIT');
        } catch (err) {
          await db.query('ROLLBACK');
          throw new Error(`migration ${file} failed: ${(err as Error).message}`, { cause: err });
        }
      }
    } finally {
      await db.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  } finally {
    await client?.end();
  }
  return files;
}
