/*
 * The variables the engine and the API platform read, whatever the workload: where the services are, and the
 * platform's knobs. Each workload adds its own (Workload.env); readEnv.ts reads both lists the same way.
 */
import type { EnvVarSpec } from './EnvVarSpec.ts';

export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;

/** Connection strings: checked as URLs of these schemes, never logged with their password. */
export const urlVariables = {
  DATABASE_URL: { description: 'Postgres to use; unset means embedded Postgres under SCALEPROOF_DATA_DIR', schemes: ['postgres', 'postgresql'] },
  DATABASE_REPLICA_URL: { description: 'optional read replica for read-mostly queries', schemes: ['postgres', 'postgresql'] },
  PGBOUNCER_URL: { description: 'an existing transaction-mode pgBouncer for pooled runs (one database alias per schema, named after it, whose connect_query sets search_path and statement_timeout); unset means pgbouncer from PATH, else direct', schemes: ['postgres', 'postgresql'] },
  REDIS_URL: { description: 'Redis to use; unset means redis-server from PATH, else an in-process cache', schemes: ['redis', 'rediss'] },
} as const;

export const platformEnv = {
  PORT: { description: 'API listen port (0 picks a free one)', kind: 'int', default: 3000, min: 0, max: 65535 },
  HOST: { description: 'API listen host', kind: 'string', default: '127.0.0.1' },
  K6_BIN: { description: 'path of the k6 binary for --driver k6 (else k6 on PATH)', kind: 'string', default: '' },
  SCALEPROOF_DATA_DIR: { description: 'embedded Postgres data directory', kind: 'string', default: '.scaleproof/pg' },
  SCALEPROOF_REDIS_PREFIX: { description: 'prefix of every Redis key the API writes', kind: 'string', default: '' },
  SCALEPROOF_PG_POOL_MAX: { description: 'API pg pool size', kind: 'int', default: 10, min: 1 },
  SCALEPROOF_PG_POOLED: { description: "DATABASE_URL is a transaction-mode pooler's alias for the variant's schema (the harness sets it with --pooler on): the API adds no search_path startup option, which pgBouncer refuses", kind: 'flag', default: false },
  SCALEPROOF_PG_NAMED_STATEMENTS: { description: 'API uses named (server-side prepared) statements: 1, or 0 behind a transaction-mode pooler that does not keep them (pgBouncer < 1.21); the harness sets it', kind: 'flag', default: true },
  SCALEPROOF_STATEMENT_TIMEOUT_MS: { description: 'API statement_timeout', kind: 'int', default: 5000, min: 1 },
  SCALEPROOF_BODY_LIMIT_BYTES: { description: 'largest request body the API accepts', kind: 'int', default: 1024, min: 64 },
  SCALEPROOF_MIGRATE_ON_START: { description: "API runs the variant's (idempotent) migrations before listening: 1 or 0", kind: 'flag', default: true },
  SCALEPROOF_LOG_LEVEL: { description: `API log level: ${LOG_LEVELS.join(', ')}`, kind: 'choice', default: 'info', choices: LOG_LEVELS },
} as const satisfies Record<string, EnvVarSpec>;
