/*
 * Proves the load: every relation holds exactly the rows generated for it (counted by Postgres, not
 * taken from COPY's reply), and pin_analytics' DEFAULT partition, where there is one, is empty (every event
 * reached its month).
 * A mismatch is an SP_SEED_FAILED error naming the relation; the manifest then stays 'loading'.
 */
import type pg from 'pg';
import { ScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import { onParallelClients } from '../engine/onParallelClients.ts';
import type { LoadUnit } from '../engine/LoadUnit.ts';

export interface Verification {
  rowCounts: Record<string, number>;
  /** null when pin_analytics has no DEFAULT partition (the naive variant's plain table). */
  defaultPartitionRows: number | null;
}

export async function countDefaultPartition(client: pg.ClientBase): Promise<number> {
  const r = await client.query<{ n: string }>('SELECT count(*) AS n FROM pin_analytics_default');
  return Number(r.rows[0]?.n ?? 0);
}

export async function verifyDataset(
  databaseUrl: string, client: pg.ClientBase, streams: number, units: LoadUnit[], rendered: Record<string, number>,
  opts: { defaultPartition?: boolean } = {},
): Promise<Verification> {
  const counted = new Map<string, number>();
  await onParallelClients(databaseUrl, streams, units.map((u) => async (c) => {
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
  return { rowCounts, defaultPartitionRows: opts.defaultPartition === false ? null : await countDefaultPartition(client) };
}
