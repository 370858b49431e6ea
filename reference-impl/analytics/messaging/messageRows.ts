/* Messages and match parties read from Postgres, shared by both variants (the same JSON either way). */
import type { Database } from '../../platform/db/Database.ts';
import type { ChatMessage, MatchParties } from './ChatMessage.ts';

interface MessageRow {
  id: string;
  match_id: string;
  sender_pin: string;
  body: string;
  created_at: Date;
}

export function messageOf(r: MessageRow): ChatMessage {
  return { id: r.id, match_id: Number(r.match_id), sender_pin: Number(r.sender_pin), body: r.body, created_at: r.created_at.toISOString() };
}

export async function matchParties(db: Database, matchId: number): Promise<MatchParties | undefined> {
  const r = await db.query<{ pin_a: string; pin_b: string }>({ text: 'SELECT pin_a, pin_b FROM matches WHERE id = $1', values: [matchId] });
  const row = r.rows[0];
  return row ? { pinA: Number(row.pin_a), pinB: Number(row.pin_b) } : undefined;
}

/** The match's PINs and whether any message of it is stored (one statement), for the Redis cache. */
export async function matchWithHistory(db: Database, matchId: number): Promise<(MatchParties & { olderInPostgres: boolean }) | undefined> {
  const r = await db.query<{ pin_a: string; pin_b: string; older: boolean }>({
    text: 'SELECT pin_a, pin_b, EXISTS (SELECT 1 FROM messages WHERE match_id = $1) AS older FROM matches WHERE id = $1',
    values: [matchId],
  });
  const row = r.rows[0];
  return row ? { pinA: Number(row.pin_a), pinB: Number(row.pin_b), olderInPostgres: row.older } : undefined;
}

/** Up to `limit` messages older than `before` (ISO; all when null), newest first: one index range scan. */
export async function olderMessages(db: Database, matchId: number, before: string | null, limit: number): Promise<ChatMessage[]> {
  const r = await db.query<MessageRow>({
    text: `SELECT id, match_id, sender_pin, body, created_at FROM messages
            WHERE match_id = $1 AND ($2::timestamptz IS NULL OR created_at < $2)
            ORDER BY created_at DESC, id DESC LIMIT $3`,
    values: [matchId, before, limit],
  });
  return r.rows.map(messageOf);
}
