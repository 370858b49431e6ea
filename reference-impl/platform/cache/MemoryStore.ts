/*
 * In-process CacheStore for runs without Redis. Same interface and TTL semantics (an expired entry is a miss),
 * bounded in size: past maxEntries the oldest-inserted entry is evicted (Map keeps insertion order).
 */
import type { CacheStore } from './CacheStore.ts';

interface Entry {
  value: Buffer;
  expiresAtMs: number;
}

export interface MemoryStoreOptions {
  maxEntries?: number;
  /** Clock, injectable so tests can move time without sleeping. */
  now?: () => number;
}

export class MemoryStore implements CacheStore {
  readonly kind = 'memory';
  readonly available = true;
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(opts: MemoryStoreOptions = {}) {
    this.#maxEntries = opts.maxEntries ?? 100_000;
    this.#now = opts.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  async get(key: string): Promise<Buffer | null> {
    const e = this.#entries.get(key);
    if (e === undefined) return null;
    if (e.expiresAtMs <= this.#now()) {
      this.#entries.delete(key);
      return null;
    }
    return e.value;
  }

  async set(key: string, value: string | Buffer, ttlS: number): Promise<void> {
    this.#entries.delete(key); // re-inserting moves the key to the young end
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { value: typeof value === 'string' ? Buffer.from(value) : value, expiresAtMs: this.#now() + ttlS * 1000 });
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.#entries.clear();
  }
}
