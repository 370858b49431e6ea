/*
 * One pg Pool per database the API talks to (primary; optional read replica). statement_timeout is set per
 * connection through the startup packet, so no query can hold a connection longer than the budget.
 */
import pg from 'pg';
import type { ApiLogger } from '../log/ApiLogger.ts';
import type { StatementSampler } from './StatementSampler.ts';
import { UnnamedStatementClient } from './unnamedStatementClient.ts';

export interface PoolOptions {
  url: string;
  max: number;
  statementTimeoutMs: number;
  /** 'primary' | 'replica', for logs. */
  name: string;
  log: ApiLogger;
  /** Called for every error on an idle client (e.g. Postgres restarted); counted by the caller. */
  onIdleError: (err: Error) => void;
  /** Times every statement of every client (GET /_scaleproof/statements). */
  sampler?: StatementSampler | undefined;
  /** False behind a transaction-mode pooler that keeps no prepared statements: every statement goes unnamed. */
  namedStatements?: boolean | undefined;
}

export function createPool(opts: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.max,
    statement_timeout: opts.statementTimeoutMs,
    // Waiting for a connection (a free one, or a new one on a busy server) is bounded too, so a request
    // fails with 503 instead of hanging; never tighter than 2 s, which a loaded machine needs to fork a backend.
    connectionTimeoutMillis: Math.max(2000, opts.statementTimeoutMs),
    idleTimeoutMillis: 30_000,
    application_name: `scaleproof-api-${opts.name}`,
    ...(opts.namedStatements === false ? { Client: UnnamedStatementClient } : {}),
  });
  // Without a listener an idle client's error (server restart, network cut) would crash the process.
  pool.on('error', (err) => {
    opts.onIdleError(err);
    opts.log.error(`pg pool ${opts.name}: idle client error`, err);
  });
  // The pool listens only while a client is idle: a connection that dies while lent out (a backend terminated
  // between a route's statements) would emit 'error' unheard and crash the API. Its next statement fails instead
  // (503 DB_UNAVAILABLE) and release() drops it.
  const sampler = opts.sampler;
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    sampler?.watch(client);
  });
  return pool;
}
