/*
 * The catalog API's coded errors, in the platform's shape ({"error":{"code","message"}}, HttpError). Another
 * tenant's ids answer 404 exactly as unknown ones do (a 403 would confirm that the id exists).
 */
import { HttpError, quote } from '../../platform/errors/httpErrors.ts';

export const catalogErrors = {
  missingClient: () => new HttpError(401, 'UNAUTHENTICATED', 'send the x-client-id header (your client id, a UUID).'),
  invalidClient: (raw: unknown) => new HttpError(400, 'INVALID_CLIENT_ID', `x-client-id ${quote(raw)} is not a UUID.`),
  unknownClient: () => new HttpError(403, 'FORBIDDEN', 'this client id is not a client of the platform.'),
  rateLimited: (limit: number, windowS: number, retryAfterS: number) =>
    new HttpError(429, 'RATE_LIMITED', `more than ${limit} requests of this client in ${windowS} s; retry after ${retryAfterS} s.`, { 'retry-after': String(retryAfterS) }),
  invalid: (field: string, raw: unknown, expected: string) => new HttpError(400, 'INVALID_REQUEST', `${field} ${quote(raw)} is not valid; expected ${expected}.`),
  invalidBody: (detail: string) => new HttpError(400, 'INVALID_BODY', `invalid body: ${detail}`),
  notFound: (what: string, id: string) => new HttpError(404, `${what.toUpperCase()}_NOT_FOUND`, `no ${what} ${quote(id)}.`),
  itemsUnavailable: (productIds: readonly string[]) =>
    new HttpError(422, 'ITEMS_UNAVAILABLE', `not offered by this site or not enough inventory: ${productIds.slice(0, 5).join(', ')}${productIds.length > 5 ? ', ...' : ''}.`),
  reportsUnavailable: () => new HttpError(503, 'REPORTS_UNAVAILABLE', 'the report queue is not reachable; retry shortly.', { 'retry-after': '5' }),
};
