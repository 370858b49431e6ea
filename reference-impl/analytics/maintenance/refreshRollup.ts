/*
 * Refreshes the 30/90-day rollup. CONCURRENTLY keeps dashboards readable during the refresh (it needs the
 * unique index pin_analytics_mv_key). A refresh over a large table outlasts the API's per-statement budget,
 * so it runs with its own, longer statement_timeout, scoped to its transaction by SET LOCAL.
 */
import type { Database } from '../../platform/db/Database.ts';

export const ROLLUP_REFRESH_TIMEOUT_MS = 10 * 60_000;

export function refreshRollup(db: Database): Promise<void> {
  return db.withClient(4, async (client) => {
    await client.query('BEGIN');
    try {
      await client.query(`SET LOCAL statement_timeout = ${ROLLUP_REFRESH_TIMEOUT_MS}`);
      await client.query('REFRESH MATERIALIZED VIEW CONCURRENTLY pin_analytics_mv');
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  });
}
