/*
 * Seed 000's alert "Partition missing for current month": for each of the workload's RANGE-partitioned tables
 * (Workload.partitionedTables), is there a partition (not the DEFAULT one, which only catches the rows a missing
 * partition lets through) whose bounds hold now()? Bounds are read from the catalog (pg_get_expr of relpartbound)
 * and compared by Postgres itself, in the database's own clock. A table this variant does not partition by range
 * (the naive variant's plain table, a HASH-partitioned one) or does not have is reported as such and not counted.
 */
import pg from 'pg';
import type { ServerSide } from '../model/RunSummary.ts';

type Partitions = NonNullable<ServerSide['partitions']>;
type TableState = Partitions['tables'][string];

/** "FOR VALUES FROM ('2026-11-01 00:00:00+00') TO ('2026-12-01 00:00:00+00')" -> its two single-column literals. */
export function rangeBounds(bound: string): { from: string | null; to: string | null } | undefined {
  const m = /^FOR VALUES FROM \((.*)\) TO \((.*)\)$/s.exec(bound.trim());
  if (!m) return undefined;
  const literal = (s: string): string | null => {
    const t = s.trim();
    if (/^(MINVALUE|MAXVALUE)$/i.test(t)) return null;
    return t.startsWith("'") && t.endsWith("'") ? t.slice(1, -1).replace(/''/g, "'") : t;
  };
  return { from: literal(m[1]!), to: literal(m[2]!) };
}

async function tableState(client: pg.Client, table: string): Promise<TableState> {
  const kind = await client.query<{ relkind: string | null; strategy: string | null }>(
    `SELECT c.relkind, p.partstrat AS strategy FROM pg_class c LEFT JOIN pg_partitioned_table p ON p.partrelid = c.oid WHERE c.oid = to_regclass($1)`,
    [table],
  );
  const row = kind.rows[0];
  if (!row) return { covered: false, partition: null, partitioned: false, why: 'no such table in this variant' };
  if (row.relkind !== 'p' || row.strategy !== 'r') return { covered: false, partition: null, partitioned: false, why: row.relkind === 'p' ? 'partitioned, but not by range' : 'not partitioned in this variant' };
  const parts = await client.query<{ name: string; bound: string }>(
    `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass($1) ORDER BY c.relname`,
    [table],
  );
  for (const p of parts.rows) {
    const b = rangeBounds(p.bound);
    if (!b) continue; // DEFAULT
    // The partition key's type may be date or timestamptz; both compare with now() as timestamptz.
    const r = await client.query<{ holds: boolean }>(
      `SELECT ($1::text IS NULL OR now() >= $1::timestamptz) AND ($2::text IS NULL OR now() < $2::timestamptz) AS holds`,
      [b.from, b.to],
    );
    if (r.rows[0]?.holds) return { covered: true, partition: p.name };
  }
  return { covered: false, partition: null };
}

/** `databaseUrl` is scoped to the variant's schema (search_path), so unqualified table names resolve there. */
export async function probePartitions(databaseUrl: string, tables: readonly string[]): Promise<Partitions> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const out: Partitions = { tables: {}, missing: 0 };
    for (const table of tables) {
      const state = await tableState(client, table);
      out.tables[table] = state;
      if (state.partitioned !== false && !state.covered) out.missing++;
    }
    return out;
  } catch (err) {
    return { tables: {}, missing: 0, error: (err as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
}
