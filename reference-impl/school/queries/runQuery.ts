/*
 * One statement, with the database's failures sorted (platform/db/unavailableAs503.ts): when Postgres is
 * unreachable, overloaded, restarting or the statement timed out, the client gets 503 DB_UNAVAILABLE with
 * Retry-After (a condition to retry), not a 500. Anything else (a constraint the caller maps to a 4xx, or a bug)
 * is rethrown as it is.
 */
import type pg from 'pg';
import type { Database } from '../../platform/db/Database.ts';
import { unavailableAs503 } from '../../platform/db/unavailableAs503.ts';

export function runQuery<R extends pg.QueryResultRow>(db: Database, q: pg.QueryConfig): Promise<pg.QueryResult<R>> {
  return unavailableAs503(() => db.query<R>(q));
}
