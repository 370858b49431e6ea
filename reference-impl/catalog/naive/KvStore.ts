/*
 * The naive variant's data access: seed 004's `kv` helper over the one kv_store table. Every get is its own
 * statement (the plan's N+1: a list of ids, then one get per id); writes replace whole values. No cache, no
 * transaction, no tenant in any key.
 */
import type { Database } from '../../platform/db/Database.ts';
import { httpErrors } from '../../platform/errors/httpErrors.ts';
import { isDatabaseUnavailable } from '../../platform/db/unavailableAs503.ts';

export class KvStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async #run<R extends Record<string, unknown>>(text: string, values: unknown[]): Promise<R[]> {
    try {
      return (await this.#db.query<R>({ text, values })).rows;
    } catch (err) {
      throw isDatabaseUnavailable(err) ? httpErrors.databaseUnavailable(err) : err;
    }
  }

  async get<T>(key: string): Promise<T | null> {
    const rows = await this.#run<{ value: T }>('SELECT value FROM kv_store WHERE key = $1', [key]);
    return rows[0]?.value ?? null;
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.#run('INSERT INTO kv_store (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [key, JSON.stringify(value)]);
  }

  /** Appends one id to a list value (orders:all): one statement, but it rewrites the whole list. */
  async append(key: string, id: string): Promise<void> {
    await this.#run(`INSERT INTO kv_store (key, value) VALUES ($1, jsonb_build_array($2::text))
      ON CONFLICT (key) DO UPDATE SET value = kv_store.value || jsonb_build_array($2::text)`, [key, id]);
  }
}
