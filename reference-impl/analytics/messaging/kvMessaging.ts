/*
 * The optimized variant's messaging (seed 000: "Keep realtime chat and match state primarily in KV for
 * low-latency writes"): a send or a state change is acknowledged once it is in Redis (ChatStore), with no
 * Postgres statement on the write path; flushChat.ts persists them in batches. A page is served from the
 * match's recent messages in Redis first, then from Postgres for what is older than those, unless Redis holds
 * the match's whole history: Postgres had no message of it when the match was cached, and its recent list was
 * never trimmed. Match parties are cached in Redis after one lookup. Every state change is also appended to the
 * audit stream.
 *
 * Not covered: if one match receives more than `keep` messages within one flush period, the ones pushed out
 * of its recent list are in neither Redis's list nor (yet) Postgres until the flush, so a page can miss them
 * for that long; they are never lost (chat:pending holds them).
 */
import type { Database } from '../../platform/db/Database.ts';
import { unavailableAs503 } from '../../platform/db/unavailableAs503.ts';
import type { AuditLog } from '../audit/AuditLog.ts';
import { newerFirst, type ChatMessage } from './ChatMessage.ts';
import type { ChatStore } from './ChatStore.ts';
import type { MessagingBackend } from './MessagingBackend.ts';
import { matchWithHistory, olderMessages } from './messageRows.ts';
import { messagingErrors } from './messagingErrors.ts';

function kv<T>(p: Promise<T>): Promise<T> {
  return p.catch((err: unknown) => {
    throw messagingErrors.chatUnavailable(err);
  });
}

export function kvMessaging(o: { db: Database; chat: ChatStore; audit: AuditLog; keep: number }): MessagingBackend {
  const { db, chat, audit, keep } = o;
  return {
    findMatch: async (id) => {
      const cached = await kv(chat.match(id));
      if (cached) return cached;
      const match = await unavailableAs503(() => matchWithHistory(db, id));
      if (match) await kv(chat.rememberMatch(id, match));
      return match;
    },
    send: (m) => kv(chat.appendMessage(m, keep)),
    page: async (id, beforeMs, limit) => {
      const before = beforeMs === undefined ? undefined : new Date(beforeMs).toISOString();
      const [match, recent] = await kv(Promise.all([chat.match(id), chat.recent(id)]));
      const fromRedis = recent.filter((m) => before === undefined || m.created_at < before).sort(newerFirst).slice(0, limit);
      if (fromRedis.length === limit) return { messages: fromRedis };
      if (match && !match.olderInPostgres && recent.length < keep) return { messages: fromRedis }; // Redis has it all
      // Older than the oldest one Redis gave (or than `before`): Postgres. Ones both hold are answered once.
      const bound = fromRedis.at(-1)?.created_at ?? before ?? null;
      const seen = new Set(fromRedis.map((m) => m.id));
      const older: ChatMessage[] = (await unavailableAs503(() => olderMessages(db, id, bound, limit))).filter((m) => !seen.has(m.id));
      return { messages: [...fromRedis, ...older].slice(0, limit) };
    },
    setState: async (s) => {
      await kv(chat.appendState(s));
      await kv(audit.append('match_state', { match_id: String(s.match_id), state: s.state }));
    },
  };
}
