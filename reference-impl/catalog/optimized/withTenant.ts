/*
 * Runs statements as the tenant, PostgREST-style: one transaction that first switches to the API role and sets
 * the tenant, so row-level security (schema/optimized/004) and not a WHERE clause decides which rows exist:
 *   BEGIN; SELECT set_config('role', 'catalog_api', true), set_config('app.client_id', '<uuid>', true);
 *   <the request's statements>; COMMIT
 * Both settings are transaction-local, so a pooled connection carries nothing to the next request. BEGIN and
 * set_config go in one round trip (the client id is a validated UUID, inlined as a literal), but they are two
 * statements and counted as two: a one-SELECT read costs 4 statements (BEGIN, set_config, SELECT, COMMIT).
 *
 * `fn` may return an HttpError instead of throwing it: the transaction is then rolled back (a refused order
 * leaves no decrement behind) and the error thrown after the connection went back to the pool intact.
 */
import type pg from 'pg';
import type { Database } from '../../platform/db/Database.ts';
import { isDatabaseUnavailable } from '../../platform/db/unavailableAs503.ts';
import { HttpError, httpErrors } from '../../platform/errors/httpErrors.ts';
import { isUuid } from '../validation/catalogInput.ts';

export const API_ROLE = 'catalog_api';
/** BEGIN, set_config, COMMIT (or ROLLBACK). */
export const TENANT_OVERHEAD_STATEMENTS = 3;

export async function withTenant<T>(db: Database, clientId: string, statements: number, fn: (c: pg.PoolClient) => Promise<T | HttpError>): Promise<T> {
  if (!isUuid(clientId)) throw new Error(`withTenant: ${JSON.stringify(clientId)} is not a UUID`);
  let refused: HttpError | undefined;
  let result: T | undefined;
  try {
    await db.withClient(TENANT_OVERHEAD_STATEMENTS + statements, async (c) => {
      await c.query(`BEGIN; SELECT set_config('role', '${API_ROLE}', true), set_config('app.client_id', '${clientId.toLowerCase()}', true)`);
      try {
        const r = await fn(c);
        if (r instanceof HttpError) {
          refused = r;
          await c.query('ROLLBACK');
          return;
        }
        await c.query('COMMIT');
        result = r;
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw isDatabaseUnavailable(err) ? httpErrors.databaseUnavailable(err) : err;
  }
  if (refused !== undefined) throw refused;
  return result as T;
}

/** A value as an SQL literal: pg's escapeLiteral for text (and dates, as ISO text), numbers only when finite. */
function literal(v: unknown, escape: (s: string) => string): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string') return escape(v);
  if (v instanceof Date) return escape(v.toISOString());
  throw new Error(`readAsTenant: cannot inline a ${typeof v} value`);
}

/**
 * One read in ONE round trip: BEGIN, the tenant context, the SELECT and COMMIT sent as one simple-protocol
 * string, so a cache miss holds its pooled connection for one round trip instead of three (the simple protocol
 * takes no parameters: the statement's $n are inlined with pg's escapeLiteral; every statement here is ours and
 * has no other "$"). Still 4 statements, and counted as 4.
 */
export async function readAsTenant<R>(db: Database, clientId: string, text: string, values: readonly unknown[]): Promise<R[]> {
  if (!isUuid(clientId)) throw new Error(`readAsTenant: ${JSON.stringify(clientId)} is not a UUID`);
  try {
    return await db.withClient(TENANT_OVERHEAD_STATEMENTS + 1, async (c) => {
      const select = text.replace(/\$(\d+)/g, (_, n: string) => literal(values[Number(n) - 1], (s) => c.escapeLiteral(s)));
      try {
        const results = (await c.query(
          `BEGIN; SELECT set_config('role', '${API_ROLE}', true), set_config('app.client_id', '${clientId.toLowerCase()}', true); ${select}; COMMIT`,
        )) as unknown as pg.QueryResult[];
        return results[2]!.rows as R[];
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw isDatabaseUnavailable(err) ? httpErrors.databaseUnavailable(err) : err;
  }
}
