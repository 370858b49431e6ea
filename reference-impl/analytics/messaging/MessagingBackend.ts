/*
 * What the match routes (routes/matchRoutes.ts) need, so one set of routes serves both variants:
 * kvMessaging.ts (the plan: Redis first, batched persistence) and postgresMessaging.ts (the "before": one
 * statement per request).
 */
import type { ChatMessage, MatchParties, MatchState, MatchStateChange } from './ChatMessage.ts';

export interface MessagePage {
  /** Newest first. */
  messages: ChatMessage[];
}

export interface MessagingBackend {
  /** The match's two PINs, or undefined when there is no such match. */
  findMatch(matchId: number): Promise<MatchParties | undefined>;
  /** Stores (optimized: acknowledges) one message. */
  send(message: ChatMessage): Promise<void>;
  /** Up to `limit` messages of the match created strictly before `beforeMs` (all when undefined), newest first. */
  page(matchId: number, beforeMs: number | undefined, limit: number): Promise<MessagePage>;
  setState(change: MatchStateChange): Promise<void>;
}

export type { MatchState };
