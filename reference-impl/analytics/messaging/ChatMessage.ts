/*
 * One chat message as both variants store and answer it (seed 000, messaging & matches). The uuid is given by
 * the API when it acknowledges the message, so a persisted copy is recognisable (ON CONFLICT) and pages from
 * Redis and Postgres can be merged without duplicates. created_at is an ISO string: the JSON is the same whether
 * the message came from Redis or from Postgres.
 */
export interface ChatMessage {
  id: string;
  match_id: number;
  sender_pin: number;
  body: string;
  created_at: string;
}

/** The states POST /matches/:id/state accepts. */
export const MATCH_STATES = ['active', 'paused', 'archived'] as const;
export type MatchState = (typeof MATCH_STATES)[number];

/** The two PINs of a match. */
export interface MatchParties {
  pinA: number;
  pinB: number;
}

/** A state change as the API acknowledged it. */
export interface MatchStateChange {
  match_id: number;
  state: MatchState;
  updated_at: string;
}

/** Page order: newest first, created_at then id. */
export function newerFirst(a: ChatMessage, b: ChatMessage): number {
  return a.created_at === b.created_at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.created_at < b.created_at ? 1 : -1;
}
