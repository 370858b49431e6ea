/*
 * What the cache layer needs from a key-value store: Redis in production, an in-process map when no Redis
 * exists (the harness's fallback). get/set may reject; the cache layer treats that as a miss (fail-open).
 * Values come back as Buffers: a hit is sent to the client as bytes, with no UTF-8 decode and re-encode.
 */
export interface CacheStore {
  readonly kind: 'redis' | 'memory';
  get(key: string): Promise<Buffer | null>;
  /** Stores `value` for `ttlS` seconds. */
  set(key: string, value: string | Buffer, ttlS: number): Promise<void>;
  /** Round trip to the store; rejects when it is unreachable. */
  ping(): Promise<void>;
  /** True when commands can be sent right now. */
  readonly available: boolean;
  close(): Promise<void>;
}
