/*
 * Postgres-side counters: pg_stat_database for the run's database, and pg_stat_statements when the extension
 * is installed (it needs shared_preload_libraries; embedded Postgres preloads it, a given DATABASE_URL may not).
 */
import pg from 'pg';

export interface PgStatSnapshot {
  xactCommit: number;
  xactRollback: number;
  blksHit: number;
  blksRead: number;
  tupInserted: number;
  numBackends: number;
  /** maxMs: pg_stat_statements max_exec_time, the longest single execution since the stats were reset. */
  statements?: Map<string, { query: string; calls: number; totalMs: number; maxMs?: number | undefined }> | undefined;
}

export async function pgStats(url: string): Promise<PgStatSnapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query(
      `SELECT xact_commit, xact_rollback, blks_hit, blks_read, tup_inserted, numbackends
         FROM pg_stat_database WHERE datname = current_database()`,
    );
    const row = r.rows[0] ?? {};
    const snap: PgStatSnapshot = {
      xactCommit: Number(row.xact_commit ?? 0),
      xactRollback: Number(row.xact_rollback ?? 0),
      blksHit: Number(row.blks_hit ?? 0),
      blksRead: Number(row.blks_read ?? 0),
      tupInserted: Number(row.tup_inserted ?? 0),
      numBackends: Number(row.numbackends ?? 0),
    };
    const ext = await client.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'`);
    if (ext.rowCount) {
      const s = await client
        .query(`SELECT queryid::text AS id, query, calls, total_exec_time, max_exec_time FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`)
        .catch(() => undefined); // installed but not preloaded: the view errors; treat as absent
      if (s) snap.statements = new Map(s.rows.map((x) => [x.id as string, { query: x.query as string, calls: Number(x.calls), totalMs: Number(x.total_exec_time), maxMs: Number(x.max_exec_time) }]));
    }
    return snap;
  } finally {
    await client.end();
  }
}

/** Creates pg_stat_statements when the server has it preloaded; returns whether it is usable. */
export async function enablePgStatStatements(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const preload = await client.query<{ v: string }>(`SELECT current_setting('shared_preload_libraries') AS v`);
    if (!preload.rows[0]?.v.includes('pg_stat_statements')) return false;
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    return true;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}
