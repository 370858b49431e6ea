/*
 * CacheStore over Redis (ioredis), built so a Redis outage can never hang a request: a short connect timeout,
 * a per-command timeout, no offline queue (commands fail at once while disconnected) and no per-request
 * retries. The client keeps reconnecting in the background (capped backoff), so the cache comes back on its
 * own when Redis does.
 */
import { Redis } from 'ioredis';
import type { ApiLogger } from '../log/ApiLogger.ts';
import type { CacheStore } from './CacheStore.ts';

export interface RedisStoreOptions {
  url: string;
  log: ApiLogger;
  connectTimeoutMs?: number;
  commandTimeoutMs?: number;
  /** Called on every connection state change, for the redis_up gauge. */
  onStateChange?: (up: boolean) => void;
}

export class RedisStore implements CacheStore {
  readonly kind = 'redis';
  readonly client: Redis;
  #wasUp = false;
  #closing = false;

  constructor(opts: RedisStoreOptions) {
    this.client = new Redis(opts.url, {
      connectTimeout: opts.connectTimeoutMs ?? 1000,
      commandTimeout: opts.commandTimeoutMs ?? 500,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // Reconnect forever, at most every 2 s: the outage is handled per request by failing open.
      retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 6), 2000),
    });
    this.client.on('ready', () => {
      if (!this.#wasUp) opts.log.info('redis: connected');
      this.#wasUp = true;
      opts.onStateChange?.(true);
    });
    // Every failed reconnect emits 'error'; log the transition once, not every attempt.
    this.client.on('error', (err) => {
      if (this.#wasUp) opts.log.warn(`redis: unavailable (${err.message}); serving from Postgres until it is back`);
      this.#wasUp = false;
      opts.onStateChange?.(false);
    });
    this.client.on('close', () => {
      if (this.#wasUp && !this.#closing) opts.log.warn('redis: connection closed; serving from Postgres until it is back');
      this.#wasUp = false;
      opts.onStateChange?.(false);
    });
  }

  get available(): boolean {
    return this.client.status === 'ready';
  }

  get(key: string): Promise<Buffer | null> {
    return this.client.getBuffer(key);
  }

  async set(key: string, value: string | Buffer, ttlS: number): Promise<void> {
    await this.client.set(key, value, 'EX', ttlS);
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  async close(): Promise<void> {
    this.#closing = true;
    if (this.client.status === 'ready') await this.client.quit().catch(() => this.client.disconnect());
    else this.client.disconnect();
  }
}
