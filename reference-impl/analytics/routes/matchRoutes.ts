/*
 * Seed 000's messaging and matches, the same routes, statuses and JSON in both variants (the backend differs):
 *   POST /matches/:id/messages {"sender_pin", "body"}  -> 201 the message (sender must be one of the match's PINs)
 *   GET  /matches/:id/messages?before=<ms>&limit=<n>   -> 200 {"match_id", "messages" newest first, "next_before"}
 *   POST /matches/:id/state {"state"}                  -> 200 {"match_id", "state", "updated_at"}
 * `before` is epoch milliseconds, exclusive (a page's next_before); limit 1..100, default 20. Unknown match 404.
 */
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { MATCH_STATES, type ChatMessage, type MatchState } from '../messaging/ChatMessage.ts';
import type { MessagingBackend } from '../messaging/MessagingBackend.ts';
import { messagingErrors } from '../messaging/messagingErrors.ts';

const MATCH_ID = /^[1-9]\d{0,14}$/;
const MS = /^\d{1,15}$/;
const LIMIT = /^\d{1,3}$/;
const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 20;
export const MAX_MESSAGE_CHARS = 2000;

const messageBodySchema = {
  type: 'object',
  required: ['sender_pin', 'body'],
  properties: {
    sender_pin: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
    body: { type: 'string', minLength: 1, maxLength: MAX_MESSAGE_CHARS },
  },
} as const;

const stateBodySchema = {
  type: 'object',
  required: ['state'],
  properties: { state: { type: 'string', enum: [...MATCH_STATES] } },
} as const;

function parseMatchId(raw: unknown): number {
  if (typeof raw !== 'string' || !MATCH_ID.test(raw)) throw messagingErrors.invalidMatchId(raw);
  return Number(raw);
}

function parseBefore(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !MS.test(raw)) throw messagingErrors.invalidBefore(raw);
  return Number(raw);
}

function parseLimit(raw: unknown): number {
  if (raw === undefined) return DEFAULT_LIMIT;
  const n = typeof raw === 'string' && LIMIT.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= MAX_LIMIT)) throw messagingErrors.invalidLimit(raw, MAX_LIMIT);
  return n;
}

export function matchRoutes(app: FastifyInstance, backend: MessagingBackend): void {
  const existing = async (id: number) => {
    const parties = await backend.findMatch(id);
    if (!parties) throw messagingErrors.matchNotFound(id);
    return parties;
  };

  app.post<{ Params: { id: string }; Body: { sender_pin: number; body: string } }>(
    '/matches/:id/messages',
    { schema: { body: messageBodySchema } },
    async (request, reply) => {
      const id = parseMatchId(request.params.id);
      const { sender_pin: sender, body } = request.body;
      const parties = await existing(id);
      if (sender !== parties.pinA && sender !== parties.pinB) throw messagingErrors.notInMatch(sender, id);
      const message: ChatMessage = { id: crypto.randomUUID(), match_id: id, sender_pin: sender, body, created_at: new Date().toISOString() };
      await backend.send(message);
      return reply.code(201).send(message);
    },
  );

  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>('/matches/:id/messages', async (request) => {
    const id = parseMatchId(request.params.id);
    const before = parseBefore(request.query.before);
    const limit = parseLimit(request.query.limit);
    await existing(id);
    const { messages } = await backend.page(id, before, limit);
    const last = messages.at(-1);
    return { match_id: id, messages, next_before: messages.length === limit && last ? Date.parse(last.created_at) : null };
  });

  app.post<{ Params: { id: string }; Body: { state: MatchState } }>(
    '/matches/:id/state',
    { schema: { body: stateBodySchema } },
    async (request) => {
      const id = parseMatchId(request.params.id);
      await existing(id);
      const change = { match_id: id, state: request.body.state, updated_at: new Date().toISOString() };
      await backend.setState(change);
      return change;
    },
  );
}
