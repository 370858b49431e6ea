/*
 * The worker behind seed 000's "Batched Postgres persistence via cron/worker every N minutes": moves what
 * chat:pending holds (acknowledged messages and match state changes, oldest first) into Postgres, a batch per
 * transaction (one multi-row INSERT of messages, one UPDATE of matches), and trims the batch from Redis only
 * after the COMMIT. Runs until the list is empty, every SCALEPROOF_ANALYTICS_MESSAGE_FLUSH_S and once more on
 * close (SIGTERM), so every acknowledged message is in Postgres after the next flush.
 *
 * Crash between COMMIT and trim: the batch is read again next time; messages are keyed by their uuid (ON
 * CONFLICT DO NOTHING) and a state only overwrites an older one, so nothing is written twice. One flush at a
 * time across API processes (a lock in Redis), since two would read and trim the same head of the list.
 */
import type { Database } from '../../platform/db/Database.ts';
import type { ChatMessage, MatchStateChange } from './ChatMessage.ts';
import type { ChatStore } from './ChatStore.ts';

const BATCH = 5000;
const LOCK_TTL_MS = 300_000;

export interface ChatFlush {
  messages: number;
  states: number;
  /** Another process held the lock: it is flushing. */
  skipped: boolean;
}

export async function flushChat(db: Database, chat: ChatStore, batch = BATCH): Promise<ChatFlush> {
  const out: ChatFlush = { messages: 0, states: 0, skipped: false };
  const token = await chat.lock(LOCK_TTL_MS);
  if (!token) return { ...out, skipped: true };
  try {
    for (;;) {
      const records = await chat.pending(batch);
      if (records.length === 0) return out;
      const messages: ChatMessage[] = [];
      const states: MatchStateChange[] = [];
      for (const r of records) {
        if (r.k === 'm') messages.push(r.m);
        else states.push(r.s);
      }
      await persist(db, messages, states);
      await chat.dropPending(records.length);
      out.messages += messages.length;
      out.states += states.length;
    }
  } finally {
    await chat.unlock(token).catch(() => undefined); // expires on its own otherwise
  }
}

async function persist(db: Database, messages: ChatMessage[], states: MatchStateChange[]): Promise<void> {
  await db.withClient(4, async (c) => {
    await c.query('BEGIN');
    try {
      if (messages.length > 0) {
        await c.query(
          `INSERT INTO messages (id, match_id, sender_pin, body, created_at)
           SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::text[], $5::timestamptz[])
           ON CONFLICT DO NOTHING`,
          [messages.map((m) => m.id), messages.map((m) => m.match_id), messages.map((m) => m.sender_pin), messages.map((m) => m.body), messages.map((m) => m.created_at)],
        );
      }
      if (states.length > 0) {
        // The newest change per match wins, and never over a newer one already stored.
        await c.query(
          `UPDATE matches m SET state = s.state, updated_at = s.updated_at
             FROM (SELECT DISTINCT ON (match_id) match_id, state, updated_at
                     FROM unnest($1::bigint[], $2::text[], $3::timestamptz[]) AS u(match_id, state, updated_at)
                    ORDER BY match_id, updated_at DESC) s
            WHERE m.id = s.match_id AND m.updated_at <= s.updated_at`,
          [states.map((s) => s.match_id), states.map((s) => s.state), states.map((s) => s.updated_at)],
        );
      }
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  });
}
