/*
 * One statement, with the database's failures sorted: when Postgres is unreachable, overloaded, restarting or
 * the statement timed out, the client gets 503 DB_UNAVAILABLE with Retry-After (a condition to retry), not a
 * 500. Anything else (a constraint the caller maps to a 4xx, or a bug) is rethrown as it is.
 */
import type pg from 'pg';
import type { Database } from '../../platform/db/Database.ts';
import { httpErrors } from '../../platform/errors/httpErrors.ts';

/** SQLSTATE classes that mean "the database cannot serve now": connection (08), resources (53), operator (57). */
const UNAVAILABLE_CLASSES = new Set(['08', '53', '57']);

export function isUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  // No SQLSTATE: the pool or socket failed (ECONNREFUSED, connection timeout, terminated).
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return true;
  return UNAVAILABLE_CLASSES.has(code.slice(0, 2));
}

export async function runQuery<R extends pg.QueryResultRow>(db: Database, q: pg.QueryConfig): Promise<pg.QueryResult<R>> {
  try {
    return await db.query<R>(q);
  } catch (err) {
    throw isUnavailable(err) ? httpErrors.databaseUnavailable(err) : err;
  }
}

/** The SQLSTATE of a Postgres error, if it is one. */
export function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
