/*
 * Proves a load: every relation holds exactly the rows generated for it (counted by Postgres, not taken from
 * COPY's reply), and the generator streamed what the plan counted. A mismatch is an SP_SEED_FAILED error
 * naming the relation; the caller's manifest then stays 'loading'. Returns the verified rows per table.
 */
import { ScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import type { LoadUnit } from './LoadUnit.ts';
import { onParallelClients } from './onParallelClients.ts';

export async function verifyLoadUnits(databaseUrl: string, streams: number, units: LoadUnit[], rendered: Record<string, number>): Promise<Record<string, number>> {
  const counted = new Map<string, number>();
  // Biggest relations first, so the parallel counts finish together.
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
  return rowCounts;
}
