/*
 * The one place that reads the environment (zx's resolveDefaults(defs, prefix, env)): it takes `env` as an
 * argument so tests pass a fake one, reads only the names listed here, validates, and freezes.
 */
import path from 'node:path';
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import { API_LOG_LEVELS, defaultApiConfig, type ApiConfig, type ApiLogLevel } from '../../reference-impl/platform/apiConfig.ts';

export interface Env {
  databaseUrl?: string | undefined;
  databaseReplicaUrl?: string | undefined;
  redisUrl?: string | undefined;
  /** Where embedded Postgres keeps its data between runs. */
  dataDir: string;
  k6Bin?: string | undefined;
  /** PATH, for finding redis-server and k6. */
  pathVar: string | undefined;
  /** Overrides for the reference API (PORT, HOST, SCALEPROOF_*). */
  api: Omit<ApiConfig, 'databaseUrl' | 'databaseReplicaUrl' | 'redisUrl'>;
}

type Source = Readonly<Record<string, string | undefined>>;

/** Every environment variable scaleproof reads, with what it means (the README lists the same). */
export const envVariables = {
  DATABASE_URL: 'Postgres to use; unset means embedded Postgres under SCALEPROOF_DATA_DIR',
  DATABASE_REPLICA_URL: 'optional read replica for analytics reads',
  REDIS_URL: 'Redis to use; unset means redis-server from PATH, else an in-process cache',
  PORT: 'API listen port (0 picks a free one)',
  HOST: 'API listen host',
  K6_BIN: 'path of the k6 binary for --driver k6 (else k6 on PATH)',
  SCALEPROOF_DATA_DIR: 'embedded Postgres data directory (default .scaleproof/pg)',
  SCALEPROOF_REDIS_PREFIX: 'prefix of every Redis key the API writes',
  SCALEPROOF_PG_POOL_MAX: 'API pg pool size',
  SCALEPROOF_STATEMENT_TIMEOUT_MS: 'API statement_timeout',
  SCALEPROOF_PIN_TTL_S: 'TTL of pin:<number>',
  SCALEPROOF_USER_TTL_S: 'TTL of user:<id>',
  SCALEPROOF_ANALYTICS_TTL_S: 'TTL of pin:analytics:<number>:<day>',
  SCALEPROOF_FLUSH_INTERVAL_MS: 'write buffer flush interval',
  SCALEPROOF_FLUSH_MAX_EVENTS: 'write buffer flushes when it holds this many events',
  SCALEPROOF_BUFFER_MAX_EVENTS: 'write buffer bound; beyond it POST answers 503',
  SCALEPROOF_MV_REFRESH_INTERVAL_S: 'materialized view refresh period (0 disables)',
  SCALEPROOF_PARTITION_MONTHS_AHEAD: 'months of partitions kept ahead of now()',
  SCALEPROOF_PARTITION_RETENTION_MONTHS: 'months of pin_analytics partitions kept before they are dropped',
  SCALEPROOF_BODY_LIMIT_BYTES: 'largest request body the API accepts',
  SCALEPROOF_MIGRATE_ON_START: 'API runs the (idempotent) migrations before listening: 1 or 0',
  SCALEPROOF_LOG_LEVEL: 'API log level: silent, error, warn, info or debug',
} as const;

function int(env: Source, name: keyof typeof envVariables, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    throw new ScaleproofError('SP_CONFIG', `${name}=${JSON.stringify(raw)} is not a whole number >= ${min}; fix or unset it.`);
  }
  return n;
}

function flag(env: Source, name: keyof typeof envVariables, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new ScaleproofError('SP_CONFIG', `${name}=${JSON.stringify(raw)} must be 1 or 0; fix or unset it.`);
}

function logLevel(env: Source, fallback: ApiLogLevel): ApiLogLevel {
  const raw = env.SCALEPROOF_LOG_LEVEL;
  if (raw === undefined || raw === '') return fallback;
  if ((API_LOG_LEVELS as readonly string[]).includes(raw)) return raw as ApiLogLevel;
  throw new ScaleproofError('SP_CONFIG', `SCALEPROOF_LOG_LEVEL=${JSON.stringify(raw)} must be one of ${API_LOG_LEVELS.join(', ')}.`);
}

function url(env: Source, name: 'DATABASE_URL' | 'DATABASE_REPLICA_URL' | 'REDIS_URL', schemes: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ScaleproofError('SP_CONFIG', `${name} is not a URL; expected ${schemes[0]}://user@host:port/...`);
  }
  if (!schemes.includes(parsed.protocol.replace(/:$/, ''))) {
    throw new ScaleproofError('SP_CONFIG', `${name} must start with ${schemes.map((s) => s + '://').join(' or ')}`);
  }
  return raw;
}

export function readEnv(env: Source, cwd: string = '.'): Readonly<Env> {
  const d = defaultApiConfig;
  return Object.freeze({
    databaseUrl: url(env, 'DATABASE_URL', ['postgres', 'postgresql']),
    databaseReplicaUrl: url(env, 'DATABASE_REPLICA_URL', ['postgres', 'postgresql']),
    redisUrl: url(env, 'REDIS_URL', ['redis', 'rediss']),
    dataDir: path.resolve(cwd, env.SCALEPROOF_DATA_DIR || '.scaleproof/pg'),
    k6Bin: env.K6_BIN || undefined,
    pathVar: env.PATH,
    api: Object.freeze({
      ...d,
      host: env.HOST || d.host,
      port: int(env, 'PORT', d.port, 0),
      redisKeyPrefix: env.SCALEPROOF_REDIS_PREFIX ?? d.redisKeyPrefix,
      pgPoolMax: int(env, 'SCALEPROOF_PG_POOL_MAX', d.pgPoolMax, 1),
      statementTimeoutMs: int(env, 'SCALEPROOF_STATEMENT_TIMEOUT_MS', d.statementTimeoutMs, 1),
      pinTtlS: int(env, 'SCALEPROOF_PIN_TTL_S', d.pinTtlS, 1),
      userTtlS: int(env, 'SCALEPROOF_USER_TTL_S', d.userTtlS, 1),
      analyticsTtlS: int(env, 'SCALEPROOF_ANALYTICS_TTL_S', d.analyticsTtlS, 1),
      flushIntervalMs: int(env, 'SCALEPROOF_FLUSH_INTERVAL_MS', d.flushIntervalMs, 1),
      flushMaxEvents: int(env, 'SCALEPROOF_FLUSH_MAX_EVENTS', d.flushMaxEvents, 1),
      bufferMaxEvents: int(env, 'SCALEPROOF_BUFFER_MAX_EVENTS', d.bufferMaxEvents, 1),
      mvRefreshIntervalS: int(env, 'SCALEPROOF_MV_REFRESH_INTERVAL_S', d.mvRefreshIntervalS, 0),
      partitionMonthsAhead: int(env, 'SCALEPROOF_PARTITION_MONTHS_AHEAD', d.partitionMonthsAhead, 0),
      partitionRetentionMonths: int(env, 'SCALEPROOF_PARTITION_RETENTION_MONTHS', d.partitionRetentionMonths, 1),
      bodyLimitBytes: int(env, 'SCALEPROOF_BODY_LIMIT_BYTES', d.bodyLimitBytes, 64),
      migrateOnStart: flag(env, 'SCALEPROOF_MIGRATE_ON_START', d.migrateOnStart),
      logLevel: logLevel(env, d.logLevel),
    }),
  });
}
