/*
 * The platform's settings (what every workload's API shares): one defaults object, overridden by validated
 * values (autocannon's defaultOptions + validate). The environment is read in harness/config/readEnv.ts; a
 * workload's own settings (TTLs, buffers, refresh periods) are declared by the workload and arrive in
 * PlatformParts.settings.
 */
import { readEnv, type LogLevel } from '../../harness/config/readEnv.ts';

export interface ApiConfig {
  databaseUrl: string;
  /** Read-mostly queries go here when set (seed 000: "direct summary queries to replica"). */
  databaseReplicaUrl?: string | undefined;
  /** Undefined means the in-process cache fallback. */
  redisUrl?: string | undefined;
  /** Prefix of every Redis key this API writes, so tests and runs can share one Redis. */
  redisKeyPrefix: string;
  host: string;
  port: number;
  pgPoolMax: number;
  statementTimeoutMs: number;
  /** Named (server-side prepared) statements; off behind a pooler that does not keep them (see unnamedStatementClient.ts). */
  pgNamedStatements: boolean;
  bodyLimitBytes: number;
  /** Run the variant's migrations (idempotent, advisory-locked) before listening; server.ts only. */
  migrateOnStart: boolean;
  /** 'silent' turns the Fastify logger off (benchmarks); background failures still reach stderr. */
  logLevel: ApiLogLevel;
}

export type ApiLogLevel = LogLevel;

/** The documented defaults (harness/config/platformEnv.ts), as readEnv gives them for an empty environment. */
export const defaultApiConfig: Omit<ApiConfig, 'databaseUrl'> = Object.freeze({ ...readEnv({}).api });
