/*
 * Request parsing for the marketplace routes: every malformed id, type, query, page, header or body is a coded
 * 400, never a 5xx (coerceTypes is off, so params and query strings arrive as strings and are checked here).
 */
import { MAX_SEARCH_PAGE, type ProductType } from '../../../scenarios/marketplace/layout.ts';
import { quote } from '../../platform/errors/httpErrors.ts';
import { marketplaceErrors } from '../errors/marketplaceErrors.ts';
import type { OrderRequest, SearchRequest } from '../reads/MarketplaceReads.ts';

const ID = /^[1-9][0-9]{0,14}$/;
const MAX_QUERY_CHARS = 100;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export function parseId(raw: unknown, field: string): number {
  if (typeof raw !== 'string' || !ID.test(raw)) throw marketplaceErrors.invalid('INVALID_ID', `${field} ${quote(raw)} must be a positive whole number, e.g. 42.`);
  return Number(raw);
}

export function parseProductType(raw: unknown): ProductType {
  if (raw !== 'ai' && raw !== 'seller') throw marketplaceErrors.invalid('INVALID_PRODUCT_TYPE', `product type ${quote(raw)} must be ai or seller.`);
  return raw;
}

export function parseSearch(query: Record<string, unknown>, userHeader: unknown): SearchRequest {
  const q = query.q;
  // Control characters (NUL above all: Postgres text cannot hold it) are never part of a search.
  if (typeof q !== 'string' || CONTROL.test(q)) throw marketplaceErrors.badQuery(q);
  const normalised = q.trim().replace(/\s+/g, ' ').toLowerCase();
  if (normalised.length === 0 || normalised.length > MAX_QUERY_CHARS) throw marketplaceErrors.badQuery(q);
  let page = 1;
  if (query.page !== undefined) {
    const p = query.page;
    if (typeof p !== 'string' || !/^[1-9][0-9]{0,2}$/.test(p) || Number(p) > MAX_SEARCH_PAGE) {
      throw marketplaceErrors.invalid('INVALID_PAGE', `page ${quote(p)} must be a whole number from 1 to ${MAX_SEARCH_PAGE}.`);
    }
    page = Number(p);
  }
  const userId = userHeader === undefined ? null : parseId(userHeader, 'x-user-id');
  return { query: normalised, page, userId };
}

export function parseOrder(body: unknown): OrderRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw marketplaceErrors.invalid('INVALID_BODY', 'send a JSON object {"buyer_id": 1, "product_type": "ai"|"seller", "product_id": 1}.');
  }
  const b = body as Record<string, unknown>;
  const extra = Object.keys(b).filter((k) => k !== 'buyer_id' && k !== 'product_type' && k !== 'product_id');
  if (extra.length > 0) throw marketplaceErrors.invalid('INVALID_BODY', `unknown field ${quote(extra[0])}; send buyer_id, product_type and product_id only.`);
  const whole = (v: unknown, field: string): number => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) throw marketplaceErrors.invalid('INVALID_BODY', `${field} ${quote(JSON.stringify(v))} must be a positive whole number.`);
    return v;
  };
  return { buyerId: whole(b.buyer_id, 'buyer_id'), productType: parseProductType(b.product_type), productId: whole(b.product_id, 'product_id') };
}
