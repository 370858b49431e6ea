/*
 * POST /pins/:number/events {"event_type": ...}, the "before": one INSERT per event, on the request path, and
 * 202 {"accepted":1} only once it has committed (no buffer, no batching: every event is its own transaction
 * and WAL flush on the one pin_analytics heap). The id and created_at come from the column defaults.
 *
 * Same validation, statuses and body as the optimized route (routes/pinEvents.ts), and the same rule that a
 * PIN's existence is not checked: pin_id is the number's digits. A failed insert answers 503 DB_UNAVAILABLE;
 * there is no buffer to fill, so no 503 BUFFER_FULL.
 */
import type { FastifyInstance } from 'fastify';
import { pinIdFromNumber } from '../../../seeders/analytics/pinNumber.ts';
import { httpErrors } from '../../platform/errors/httpErrors.ts';
import { eventBodySchema, type EventBody } from '../validation/eventBodySchema.ts';
import { parsePinNumber } from '../validation/pinNumber.ts';
import { writeIdOf } from '../../platform/writeId.ts';
import type { NaiveParts } from './NaiveParts.ts';

const ACCEPTED = '{"accepted":1}';
const JSON_TYPE = 'application/json; charset=utf-8';
const INSERT_EVENT = 'INSERT INTO pin_analytics (pin_id, pin_number, event_type, write_id) VALUES ($1, $2, $3, $4)';

export function naivePinEventsRoute(app: FastifyInstance, parts: NaiveParts): void {
  const { db, metrics, config } = parts;

  app.post<{ Params: { number: string }; Body: EventBody }>(
    '/pins/:number/events',
    { schema: { body: eventBodySchema }, bodyLimit: config.bodyLimitBytes },
    async (request, reply) => {
      const pinNumber = parsePinNumber(request.params.number);
      const writeId = writeIdOf(request.headers) ?? null;
      try {
        await db.query({ text: INSERT_EVENT, values: [pinIdFromNumber(pinNumber), pinNumber, request.body.event_type, writeId] });
      } catch (err) {
        throw httpErrors.databaseUnavailable(err);
      }
      metrics.eventAccepted();
      return reply.code(202).type(JSON_TYPE).send(ACCEPTED);
    },
  );
}
