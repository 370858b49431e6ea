/*
 * One pg Pool per database the API talks to (primary; optional read replica). statement_timeout is set per
 * connection through the startup packet, so no query can hold a connection longer than the budget.
 */
import pg from 'pg';
import type { ApiLogger } from '../log/ApiLogger.ts';

export interface PoolOptions {
  url: string;
  max: number;
  statementTimeoutMs: number;
  /** 'primary' | 'replica', for logs. */
  name: string;
  log: ApiLogger;
  /** Called for every error on an idle client (e.g. Postgres restarted); counted by the caller. */
  onIdleError: (err: Error) => void;
}

export function createPool(opts: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.max,
    statement_timeout: opts.statementTimeoutMs,
    // Waiting for a free connection is bounded by the same budget as running a statement.
    connectionTimeoutMillis: opts.statementTimeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: `scaleproof-api-${opts.name}`,
  });
  // Without a listener an idle client's error (server restart, network cut) would crash the process.
  pool.on('error', (err) => {
    opts.onIdleError(err);
    opts.log.error(`pg pool ${opts.name}: idle client error`, err);
  });
  return pool;
}
