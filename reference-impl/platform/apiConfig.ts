/*
 * The API's settings: one defaults object, overridden by validated values (autocannon's defaultOptions +
 * validate). The environment is read elsewhere (harness/config/readEnv.ts); this file never touches it.
 */
export interface ApiConfig {
  databaseUrl: string;
  /** Analytics reads go here when set (seed 000: "direct summary queries to replica"). */
  databaseReplicaUrl?: string | undefined;
  /** Undefined means the in-process cache fallback. */
  redisUrl?: string | undefined;
  /** Prefix of every Redis key this API writes, so tests and runs can share one Redis. */
  redisKeyPrefix: string;
  host: string;
  port: number;
  pgPoolMax: number;
  statementTimeoutMs: number;
  pinTtlS: number;
  userTtlS: number;
  analyticsTtlS: number;
  flushIntervalMs: number;
  flushMaxEvents: number;
  bufferMaxEvents: number;
  mvRefreshIntervalS: number;
  partitionMonthsAhead: number;
  bodyLimitBytes: number;
  /** Months of pin_analytics partitions kept online (seed 000: 12 months retention). */
  partitionRetentionMonths: number;
  /** Run migrate() (idempotent, advisory-locked) before listening; server.ts only. */
  migrateOnStart: boolean;
  /** 'silent' turns the Fastify logger off (benchmarks); background failures still reach stderr. */
  logLevel: ApiLogLevel;
}

export const API_LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type ApiLogLevel = (typeof API_LOG_LEVELS)[number];

export const defaultApiConfig: Omit<ApiConfig, 'databaseUrl'> = Object.freeze({
  redisKeyPrefix: '',
  host: '127.0.0.1',
  port: 3000,
  pgPoolMax: 10,
  statementTimeoutMs: 5000,
  pinTtlS: 60, // seed 000: public PIN cached 60 s
  userTtlS: 300,
  analyticsTtlS: 300,
  flushIntervalMs: 500, // seed 000: batch insert every 500 ms ...
  flushMaxEvents: 1000, // ... or when the buffer reaches a size threshold
  bufferMaxEvents: 100_000,
  mvRefreshIntervalS: 60,
  partitionMonthsAhead: 6, // seed 000: current + next 6 months
  bodyLimitBytes: 1024,
  partitionRetentionMonths: 12, // seed 000: keep 12 months online
  migrateOnStart: true,
  logLevel: 'info',
});
