/*
 * One snapshot of every server-side counter we can reach, taken before and after the measured phase.
 * A probe that cannot be reached is recorded as missing (and said in the notes), never as zero.
 */
import { apiMetrics, type ApiMetricsSnapshot } from './apiMetrics.ts';
import { pgStats, type PgStatSnapshot } from './pgStats.ts';
import { redisInfo, type RedisInfoSnapshot } from './redisInfo.ts';

export interface ServerSnapshot {
  redis?: RedisInfoSnapshot | undefined;
  api?: ApiMetricsSnapshot | undefined;
  pg?: PgStatSnapshot | undefined;
  errors: string[];
}

export interface ProbeTargets {
  redisUrl?: string | undefined;
  apiUrl?: string | undefined;
  databaseUrl?: string | undefined;
}

export async function snapshotServer(t: ProbeTargets): Promise<ServerSnapshot> {
  const errors: string[] = [];
  const attempt = async <T>(what: string, f: (() => Promise<T>) | undefined): Promise<T | undefined> => {
    if (!f) return undefined;
    try {
      return await f();
    } catch (err) {
      errors.push(`${what} probe failed: ${(err as Error).message}`);
      return undefined;
    }
  };
  const [redis, api, pg] = await Promise.all([
    attempt('Redis INFO', t.redisUrl ? () => redisInfo(t.redisUrl!) : undefined),
    attempt('API /metrics', t.apiUrl ? () => apiMetrics(t.apiUrl!) : undefined),
    attempt('pg_stat_database', t.databaseUrl ? () => pgStats(t.databaseUrl!) : undefined),
  ]);
  return { redis, api, pg, errors };
}
