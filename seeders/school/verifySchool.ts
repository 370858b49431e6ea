/*
 * Proves the load: every relation holds exactly the rows generated for it (counted by Postgres, not taken
 * from COPY's reply), the generator streamed what the plan counted, and attendance's DEFAULT partition is
 * empty (every day reached its month). A mismatch is an SP_SEED_FAILED error naming the relation; the
 * manifest then stays 'loading'.
 */
import type pg from 'pg';
import { ScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import { verifyLoadUnits } from '../engine/verifyLoadUnits.ts';
import type { LoadUnit } from '../engine/LoadUnit.ts';

export async function countAttendanceDefault(client: pg.ClientBase): Promise<number> {
  const r = await client.query<{ n: string }>('SELECT count(*) AS n FROM attendance_default');
  return Number(r.rows[0]?.n ?? 0);
}

export async function verifySchool(databaseUrl: string, client: pg.ClientBase, streams: number, units: LoadUnit[], rendered: Record<string, number>): Promise<{ rowCounts: Record<string, number>; defaultPartitionRows: number }> {
  const rowCounts = await verifyLoadUnits(databaseUrl, streams, units, rendered);
  const defaultPartitionRows = await countAttendanceDefault(client);
  if (defaultPartitionRows !== 0) {
    throw new ScaleproofError('SP_SEED_FAILED', `attendance_default holds ${defaultPartitionRows} rows; every term day should have its month partition (ensure_attendance_partitions).`);
  }
  return { rowCounts, defaultPartitionRows };
}
