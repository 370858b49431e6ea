/*
 * JSON schema of POST /pins/:number/events. Fastify compiles it once (ajv) at startup. Unknown extra
 * properties are ignored, not stored: the row holds only the event type.
 */
import { EVENT_TYPES, type EventType } from '../../../seeders/analytics/eventTypes.ts';

export interface EventBody {
  event_type: EventType;
}

export const eventBodySchema = {
  type: 'object',
  required: ['event_type'],
  properties: {
    event_type: { type: 'string', enum: [...EVENT_TYPES] },
  },
} as const;
