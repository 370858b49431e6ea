/*
 * The riders API's coded errors, in the platform's shape ({"error":{"code","message"}}, HttpError): clients and
 * tests match on `code`. Messages say what was wrong and what is accepted.
 */
import { HttpError, quote } from '../platform/errors/httpErrors.ts';

export const ridersErrors = {
  /** A JSON-schema failure of params or body (validation/routeSchema.ts). */
  invalidRequest: (part: string, detail: string) =>
    new HttpError(400, `INVALID_${part.toUpperCase()}`, `invalid ${part}: ${detail}`),
  invalidAmount: (raw: unknown) =>
    new HttpError(400, 'INVALID_AMOUNT', `amount ${quote(raw)} must be a positive number of rupees with at most 2 decimals, up to 100000.`),
  riderNotFound: (id: number) => new HttpError(404, 'RIDER_NOT_FOUND', `no rider ${id}.`),
  cityNotFound: (city: string) => new HttpError(404, 'CITY_NOT_FOUND', `no city ${quote(city)}; cities are lowercase slugs such as bengaluru.`),
  noPendingOrders: (city: string) => new HttpError(404, 'NO_PENDING_ORDERS', `no pending order in ${quote(city)} right now.`),
  insufficientBalance: (balance: string) =>
    new HttpError(409, 'INSUFFICIENT_BALANCE', `the wallet holds ${balance}; a withdrawal cannot exceed the balance.`),
};
