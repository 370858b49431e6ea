/*
 * Seed 000's "realtime chat and match state primarily in KV": what the optimized variant keeps in Redis, keys
 * under the API's prefix:
 *   match:<id>          hash {a, b, o, state, updated_at}: the match's PINs and whether Postgres held messages of
 *                       it when they were cached (o), and its live state
 *   match:<id>:recent   list, newest first, the last `keep` messages (what GET pages are served from first)
 *   chat:pending        list, oldest first, every acknowledged message and state change not yet in Postgres
 *   chat:flush_lock     one flush at a time across API processes
 * A message or state change is acknowledged once its MULTI (recent/hash + pending) has run: from then on it is
 * Redis's to keep until the flush worker (flushChat.ts) has committed it to Postgres and trimmed it.
 */
import crypto from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ChatMessage, MatchParties, MatchStateChange } from './ChatMessage.ts';

/** A match as cached in Redis. */
export interface CachedMatch extends MatchParties {
  /** Postgres held messages of the match when it was cached: pages may need it for older ones. */
  olderInPostgres: boolean;
}

/** One line of chat:pending (JSON). */
export type PendingRecord = { k: 'm'; m: ChatMessage } | { k: 's'; s: MatchStateChange };

const MATCH_TTL_S = 86_400; // a day: an idle match's hash and recent messages leave Redis; Postgres has them

export interface ChatStore {
  match(matchId: number): Promise<CachedMatch | undefined>;
  rememberMatch(matchId: number, match: CachedMatch): Promise<void>;
  appendMessage(message: ChatMessage, keep: number): Promise<void>;
  /** The match's newest messages held in Redis, newest first. */
  recent(matchId: number): Promise<ChatMessage[]>;
  appendState(change: MatchStateChange): Promise<void>;
  /** The oldest `n` pending records (not removed). */
  pending(n: number): Promise<PendingRecord[]>;
  /** Removes the oldest `n` pending records (after they were committed). */
  dropPending(n: number): Promise<void>;
  pendingCount(): Promise<number>;
  /** A token when this caller now holds the flush lock for ttlMs, else undefined. */
  lock(ttlMs: number): Promise<string | undefined>;
  unlock(token: string): Promise<void>;
}

const UNLOCK = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export function redisChatStore(client: Redis, prefix: string): ChatStore {
  const matchKey = (id: number) => `${prefix}match:${id}`;
  const recentKey = (id: number) => `${prefix}match:${id}:recent`;
  const pendingKey = `${prefix}chat:pending`;
  const lockKey = `${prefix}chat:flush_lock`;
  return {
    match: async (id) => {
      const [a, b, o] = await client.hmget(matchKey(id), 'a', 'b', 'o');
      return a && b && o ? { pinA: Number(a), pinB: Number(b), olderInPostgres: o === '1' } : undefined;
    },
    rememberMatch: async (id, p) => {
      // The hash expires no later than the recent list (whose TTL every send renews), so `o` never outlives it.
      await client.multi().hset(matchKey(id), 'a', p.pinA, 'b', p.pinB, 'o', p.olderInPostgres ? 1 : 0).expire(matchKey(id), MATCH_TTL_S).exec();
    },
    appendMessage: async (m, keep) => {
      const line = JSON.stringify(m);
      const r = await client.multi()
        .lpush(recentKey(m.match_id), line).ltrim(recentKey(m.match_id), 0, keep - 1).expire(recentKey(m.match_id), MATCH_TTL_S)
        .rpush(pendingKey, JSON.stringify({ k: 'm', m } satisfies PendingRecord))
        .exec();
      failedStep(r);
    },
    recent: async (id) => (await client.lrange(recentKey(id), 0, -1)).map((l) => JSON.parse(l) as ChatMessage),
    appendState: async (s) => {
      const r = await client.multi()
        .hset(matchKey(s.match_id), 'state', s.state, 'updated_at', s.updated_at)
        .rpush(pendingKey, JSON.stringify({ k: 's', s } satisfies PendingRecord))
        .exec();
      failedStep(r);
    },
    pending: async (n) => (await client.lrange(pendingKey, 0, n - 1)).map((l) => JSON.parse(l) as PendingRecord),
    dropPending: async (n) => {
      await client.ltrim(pendingKey, n, -1);
    },
    pendingCount: () => client.llen(pendingKey),
    lock: async (ttlMs) => {
      const token = crypto.randomUUID();
      return (await client.set(lockKey, token, 'PX', ttlMs, 'NX')) === 'OK' ? token : undefined;
    },
    unlock: async (token) => {
      await client.eval(UNLOCK, 1, lockKey, token);
    },
  };
}

/** MULTI answers per command; a failed one (e.g. WRONGTYPE) must not be acknowledged. */
function failedStep(results: Array<[Error | null, unknown]> | null): void {
  const err = results === null ? new Error('MULTI was discarded') : results.find(([e]) => e)?.[0];
  if (err) throw err;
}
