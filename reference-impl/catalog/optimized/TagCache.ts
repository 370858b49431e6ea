/*
 * Seed 004 2.2's cache-aside with tags, over the platform's CacheLayer (which keeps the hit/miss counters,
 * single-flight and fail-open): a loaded value's key is added to one Redis set per tag before it is stored, and
 * invalidate(tags) deletes every key of those sets and the sets (the plan's CacheService.invalidateTag). Keys
 * and tags carry the tenant (cacheKeys.ts), so one tenant's write never touches another's entries.
 *
 * Without Redis (the platform's in-process fallback) nothing can be deleted from the store: entries then live
 * their TTL, said once in the log.
 */
import type { Redis } from 'ioredis';
import type { CacheLayer, KeyFamily } from '../../platform/cache/CacheLayer.ts';
import type { ApiLogger } from '../../platform/log/ApiLogger.ts';
import { errorText } from '../../platform/log/ApiLogger.ts';
import type { ReadResult } from '../CatalogStore.ts';

const TAG_SET_TTL_S = 86_400;

export interface TagCacheOptions {
  cache: CacheLayer;
  /** The platform's Redis client, or undefined for the in-process store. */
  redis: Redis | undefined;
  /** config.redisKeyPrefix: CacheLayer prefixes keys with it; tag sets live under it too. */
  prefix: string;
  log: ApiLogger;
}

export class TagCache {
  readonly #o: TagCacheOptions;
  #lastWarnMs = 0;

  constructor(o: TagCacheOptions) {
    this.#o = o;
    if (o.redis === undefined) o.log.warn('catalog: no Redis; cached entries are not invalidated by writes, only by their TTL');
  }

  /** The Redis key of a tag's set. */
  tagKey(tag: string): string {
    return `${this.#o.prefix}catalog:tag:${tag}`;
  }

  /** Cache-aside: the stored document, or load() (null = not found, not cached) stored for ttlS under its tags. */
  async fetch(family: KeyFamily, key: string, ttlS: number, tags: (loaded: string) => readonly string[], load: () => Promise<string | null>): Promise<ReadResult | null> {
    const r = await this.#o.cache.fetch(family, key, ttlS, async () => {
      const value = await load();
      if (value !== null) await this.#tag(key, tags(value), ttlS);
      return value;
    });
    return r.value === null ? null : { body: r.value, cache: r.hit ? 'HIT' : 'MISS' };
  }

  async #tag(key: string, tags: readonly string[], ttlS: number): Promise<void> {
    const redis = this.#o.redis;
    if (redis === undefined || tags.length === 0) return;
    const full = this.#o.prefix + key;
    try {
      const m = redis.multi();
      for (const t of tags) {
        m.sadd(this.tagKey(t), full);
        // A set lives a day past its last member's add (the longest TTL, reports): no set grows forever.
        m.expire(this.tagKey(t), Math.max(ttlS, TAG_SET_TTL_S));
      }
      await m.exec();
    } catch (err) {
      this.#warn(`catalog: tagging ${key} failed (${errorText(err)}); it expires by its TTL`);
    }
  }

  /** Deletes every entry tagged with any of `tags`, and the tag sets. */
  async invalidate(tags: readonly string[]): Promise<number> {
    const redis = this.#o.redis;
    if (redis === undefined || tags.length === 0) return 0;
    try {
      const sets = tags.map((t) => this.tagKey(t));
      const members = await Promise.all(sets.map((s) => redis.smembers(s)));
      const keys = [...new Set(members.flat())];
      await redis.del(...keys, ...sets);
      return keys.length;
    } catch (err) {
      this.#warn(`catalog: invalidating ${tags.join(', ')} failed (${errorText(err)}); entries expire by their TTL`);
      return 0;
    }
  }

  /** At most one line a second: a Redis outage fails every request, and the log should say it once. */
  #warn(line: string): void {
    const now = Date.now();
    if (now - this.#lastWarnMs < 1000) return;
    this.#lastWarnMs = now;
    this.#o.log.warn(line);
  }
}
