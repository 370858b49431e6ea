/*
 * POST /pins/:number/events {"event_type": ...}: validated, appended to the write buffer, answered
 * 202 {"accepted":1}. What the 202 promises depends on SCALEPROOF_ACK_MODE (see WriteBuffer): buffered (the plan)
 * answers once the event is in memory, committed answers only after the batch holding it has committed to
 * pin_analytics. A full buffer answers 503 with Retry-After instead of dropping anything.
 *
 * PIN existence is NOT checked per event: a lookup per event would put a read on the write path and defeat
 * batching. Any well-formed number is accepted and stored with pin_id = its digits (pin_analytics has no
 * foreign key); events for a number no PIN has stay invisible, since dashboards resolve the number through
 * professional_pins first. A production API would authenticate the sender instead.
 */
import type { FastifyInstance } from 'fastify';
import type { AnalyticsParts } from '../AnalyticsParts.ts';
import { httpErrors } from '../../platform/errors/httpErrors.ts';
import { eventBodySchema, type EventBody } from '../validation/eventBodySchema.ts';
import { parsePinNumber } from '../validation/pinNumber.ts';
import { eventLine } from '../writeBuffer/eventLine.ts';
import { writeIdOf } from '../../platform/writeId.ts';

const ACCEPTED = Buffer.from('{"accepted":1}'); // encoded once, not per response
const JSON_TYPE = 'application/json; charset=utf-8';

export function pinEventsRoute(app: FastifyInstance, parts: AnalyticsParts): void {
  const { buffer, metrics, config, settings } = parts;
  const retryAfterS = Math.max(1, Math.ceil(settings.flushIntervalMs / 1000));
  const committed = settings.ackMode === 'committed';

  app.post<{ Params: { number: string }; Body: EventBody }>(
    '/pins/:number/events',
    { schema: { body: eventBodySchema }, bodyLimit: config.bodyLimitBytes },
    async (request, reply) => {
      const pinNumber = parsePinNumber(request.params.number);
      const line = eventLine(pinNumber, request.body.event_type, Date.now(), writeIdOf(request.headers));
      const outcome = committed ? await buffer.offerCommitted(line) : buffer.offer(line);
      if (outcome !== 'accepted') {
        metrics.eventRejected(outcome);
        throw outcome === 'full' ? httpErrors.bufferFull(retryAfterS) : httpErrors.shuttingDown();
      }
      metrics.eventAccepted();
      return reply.code(202).type(JSON_TYPE).send(ACCEPTED);
    },
  );
}
