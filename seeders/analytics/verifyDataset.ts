/*
 * Proves the load (seeders/engine/verifyLoadUnits.ts: every relation holds exactly the rows generated for it),
 * and pin_analytics' DEFAULT partition, where there is one, is empty (every event
 * reached its month).
 * A mismatch is an SP_SEED_FAILED error naming the relation; the manifest then stays 'loading'.
 */
import type pg from 'pg';
import { verifyLoadUnits } from '../engine/verifyLoadUnits.ts';
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
  const rowCounts = await verifyLoadUnits(databaseUrl, streams, units, rendered);
  return { rowCounts, defaultPartitionRows: opts.defaultPartition === false ? null : await countDefaultPartition(client) };
}
