/* The match routes' coded errors, in the platform's shape ({"error":{"code","message"}}). */
import { HttpError, quote } from '../../platform/errors/httpErrors.ts';

export const messagingErrors = {
  invalidMatchId: (raw: unknown) =>
    new HttpError(400, 'INVALID_MATCH_ID', `match id ${quote(raw)} is malformed; expected a positive whole number.`),
  invalidBefore: (raw: unknown) =>
    new HttpError(400, 'INVALID_BEFORE', `before=${quote(raw)} is malformed; expected epoch milliseconds (a page's next_before).`),
  invalidLimit: (raw: unknown, max: number) =>
    new HttpError(400, 'INVALID_LIMIT', `limit=${quote(raw)} is malformed; expected a whole number from 1 to ${max}.`),
  matchNotFound: (id: number) => new HttpError(404, 'MATCH_NOT_FOUND', `no match ${id}.`),
  notInMatch: (pin: number, id: number) =>
    new HttpError(403, 'NOT_IN_MATCH', `PIN ${pin} is not one of the two PINs of match ${id}; only they can write to it.`),
  chatUnavailable: (cause: unknown) =>
    new HttpError(503, 'CHAT_STORE_UNAVAILABLE', 'the chat store (Redis) did not answer; retry shortly.', { 'retry-after': '1' }, { cause }),
};
