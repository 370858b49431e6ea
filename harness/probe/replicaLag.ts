/*
 * The read replicas' lag as the primary sees it (pg_stat_replication): seconds behind in replay (replay_lag,
 * which Postgres leaves NULL once a standby is idle and caught up: read as 0 when no bytes are outstanding) and
 * bytes of WAL not yet replayed. Sampled through a run, summarised as max and p95, so a threshold can name it.
 */
import pg from 'pg';

export interface ReplicaLagSample {
  /** Standbys streaming from the primary (0: nothing to measure). */
  standbys: number;
  /** The most-behind standby's replay lag, s; null when not measurable. */
  replayLagS: number | null;
  bytesBehind: number | null;
}

export interface ReplicaLagSummary {
  samples: number;
  maxS: number | null;
  p95S: number | null;
  maxBytes: number | null;
}

const LAG_SQL = `
SELECT count(*)::int AS standbys,
       max(CASE WHEN replay_lag IS NULL AND pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) = 0 THEN 0
                ELSE extract(epoch FROM replay_lag) END)::float8 AS lag_s,
       max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn))::float8 AS bytes
FROM pg_stat_replication WHERE ($1::text IS NULL OR application_name = $1)`;

export async function readReplicaLag(client: pg.ClientBase, applicationName?: string | undefined): Promise<ReplicaLagSample> {
  const r = await client.query<{ standbys: number; lag_s: number | null; bytes: number | null }>(LAG_SQL, [applicationName ?? null]);
  const row = r.rows[0]!;
  return { standbys: row.standbys, replayLagS: row.standbys ? row.lag_s : null, bytesBehind: row.standbys ? row.bytes : null };
}

function p95(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
}

export function summariseLag(samples: readonly ReplicaLagSample[]): ReplicaLagSummary {
  const lags = samples.map((s) => s.replayLagS).filter((v): v is number => v !== null);
  const bytes = samples.map((s) => s.bytesBehind).filter((v): v is number => v !== null);
  return { samples: lags.length, maxS: lags.length ? Math.max(...lags) : null, p95S: p95(lags), maxBytes: bytes.length ? Math.max(...bytes) : null };
}

/** Samples every `intervalMs` on one connection until stop(); a failed sample is skipped, not fatal. */
export function sampleReplicaLag(primaryUrl: string, o: { applicationName?: string | undefined; intervalMs?: number | undefined } = {}): { stop(): Promise<ReplicaLagSummary> } {
  const samples: ReplicaLagSample[] = [];
  const client = new pg.Client({ connectionString: primaryUrl, application_name: 'scaleproof-replica-lag' });
  client.on('error', () => undefined); // a primary restart (a fault) ends sampling; what was sampled stays
  const connected = client.connect().then(() => true, () => false);
  let busy: Promise<unknown> | undefined;
  const tick = () => {
    if (busy) return; // one sample at a time on the one connection
    busy = connected.then(async (ok) => {
      if (ok) samples.push(await readReplicaLag(client, o.applicationName));
    }).catch(() => undefined).finally(() => {
      busy = undefined;
    });
  };
  tick();
  const timer = setInterval(tick, o.intervalMs ?? 1000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await busy;
      await client.end().catch(() => undefined);
      return summariseLag(samples);
    },
  };
}

/** Several trials' summaries as one: the worst max and p95 (a conservative p95), samples added. */
export function mergeLag(parts: readonly ReplicaLagSummary[]): ReplicaLagSummary | undefined {
  if (parts.length === 0) return undefined;
  const maxOf = (xs: Array<number | null>) => (xs.some((x) => x !== null) ? Math.max(...xs.filter((x): x is number => x !== null)) : null);
  return { samples: parts.reduce((n, p) => n + p.samples, 0), maxS: maxOf(parts.map((p) => p.maxS)), p95S: maxOf(parts.map((p) => p.p95S)), maxBytes: maxOf(parts.map((p) => p.maxBytes)) };
}
