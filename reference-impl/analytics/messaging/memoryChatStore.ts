/*
 * ChatStore in-process, for an API run without Redis (the platform's MemoryStore fallback, announced at start):
 * the same semantics as redisChatStore, but a crash loses what was not flushed yet, as with any in-process cache.
 */
import crypto from 'node:crypto';
import type { ChatMessage } from './ChatMessage.ts';
import type { CachedMatch, ChatStore, PendingRecord } from './ChatStore.ts';

export function memoryChatStore(): ChatStore {
  const matches = new Map<number, CachedMatch>();
  const recent = new Map<number, ChatMessage[]>();
  let pending: PendingRecord[] = [];
  let lock: { token: string; until: number } | undefined;
  return {
    match: async (id) => matches.get(id),
    rememberMatch: async (id, p) => {
      matches.set(id, p);
    },
    appendMessage: async (m, keep) => {
      const list = [m, ...(recent.get(m.match_id) ?? [])].slice(0, keep);
      recent.set(m.match_id, list);
      pending.push({ k: 'm', m });
    },
    recent: async (id) => [...(recent.get(id) ?? [])],
    appendState: async (s) => {
      pending.push({ k: 's', s });
    },
    pending: async (n) => pending.slice(0, n),
    dropPending: async (n) => {
      pending = pending.slice(n);
    },
    pendingCount: async () => pending.length,
    lock: async (ttlMs) => {
      if (lock && lock.until > Date.now()) return undefined;
      lock = { token: crypto.randomUUID(), until: Date.now() + ttlMs };
      return lock.token;
    },
    unlock: async (token) => {
      if (lock?.token === token) lock = undefined;
    },
  };
}
