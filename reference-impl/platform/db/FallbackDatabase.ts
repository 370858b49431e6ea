/*
 * The reads the plans send to a replica ("direct summary queries to replica"), with the primary behind it: a
 * read the replica cannot serve now (down, restarting, refusing connections) runs on the primary instead of
 * failing the request, and the replica is skipped for a short cool-off so every request does not wait on a dead
 * connection first. A statement timeout is not a reason to fall back (that would double the slow work).
 */
import type pg from 'pg';
import type { ApiLogger } from '../log/ApiLogger.ts';
import { Database } from './Database.ts';
import { isDatabaseUnavailable } from './unavailableAs503.ts';

const QUERY_CANCELED = '57014';

export interface FallbackOptions {
  replica: Database;
  primary: Database;
  log: ApiLogger;
  /** How long the replica is skipped after it failed; default 1 s. */
  coolOffMs?: number | undefined;
}

export class FallbackDatabase extends Database {
  readonly #replica: Database;
  readonly #primary: Database;
  readonly #log: ApiLogger;
  readonly #coolOffMs: number;
  #skipUntil = 0;
  #fallbacks = 0;

  constructor(o: FallbackOptions) {
    // The base pool is the replica's (stats, name); every statement goes through the two Databases below, which count it.
    super('replica-or-primary', o.replica.pool, () => undefined);
    this.#replica = o.replica;
    this.#primary = o.primary;
    this.#log = o.log;
    this.#coolOffMs = o.coolOffMs ?? 1000;
  }

  /** Reads the primary served because the replica could not. */
  get fallbacks(): number {
    return this.#fallbacks;
  }

  override get queryCount(): number {
    return this.#replica.queryCount + this.#primary.queryCount;
  }

  override query<R extends pg.QueryResultRow>(q: pg.QueryConfig): Promise<pg.QueryResult<R>> {
    return this.#route((db) => db.query<R>(q));
  }

  override withClient<T>(statements: number, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.#route((db) => db.withClient(statements, fn));
  }

  /** Writes never go to a replica. */
  override copyIn(sql: string, chunks: Iterable<string>): Promise<void> {
    return this.#primary.copyIn(sql, chunks);
  }

  /** The two pools are owned (and ended) by the app. */
  override async end(): Promise<void> {}

  async #route<T>(run: (db: Database) => Promise<T>): Promise<T> {
    if (Date.now() < this.#skipUntil) return this.#onPrimary(run);
    try {
      const result = await run(this.#replica);
      if (this.#skipUntil !== 0) {
        this.#skipUntil = 0;
        this.#log.warn('read replica answers again: reads go to it');
      }
      return result;
    } catch (err) {
      if (!isDatabaseUnavailable(err) || (err as { code?: unknown }).code === QUERY_CANCELED) throw err;
      if (this.#skipUntil === 0) this.#log.warn(`read replica unavailable (${(err as Error).message}): reads go to the primary until it answers again`);
      this.#skipUntil = Date.now() + this.#coolOffMs;
      return this.#onPrimary(run);
    }
  }

  #onPrimary<T>(run: (db: Database) => Promise<T>): Promise<T> {
    this.#fallbacks++;
    return run(this.#primary);
  }
}
