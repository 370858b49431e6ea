/*
 * The Redis structures seed 002 names beyond plain cached values: the active-rider set per city
 * (riders:active:city:<city>, a Set with a 30 s TTL), the order queue per city (orders:queue:<city>, a List)
 * and key deletion for the plan's invalidation rules. Keys arrive with the API's prefix already applied.
 * redisRiderStore() runs them on the platform's ioredis client; memoryRiderStore() keeps them in-process
 * when the API runs without Redis (the platform's MemoryStore fallback), with the same semantics.
 */
import type { Redis } from 'ioredis';
import type { CacheStore } from '../../platform/cache/CacheStore.ts';

export interface RiderRedis {
  /** The set's members, or [] when the key does not exist (Redis keeps no empty sets). */
  members(key: string): Promise<string[]>;
  /** Replaces the set with `members` and gives it `ttlS`, atomically. */
  replaceSet(key: string, members: readonly (string | number)[], ttlS: number): Promise<void>;
  /** Pops the head of the list; null when empty. */
  pop(key: string): Promise<string | null>;
  /** Appends to the list's tail (no TTL: the plan's "real-time" queue). */
  push(key: string, values: readonly (string | number)[]): Promise<void>;
  del(...keys: string[]): Promise<void>;
}

export function redisRiderStore(client: Redis): RiderRedis {
  return {
    members: (key) => client.smembers(key),
    replaceSet: async (key, members, ttlS) => {
      const m = client.multi().del(key);
      if (members.length > 0) m.sadd(key, ...members).expire(key, ttlS);
      await m.exec();
    },
    pop: (key) => client.lpop(key),
    push: async (key, values) => {
      if (values.length > 0) await client.rpush(key, ...values);
    },
    del: async (...keys) => {
      if (keys.length > 0) await client.del(...keys);
    },
  };
}

/** `values` is the platform's in-process CacheStore: deleting a cached value there means expiring it now. */
export function memoryRiderStore(values: CacheStore): RiderRedis {
  const sets = new Map<string, { members: string[]; expiresAt: number }>();
  const lists = new Map<string, string[]>();
  return {
    members: async (key) => {
      const s = sets.get(key);
      if (!s || s.expiresAt <= Date.now()) return [];
      return [...s.members];
    },
    replaceSet: async (key, members, ttlS) => {
      if (members.length === 0) sets.delete(key);
      else sets.set(key, { members: [...new Set(members.map(String))], expiresAt: Date.now() + ttlS * 1000 });
    },
    pop: async (key) => lists.get(key)?.shift() ?? null,
    push: async (key, values) => {
      const l = lists.get(key) ?? [];
      l.push(...values.map(String));
      lists.set(key, l);
    },
    del: async (...keys) => {
      for (const k of keys) {
        sets.delete(k);
        lists.delete(k);
        await values.set(k, '', 0);
      }
    },
  };
}
