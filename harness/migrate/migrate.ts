/*
 * Applies a workload variant's migrations: every NNN_*.sql of each folder, folders in order, files in name
 * order. Every file is idempotent, so all of them run every time; an advisory lock keeps two processes
 * (seeder, API) from migrating at once. With a schema, it is created first and the migrations run with
 * search_path = schema, public, so their unqualified objects land in it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import { schemaOf } from './schemaUrl.ts';

const LOCK_KEY = 727_001; // arbitrary, constant: "scaleproof migrations"

export interface Queryable {
  query(sql: string, values?: unknown[]): Promise<unknown>;
}

/** Absolute paths of the migrations of `dirs`, in the order they run. */
export async function listMigrations(dirs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const dir of dirs) {
    const files = await fs.readdir(dir).catch((err: NodeJS.ErrnoException) => {
      throw new ScaleproofError('SP_CONFIG', `migration folder ${dir} cannot be read (${err.code}); check the workload's variant definition.`);
    });
    out.push(...files.filter((f) => /^\d{3}_.*\.sql$/.test(f)).sort().map((f) => path.join(dir, f)));
  }
  return out;
}

/**
 * Runs every migration on one connection; returns the files applied. A URL made by withSchema() migrates that
 * schema; a Queryable is used as it is (its search_path already chosen by whoever connected it).
 */
export async function migrate(target: string | Queryable, dirs: readonly string[]): Promise<string[]> {
  const client = typeof target === 'string' ? new pg.Client({ connectionString: target }) : undefined;
  const db: Queryable = client ?? (target as Queryable);
  const schema = typeof target === 'string' ? schemaOf(target) : undefined;
  if (client) await client.connect();
  const files = await listMigrations(dirs);
  try {
    await db.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      if (schema) await db.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      for (const file of files) {
        const sql = await fs.readFile(file, 'utf8');
        await db.query('BEGIN');
        try {
          await db.query(sql);
          await db.query('COMMIT');
        } catch (err) {
          await db.query('ROLLBACK');
          throw new Error(`migration ${path.basename(path.dirname(file))}/${path.basename(file)} failed: ${(err as Error).message}`, { cause: err });
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
