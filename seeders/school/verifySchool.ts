/*
 * Proves the load: every relation holds exactly the rows generated for it (counted by Postgres, not taken
 * from COPY's reply), the generator streamed what the plan counted, and attendance's DEFAULT partition is
 * empty (every day reached its month). A mismatch is an SP_SEED_FAILED error naming the relation; the
 * manifest then stays 'loading'.
 */
import type pg from 'pg';
import { ScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import { onParallelClients } from '../engine/onParallelClients.ts';
import type { LoadUnit } from '../engine/LoadUnit.ts';

export async function countAttendanceDefault(client: pg.ClientBase): Promise<number> {
  const r = await client.query<{ n: string }>('SELECT count(*) AS n FROM attendance_default');
  return Number(r.rows[0]?.n ?? 0);
}

export async function verifySchool(databaseUrl: string, client: pg.ClientBase, streams: number, units: LoadUnit[], rendered: Record<string, number>): Promise<{ rowCounts: Record<string, number>; defaultPartitionRows: number }> {
  const counted = new Map<string, number>();
  await onParallelClients(databaseUrl, streams, [...units].sort((a, b) => b.rows - a.rows).map((u) => async (c) => {
    const r = await c.query<{ n: string }>(`SELECT count(*) AS n FROM "${u.relation}"`);
    counted.set(u.relation, Number(r.rows[0]?.n ?? 0));
  }));
  const rowCounts: Record<string, number> = {};
  for (const u of units) {
    const n = counted.get(u.relation) ?? 0;
    if (n !== u.rows) {
      throw new ScaleproofError('SP_SEED_FAILED', `${u.relation} holds ${n} rows but ${u.rows} were generated; the load is incomplete, run the seed again.`, { relation: u.relation, expected: u.rows, actual: n });
    }
    rowCounts[u.table] = (rowCounts[u.table] ?? 0) + n;
  }
  for (const [table, n] of Object.entries(rowCounts)) {
    if (rendered[table] !== n) {
      throw new ScaleproofError('SP_SEED_FAILED', `${table}: the generator streamed ${rendered[table] ?? 0} rows but the plan has ${n}; this is a seeder bug.`, { table, expected: n, actual: rendered[table] });
    }
  }
  const defaultPartitionRows = await countAttendanceDefault(client);
  if (defaultPartitionRows !== 0) {
    throw new ScaleproofError('SP_SEED_FAILED', `attendance_default holds ${defaultPartitionRows} rows; every term day should have its month partition (ensure_attendance_partitions).`);
  }
  return { rowCounts, defaultPartitionRows };
}
