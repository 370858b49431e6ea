/*
 * Which of a run's write ids are stored in pin_analytics (the acked-write check, harness/faults). `since` bounds
 * created_at, so monthly partitions prune to the run's and an earlier run's ids on a reused dataset never count.
 */
import pg from 'pg';

const BATCH = 50_000;

export async function storedWriteIds(databaseUrl: string, ids: readonly number[], since: Date): Promise<Set<number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const stored = new Set<number>();
    for (let i = 0; i < ids.length; i += BATCH) {
      const r = await client.query<{ id: string }>(
        'SELECT DISTINCT write_id::text AS id FROM pin_analytics WHERE created_at >= $2 AND write_id = ANY($1::bigint[])',
        [ids.slice(i, i + BATCH), since],
      );
      for (const row of r.rows) stored.add(Number(row.id));
    }
    return stored;
  } finally {
    await client.end();
  }
}
