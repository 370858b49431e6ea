/*
 * Malformed requests get a 4xx JSON error from both variants, never a 5xx; the per-client rate limit answers
 * 429 with Retry-After past its budget (seed 004 Phase 4), for that client only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId, productId, siteId } from '../../scenarios/catalog/layout.ts';
import { redisTitle } from '../helpers/testRedis.ts';
import { seededCatalogDatabase, startCatalogApi, type CatalogDatabase, type CatalogTestApi, type CatalogVariant } from './helpers/catalogTestApi.ts';

const SITE = siteId(2, 0);
const GOOD = { customer_name: 'Ann', customer_email: 'ann@example.org', items: [{ product_id: productId(2, 0), qty: 1 }] };

const bad: Array<[string, 'GET' | 'POST', string, unknown, number]> = [
  ['non-UUID site', 'GET', '/sites/42/products', undefined, 400],
  ['page 0', 'GET', `/sites/${SITE}/products?page=0`, undefined, 400],
  ['page not a number', 'GET', `/sites/${SITE}/products?page=two`, undefined, 400],
  ['pageSize over 1000', 'GET', `/sites/${SITE}/products?pageSize=1001`, undefined, 400],
  ['pageSize twice', 'GET', `/sites/${SITE}/products?pageSize=5&pageSize=6`, undefined, 400],
  ['category with spaces', 'GET', `/sites/${SITE}/products?category=home%20office`, undefined, 400],
  ['non-UUID product', 'GET', '/products/abc', undefined, 400],
  ['non-UUID order', 'GET', '/orders/ORD-1', undefined, 400],
  ['non-UUID job', 'GET', '/jobs/1', undefined, 400],
  ['report without month', 'POST', '/reports/orders', undefined, 400],
  ['report month 13', 'POST', '/reports/orders?month=2026-13', undefined, 400],
  ['report month as a date', 'POST', '/reports/orders?month=2026-01-01', undefined, 400],
  ['order body not JSON', 'POST', `/sites/${SITE}/orders`, '{"customer_name":', 400],
  ['order body an array', 'POST', `/sites/${SITE}/orders`, [GOOD], 400],
  ['order without items', 'POST', `/sites/${SITE}/orders`, { ...GOOD, items: [] }, 400],
  ['order qty 0', 'POST', `/sites/${SITE}/orders`, { ...GOOD, items: [{ product_id: productId(2, 0), qty: 0 }] }, 400],
  ['order qty as text', 'POST', `/sites/${SITE}/orders`, { ...GOOD, items: [{ product_id: productId(2, 0), qty: '1' }] }, 400],
  ['order qty fractional', 'POST', `/sites/${SITE}/orders`, { ...GOOD, items: [{ product_id: productId(2, 0), qty: 1.5 }] }, 400],
  ['order repeated product', 'POST', `/sites/${SITE}/orders`, { ...GOOD, items: [GOOD.items[0], GOOD.items[0]] }, 400],
  ['order bad email', 'POST', `/sites/${SITE}/orders`, { ...GOOD, customer_email: 'ann' }, 400],
  ['order unknown field', 'POST', `/sites/${SITE}/orders`, { ...GOOD, discount: 100 }, 400],
  ['order non-UUID product', 'POST', `/sites/${SITE}/orders`, { ...GOOD, items: [{ product_id: 'x', qty: 1 }] }, 400],
  ['order of an unknown product', 'POST', `/sites/${SITE}/orders`, { ...GOOD, items: [{ product_id: productId(2, 99_999), qty: 1 }] }, 422],
  ['order qty over 100', 'POST', `/sites/${SITE}/orders`, { ...GOOD, items: [{ product_id: productId(2, 0), qty: 101 }] }, 400],
  ['unknown route', 'GET', '/sites', undefined, 404],
];

describe(redisTitle('catalog: bad input and the rate limit'), () => {
  let db: CatalogDatabase;
  const apis: Partial<Record<CatalogVariant, CatalogTestApi>> = {};

  beforeAll(async () => {
    db = await seededCatalogDatabase('catalog bad input');
    for (const v of ['naive', 'optimized'] as const) apis[v] = await startCatalogApi(`catalog bad ${v}`, v, db.urls[v], { settings: { rateLimit: 1000, rateLimitWindowS: 60 } });
  });

  afterAll(async () => {
    for (const api of Object.values(apis)) await api?.close();
    await db?.drop();
  });

  describe.each(['naive', 'optimized'] as const)('variant %s', (variant) => {
    it.each(bad)('%s: %s %s -> %i with an error code', async (_name, method, path, body, status) => {
      const api = apis[variant]!;
      const r = method === 'GET' ? await api.get(path, 2) : await api.post(path, 2, body);
      expect(r.statusCode, r.body).toBe(status);
      expect((r.json() as { error: { code: string } }).error.code).toMatch(/^[A-Z_]+$/);
    });

    it('text/plain bodies are refused with 415', async () => {
      const r = await apis[variant]!.app.inject({ method: 'POST', url: `/sites/${SITE}/orders`, headers: { 'x-client-id': clientId(2), 'content-type': 'text/plain' }, payload: 'hello' });
      expect(r.statusCode).toBe(415);
    });
  });

  it('the per-client limit answers 429 with Retry-After past its budget, for that client only', async () => {
    const api = await startCatalogApi('catalog rate limit', 'optimized', db.urls.optimized, { settings: { rateLimit: 3, rateLimitWindowS: 60 } });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await api.get('/catalogs', 4)).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const limited = await api.get('/catalogs', 4);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect((limited.json() as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
      expect((await api.get('/catalogs', 5)).statusCode).toBe(200);
    } finally {
      await api.close();
    }
  });
});
