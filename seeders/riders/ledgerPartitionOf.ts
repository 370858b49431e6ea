/*
 * Which hash partition of wallet_ledger each rider's rows land in, asked of Postgres itself
 * (satisfies_hash_partition, the check a hash partition's constraint runs), so the seeder can COPY ledger rows
 * straight into their leaf with FREEZE instead of routing every row through the parent. One array_agg per
 * remainder: about 4 MB of text for 1M riders.
 */
import type pg from 'pg';

export async function ledgerPartitionOf(client: pg.ClientBase, riders: number): Promise<{ names: string[]; of: Uint16Array }> {
  const parts = (await client.query<{ name: string; remainder: number; modulus: number }>(
    `SELECT c.relname AS name, (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'remainder (\\d+)'))[1]::int AS remainder,
            (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'modulus (\\d+)'))[1]::int AS modulus
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'wallet_ledger'::regclass ORDER BY 2`)).rows;
  const of = new Uint16Array(riders + 1);
  for (const p of parts) {
    const ids = (await client.query<{ ids: number[] | null }>(
      `SELECT array_agg(g) AS ids FROM generate_series(1, $1::int) g WHERE satisfies_hash_partition('wallet_ledger'::regclass, $2, $3, g::bigint)`,
      [riders, p.modulus, p.remainder])).rows[0]?.ids ?? [];
    for (const id of ids) of[id] = p.remainder;
  }
  return { names: parts.map((p) => p.name), of };
}
