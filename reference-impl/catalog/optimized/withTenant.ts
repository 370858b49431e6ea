/*
 * Runs one statement for a tenant in ONE round trip, the statement's $n values inlined with pg's escapeLiteral
 * and sent as one simple-protocol string (which takes no parameters), so a request holds its pooled connection
 * for one round trip.
 *
 * With row-level security ('rls', the optimized variant), PostgREST-style: one transaction that first switches
 * to the API role and sets the tenant, so RLS (schema/rls/001) and not a WHERE clause decides which rows exist:
 *   BEGIN; SELECT set_config('role', 'catalog_api', true), set_config('app.client_id', '<uuid>', true);
 *   <the statement>; COMMIT
 * Both settings are transaction-local, so a pooled connection carries nothing to the next request. Four
 * statements, counted as four. Without RLS ('where', phases 1 and 2) the statement alone, as the connecting
 * role, its `$T` predicates naming the tenant: one statement, its own transaction.
 */
import type pg from 'pg';
import type { Database } from '../../platform/db/Database.ts';
import { isDatabaseUnavailable } from '../../platform/db/unavailableAs503.ts';
import { HttpError, httpErrors } from '../../platform/errors/httpErrors.ts';
import { isUuid } from '../validation/catalogInput.ts';
import type { TenantIsolation } from './statements.ts';

export const API_ROLE = 'catalog_api';
/** BEGIN, set_config, COMMIT. */
export const TENANT_OVERHEAD_STATEMENTS = 3;

/** A value as an SQL literal: pg's escapeLiteral for text (and dates, as ISO text), numbers only when finite. */
function literal(v: unknown, escape: (s: string) => string): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string') return escape(v);
  if (v instanceof Date) return escape(v.toISOString());
  throw new Error(`runAsTenant: cannot inline a ${typeof v} value`);
}

/**
 * The rows of `text` run as tenant `clientId` (a UUID, checked). Every statement here is ours and has no "$"
 * but its $n values and $T (the tenant); values are inlined in one pass, so a value's own "$1" stays text.
 */
export async function runAsTenant<R>(db: Database, isolation: TenantIsolation, clientId: string, text: string, values: readonly unknown[]): Promise<R[]> {
  if (!isUuid(clientId)) throw new Error(`runAsTenant: ${JSON.stringify(clientId)} is not a UUID`);
  const tenant = clientId.toLowerCase();
  const rls = isolation === 'rls';
  try {
    return await db.withClient(rls ? TENANT_OVERHEAD_STATEMENTS + 1 : 1, async (c) => {
      const statement = text.replace(/\$(\d+|T)/g, (_, n: string) => (n === 'T' ? `'${tenant}'::uuid` : literal(values[Number(n) - 1], (s) => c.escapeLiteral(s))));
      if (!rls) return (await c.query(statement)).rows as R[];
      try {
        const results = (await c.query(
          `BEGIN; SELECT set_config('role', '${API_ROLE}', true), set_config('app.client_id', '${tenant}', true); ${statement}; COMMIT`,
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
