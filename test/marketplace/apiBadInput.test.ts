/*
 * A table of malformed requests: every one is answered 4xx with the platform's {"error":{"code","message"}}
 * shape, never a 5xx, by both variants. Each request comes from its own client address, so no rate limit
 * interferes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededMarketplaceDatabase, startMarketplaceApi, VARIANTS, type MarketplaceDatabase, type MarketplaceTestApi } from './helpers/marketplaceTestApi.ts';

const NAME = 'marketplace bad input';
const JSON_HEADERS = { 'content-type': 'application/json' };

interface Case {
  name: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  payload?: string;
  status: number;
  code: string;
}

const order = (body: unknown): Pick<Case, 'method' | 'url' | 'headers' | 'payload'> => ({ method: 'POST', url: '/orders', headers: JSON_HEADERS, payload: JSON.stringify(body) });

const CASES: Case[] = [
  { name: 'store id not a number', url: '/stores/abc', status: 400, code: 'INVALID_ID' },
  { name: 'store id zero', url: '/stores/0', status: 400, code: 'INVALID_ID' },
  { name: 'store id negative', url: '/stores/-1', status: 400, code: 'INVALID_ID' },
  { name: 'store id beyond a safe integer', url: '/stores/99999999999999999999', status: 400, code: 'INVALID_ID' },
  { name: 'unknown store', url: '/stores/999999', status: 404, code: 'SELLER_NOT_FOUND' },
  { name: 'product type unknown', url: '/products/gadget/1', status: 400, code: 'INVALID_PRODUCT_TYPE' },
  { name: 'product id with a fraction', url: '/products/ai/1.5', status: 400, code: 'INVALID_ID' },
  { name: 'unknown product', url: '/products/seller/99999999', status: 404, code: 'PRODUCT_NOT_FOUND' },
  { name: 'search without q', url: '/search', status: 400, code: 'INVALID_QUERY' },
  { name: 'search with an empty q', url: '/search?q=', status: 400, code: 'INVALID_QUERY' },
  { name: 'search with a blank q', url: '/search?q=%20%20%20', status: 400, code: 'INVALID_QUERY' },
  { name: 'search with q over 100 characters', url: `/search?q=${'a'.repeat(101)}`, status: 400, code: 'INVALID_QUERY' },
  { name: 'search with q given twice', url: '/search?q=a&q=b', status: 400, code: 'INVALID_QUERY' },
  { name: 'search page 0', url: '/search?q=kaka&page=0', status: 400, code: 'INVALID_PAGE' },
  { name: 'search page past the last', url: '/search?q=kaka&page=51', status: 400, code: 'INVALID_PAGE' },
  { name: 'search page not a number', url: '/search?q=kaka&page=two', status: 400, code: 'INVALID_PAGE' },
  { name: 'search with a malformed x-user-id', url: '/search?q=kaka', headers: { 'x-user-id': 'bob' }, status: 400, code: 'INVALID_ID' },
  { name: 'search with a NUL character', url: '/search?q=ka%00ka', status: 400, code: 'INVALID_QUERY' },
  { name: 'search with a control character', url: '/search?q=%1Bkaka', status: 400, code: 'INVALID_QUERY' },
  { name: 'order body not JSON', method: 'POST', url: '/orders', headers: JSON_HEADERS, payload: '{"buyer_id": 1,', status: 400, code: 'INVALID_JSON' },
  { name: 'order body as text/plain', method: 'POST', url: '/orders', headers: { 'content-type': 'text/plain' }, payload: 'buy', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'order body an array', ...order([1, 'ai', 1]), status: 400, code: 'INVALID_BODY' },
  { name: 'order without buyer_id', ...order({ product_type: 'ai', product_id: 1 }), status: 400, code: 'INVALID_BODY' },
  { name: 'order buyer_id as a string', ...order({ buyer_id: '1', product_type: 'ai', product_id: 1 }), status: 400, code: 'INVALID_BODY' },
  { name: 'order product_type unknown', ...order({ buyer_id: 1, product_type: 'gift', product_id: 1 }), status: 400, code: 'INVALID_PRODUCT_TYPE' },
  { name: 'order product_id negative', ...order({ buyer_id: 1, product_type: 'ai', product_id: -4 }), status: 400, code: 'INVALID_BODY' },
  { name: 'order with an unknown field', ...order({ buyer_id: 1, product_type: 'ai', product_id: 1, price: 0 }), status: 400, code: 'INVALID_BODY' },
  { name: 'order for an unknown buyer', ...order({ buyer_id: 99999999, product_type: 'ai', product_id: 1 }), status: 404, code: 'BUYER_NOT_FOUND' },
  { name: 'order for an unavailable product', ...order({ buyer_id: 1, product_type: 'ai', product_id: 7 }), status: 409, code: 'PRODUCT_UNAVAILABLE' },
  { name: 'order body too large', method: 'POST', url: '/orders', headers: JSON_HEADERS, payload: JSON.stringify({ buyer_id: 1, pad: 'x'.repeat(2_000_000) }), status: 413, code: 'BODY_TOO_LARGE' },
  { name: 'unknown route', url: '/marketplace/elsewhere', status: 404, code: 'NOT_FOUND' },
  { name: 'home with a wrong method', method: 'DELETE', url: '/marketplace/home', status: 404, code: 'NOT_FOUND' },
];

describe(NAME, () => {
  let db: MarketplaceDatabase;
  const apis: Partial<Record<string, MarketplaceTestApi>> = {};

  beforeAll(async () => {
    db = await seededMarketplaceDatabase(NAME);
    for (const v of VARIANTS) apis[v] = await startMarketplaceApi(NAME, v, db.urls[v]);
  }, 60_000);

  afterAll(async () => {
    for (const api of Object.values(apis)) await api?.close();
    await db?.drop();
  });

  it('has at least 20 malformed requests', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(VARIANTS)('variant %s', (variant) => {
    it.each(CASES.map((c, i) => ({ ...c, i })))('$name: $status $code', async (c) => {
      const res = await apis[variant]!.app.inject({
        method: c.method ?? 'GET', url: c.url, payload: c.payload,
        headers: { 'x-forwarded-for': `10.66.0.${c.i + 1}`, ...c.headers },
      });
      expect(res.statusCode).toBe(c.status);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json()).toMatchObject({ error: { code: c.code } });
    });
  });
});
