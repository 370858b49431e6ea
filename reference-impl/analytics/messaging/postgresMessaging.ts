/*
 * The naive variant's messaging, seed 000's "before" (the plan moves chat into KV): every message is one INSERT,
 * every page and every match lookup a query, every state change an UPDATE, all straight to Postgres. No Redis,
 * no audit stream (the plan introduces both).
 */
import type { Database } from '../../platform/db/Database.ts';
import { unavailableAs503 } from '../../platform/db/unavailableAs503.ts';
import type { MessagingBackend } from './MessagingBackend.ts';
import { matchParties, olderMessages } from './messageRows.ts';

export function postgresMessaging(db: Database): MessagingBackend {
  return {
    findMatch: (id) => unavailableAs503(() => matchParties(db, id)),
    send: (m) => unavailableAs503(async () => {
      await db.query({
        text: 'INSERT INTO messages (id, match_id, sender_pin, body, created_at) VALUES ($1, $2, $3, $4, $5)',
        values: [m.id, m.match_id, m.sender_pin, m.body, m.created_at],
      });
    }),
    page: (id, beforeMs, limit) => unavailableAs503(async () => ({
      messages: await olderMessages(db, id, beforeMs === undefined ? null : new Date(beforeMs).toISOString(), limit),
    })),
    setState: (s) => unavailableAs503(async () => {
      await db.query({ text: 'UPDATE matches SET state = $2, updated_at = $3 WHERE id = $1', values: [s.match_id, s.state, s.updated_at] });
    }),
  };
}
