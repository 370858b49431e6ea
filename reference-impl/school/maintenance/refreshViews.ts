/*
 * One run of refresh_school_analytics_views() (the three views, CONCURRENTLY, so analytics stay readable).
 * Over a district's tables it outlasts the API's per-statement budget, so it runs with its own, longer
 * statement_timeout, scoped to its transaction by SET LOCAL.
 */
import type { Database } from '../../platform/db/Database.ts';
import { optimizedStatements } from '../queries/optimizedStatements.ts';

export const VIEW_REFRESH_TIMEOUT_MS = 10 * 60_000;

export function refreshViews(db: Database): Promise<void> {
  return db.withClient(4, async (client) => {
    await client.query('BEGIN');
    try {
      await client.query(`SET LOCAL statement_timeout = ${VIEW_REFRESH_TIMEOUT_MS}`);
      await client.query(optimizedStatements.refreshViews());
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  });
}
