/*
 * A pg pool that counts every statement it issues (queries and COPYs), in total and against the request being
 * served (requestQueries.ts), so the harness can report queries per request, per route, and tests can prove
 * single-flight. pg_stat_statements is not guaranteed to exist; this counter is.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { countRequestStatement } from './requestQueries.ts';

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  /** The pool's size (pg's `max`): in use / max is how full it is (seed 001's "Connection pool > 80% full"). */
  max: number;
}

export class Database {
  readonly name: string;
  readonly pool: pg.Pool;
  #queries = 0;
  readonly #onQuery: () => void;

  constructor(name: string, pool: pg.Pool, onQuery: () => void) {
    this.name = name;
    this.pool = pool;
    this.#onQuery = onQuery;
  }

  /** Statements issued since start. */
  get queryCount(): number {
    return this.#queries;
  }

  get stats(): PoolStats {
    return { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount, max: this.pool.options.max ?? 10 };
  }

  query<R extends pg.QueryResultRow>(q: pg.QueryConfig): Promise<pg.QueryResult<R>> {
    this.#count();
    return this.pool.query<R>(q);
  }

  /** Runs one COPY ... FROM STDIN with `chunks` as its data; one statement. */
  copyIn(sql: string, chunks: Iterable<string>): Promise<void> {
    return this.withClient(1, async (client) => {
      await pipeline(Readable.from(chunks), client.query(copyFrom(sql)));
    });
  }

  /**
   * Lends one connection to `fn`, counting the `statements` it will issue. A connection `fn` failed on is
   * destroyed rather than returned (it may be mid-COPY or hold session settings).
   */
  async withClient<T>(statements: number, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let i = 0; i < statements; i++) this.#count();
    const client = await this.pool.connect();
    let failed: Error | undefined;
    try {
      return await fn(client);
    } catch (err) {
      failed = err instanceof Error ? err : new Error(String(err));
      throw err;
    } finally {
      client.release(failed);
    }
  }

  end(): Promise<void> {
    return this.pool.end();
  }

  #count(): void {
    this.#queries++;
    this.#onQuery();
    countRequestStatement();
  }
}
