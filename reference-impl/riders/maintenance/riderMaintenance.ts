/*
 * The optimized variant's background statements, each in its own transaction with a longer statement_timeout
 * than the API's per-request budget (a refresh over a million riders outlasts it), scoped by SET LOCAL:
 * - the two views, REFRESH ... CONCURRENTLY through refresh_rider_leaderboard() and
 *   refresh_rider_performance_summary(), so readers are never blocked;
 * - the location_logs partitions of this month and the next (create_location_logs_partition), so the write
 *   buffer never meets a month without a partition;
 * - archival: archive_old_location_logs(keep_months), returning the partitions it dropped.
 */
import type pg from 'pg';
import type { Database } from '../../platform/db/Database.ts';

export const MAINTENANCE_TIMEOUT_MS = 10 * 60_000;

async function inTransaction<T>(db: Database, statements: number, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return db.withClient(statements + 3, async (client) => {
    await client.query('BEGIN');
    try {
      await client.query(`SET LOCAL statement_timeout = ${MAINTENANCE_TIMEOUT_MS}`);
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  });
}

export const RIDER_VIEWS = {
  leaderboard: 'refresh_rider_leaderboard',
  performance: 'refresh_rider_performance_summary',
} as const;

export function refreshView(db: Database, fn: (typeof RIDER_VIEWS)[keyof typeof RIDER_VIEWS]): Promise<void> {
  return inTransaction(db, 1, async (c) => {
    await c.query(`SELECT ${fn}()`);
  });
}

export function ensureLocationPartitions(db: Database): Promise<void> {
  return inTransaction(db, 2, async (c) => {
    await c.query('SELECT create_location_logs_partition(current_date)');
    await c.query(`SELECT create_location_logs_partition((current_date + interval '1 month')::date)`);
  });
}

/** The partitions dropped, oldest first. */
export function archiveLocationLogs(db: Database, keepMonths: number): Promise<string[]> {
  return inTransaction(db, 1, async (c) =>
    (await c.query<{ p: string }>('SELECT p FROM archive_old_location_logs($1) AS p', [keepMonths])).rows.map((r) => r.p));
}
