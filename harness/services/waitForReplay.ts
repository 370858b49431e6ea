/*
 * Waits until a standby has replayed everything its primary had written when the wait began, so reads routed to
 * it see the primary's data as of then. Polls (a server-side condition gives nothing to wait on).
 */
import { withPgClient } from './withPgClient.ts';
import { ScaleproofError } from '../errors/ScaleproofError.ts';

/** Waits until the standby has replayed the primary's WAL as of now; returns that LSN. */
export async function waitForReplay(primaryUrl: string, replicaUrl: string, timeoutMs: number): Promise<string> {
  const target = await withPgClient(primaryUrl, async (c) => (await c.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0]!.lsn);
  const deadline = Date.now() + timeoutMs;
  return withPgClient(replicaUrl, async (c) => {
    for (;;) {
      const r = await c.query<{ done: boolean; at: string | null }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done, pg_last_wal_replay_lsn()::text AS at', [target]);
      if (r.rows[0]?.done) return target;
      if (Date.now() > deadline) throw new ScaleproofError('SP_REPLICA', `the standby replayed only to ${r.rows[0]?.at ?? 'nothing'} of ${target} in ${timeoutMs / 1000} s; the machine may be too busy, or run with --replica off.`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
}
