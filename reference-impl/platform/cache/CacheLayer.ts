/*
 * Cache-aside over a CacheStore, with single-flight and fail-open.
 *
 * - fetch(): one store GET per request; on a miss, load from Postgres and SET with the family's TTL. Concurrent
 *   misses of one key share a single load+SET (SingleFlight), so a cold hot key costs one database query, not
 *   N. The flight ends only after the SET, so a request arriving later finds the value in the store.
 *   Every request makes its own GET (hits are not coalesced) so that Redis INFO keyspace_hits/misses, the
 *   per-request counters and X-Cache all count the same events: the plan's "cache hit %" is the share of
 *   reads answered from the cache, and coalescing hits would hide the hottest keys' hits from Redis INFO.
 *   Redis answers one connection in order, so a GET sent before the SET is answered before it and its miss
 *   normally joins that load's flight; were one handled after the flight ended, it would repeat the load (one
 *   extra query, never a wrong answer).
 * - Fail-open: a store error (Redis down, timed out) counts as a miss and is counted as a store error; the
 *   value is served from Postgres. Nothing waits on Redis: the store fails fast while it is disconnected.
 * - Only found values are cached (no negative caching): a PIN created a second ago is visible at once, and
 *   the price is that lookups of unknown keys always reach Postgres (single-flight still coalesces them).
 *
 * Invalidation policy (seed 000): TTL only. pin:<number> lives pinTtlS (60 s, the plan's CDN window) and
 * user:<id> userTtlS; edits become visible within one TTL. Analytics keys carry the UTC day and live
 * analyticsTtlS; events do NOT invalidate them, because the numbers come from pin_analytics_mv, which
 * refreshes on its own schedule (mvRefreshIntervalS): a fresher key would only re-read the same rollup.
 */
import type { ApiLogger } from '../log/ApiLogger.ts';
import { errorText } from '../log/ApiLogger.ts';
import type { CacheStore } from './CacheStore.ts';
import { SingleFlight } from './SingleFlight.ts';

/** A key family names what kind of value a key holds (pin, user, dashboard, ...): the label on cache metrics. */
export type KeyFamily = string;

export interface CacheResult {
  /** The cached or loaded value, as bytes ready to send; null when the loader found nothing. */
  value: Buffer | null;
  /** True when the value came from the store. */
  hit: boolean;
}

/** The counters the cache layer reports to (prom-client in the app, plain counts in tests). */
export interface CacheEvents {
  hit(family: KeyFamily): void;
  miss(family: KeyFamily): void;
  coalesced(family: KeyFamily): void;
  /** One GET that reached the store, and whether it found the key: what Redis INFO keyspace_hits/misses count. */
  storeLookup(family: KeyFamily, found: boolean): void;
  storeError(operation: 'get' | 'set'): void;
}

export interface CacheLayerOptions {
  store: CacheStore;
  prefix: string;
  events: CacheEvents;
  log: ApiLogger;
}

export class CacheLayer {
  readonly store: CacheStore;
  readonly #prefix: string;
  readonly #events: CacheEvents;
  readonly #log: ApiLogger;
  readonly #flights = new SingleFlight<Buffer | null>();
  #lastErrorLogMs = 0;

  constructor(opts: CacheLayerOptions) {
    this.store = opts.store;
    this.#prefix = opts.prefix;
    this.#events = opts.events;
    this.#log = opts.log;
  }

  async fetch(family: KeyFamily, key: string, ttlS: number, load: () => Promise<string | null>): Promise<CacheResult> {
    const fullKey = this.#prefix + key;
    let cached: Buffer | null = null;
    try {
      cached = await this.store.get(fullKey);
      this.#events.storeLookup(family, cached !== null);
    } catch (err) {
      this.#storeFailed('get', err);
    }
    if (cached !== null) {
      this.#events.hit(family);
      return { value: cached, hit: true };
    }
    // Counted with the lookup, not after the load, so a scrape never sees a lookup without its outcome.
    this.#events.miss(family);
    const flight = this.#flights.do(fullKey, () => this.#loadAndStore(fullKey, ttlS, load));
    if (flight.shared) this.#events.coalesced(family);
    return { value: await flight.result, hit: false };
  }

  async #loadAndStore(fullKey: string, ttlS: number, load: () => Promise<string | null>): Promise<Buffer | null> {
    const loaded = await load();
    if (loaded === null) return null;
    const value = Buffer.from(loaded);
    try {
      await this.store.set(fullKey, value, ttlS);
    } catch (err) {
      this.#storeFailed('set', err);
    }
    return value;
  }

  #storeFailed(operation: 'get' | 'set', err: unknown): void {
    this.#events.storeError(operation);
    // Counted every time; logged at most once a second so an outage does not flood the log.
    const now = Date.now();
    if (now - this.#lastErrorLogMs >= 1000) {
      this.#lastErrorLogMs = now;
      this.#log.warn(`cache ${operation} failed (${errorText(err)}); serving from Postgres`);
    }
  }
}
