/* The marketplace API's coded errors, in the platform's shape ({"error":{"code","message"}}, HttpError). */
import { HttpError, quote } from '../../platform/errors/httpErrors.ts';

export const marketplaceErrors = {
  invalid: (code: string, message: string) => new HttpError(400, code, message),
  rateLimited: (scope: string, limit: number, windowS: number, retryAfterS: number) =>
    new HttpError(429, 'RATE_LIMITED', `more than ${limit} ${scope} requests in ${windowS} s from this client; retry after ${retryAfterS} s.`, { 'retry-after': String(retryAfterS) }),
  sellerNotFound: (id: number) => new HttpError(404, 'SELLER_NOT_FOUND', `no store ${id}.`),
  productNotFound: (type: string, id: number) => new HttpError(404, 'PRODUCT_NOT_FOUND', `no ${type} product ${id}.`),
  buyerNotFound: (id: number) => new HttpError(404, 'BUYER_NOT_FOUND', `no user ${id}.`),
  productUnavailable: (type: string, id: number) =>
    new HttpError(409, 'PRODUCT_UNAVAILABLE', `${type} product ${id} is not available for sale (delisted or awaiting approval).`),
  badQuery: (raw: unknown) => new HttpError(400, 'INVALID_QUERY', `q ${quote(raw)} must be 1 to 100 characters of text; send /search?q=word.`),
};
