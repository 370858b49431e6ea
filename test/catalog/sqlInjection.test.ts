/*
 * Issue 9's SQL-injection table: 20 payloads in every parameter the API takes (path ids, query parameters, the
 * x-client-id header, every body field), against both variants, as client 2. Every answer is a 4xx or a correct
 * result (a product page that is empty, an order stored with the payload as its literal name), never a 5xx
 * and never a row of another tenant. Values reach SQL only as bind parameters; this checks it from outside.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId, productId, siteId } from '../../scenarios/catalog/layout.ts';
import { redisTitle } from '../helpers/testRedis.ts';
import { TEST_CLIENTS, seededCatalogDatabase, startCatalogApi, type CatalogDatabase, type CatalogTestApi, type CatalogVariant } from './helpers/catalogTestApi.ts';

const ME = 2;
const PAYLOADS = [
  "' OR '1'='1", "1; DROP TABLE orders; --", "' UNION SELECT * FROM orders --", '" OR ""="', "admin'--",
  "'; SELECT pg_sleep(5); --", "' OR 1=1 LIMIT 1 --", `${clientId(1)}' OR 'x'='x`, '1 OR 1=1', "'||(SELECT current_user)||'",
  "a' OR client_id IS NOT NULL --", '%', '*', '$1', "'); DELETE FROM kv_store; --", '../../etc/passwd', '\u0000',
  "😀' --", `${siteId(1, 0)}`, "home' OR category IS NOT NULL --",
];

/** Markers of the other tenants' rows: every id of theirs starts with its kind byte and client number. */
const foreign = TEST_CLIENTS.filter((c) => c !== ME).flatMap((c) => [1, 2, 3, 4, 5].map((k) => `0${k}${c.toString(16).padStart(6, '0')}-`));
const leaks = (body: string) => foreign.filter((m) => body.includes(m));

type Send = (api: CatalogTestApi, p: string) => Promise<{ statusCode: number; body: string }>;
const enc = encodeURIComponent;
const order = (over: Record<string, unknown>) => ({ customer_name: 'Ann', customer_email: 'ann@example.org', items: [{ product_id: productId(ME, 0), qty: 1 }], ...over });
const headerSafe = (p: string) => /^[\x20-\x7e]*$/.test(p);

const PARAMETERS: Array<[string, Send]> = [
  ['siteId (products)', (api, p) => api.get(`/sites/${enc(p)}/products`, ME)],
  ['product id', (api, p) => api.get(`/products/${enc(p)}`, ME)],
  ['order id', (api, p) => api.get(`/orders/${enc(p)}`, ME)],
  ['job id', (api, p) => api.get(`/jobs/${enc(p)}`, ME)],
  ['page', (api, p) => api.get(`/sites/${siteId(ME, 0)}/products?page=${enc(p)}`, ME)],
  ['pageSize', (api, p) => api.get(`/sites/${siteId(ME, 0)}/products?pageSize=${enc(p)}`, ME)],
  ['category', (api, p) => api.get(`/sites/${siteId(ME, 0)}/products?category=${enc(p)}`, ME)],
  ['month', (api, p) => api.post(`/reports/orders?month=${enc(p)}`, ME)],
  ['x-client-id', (api, p) => api.get('/catalogs', { 'x-client-id': headerSafe(p) ? p : enc(p) })],
  ['siteId (orders)', (api, p) => api.post(`/sites/${enc(p)}/orders`, ME, order({}))],
  ['customer_name', (api, p) => api.post(`/sites/${siteId(ME, 0)}/orders`, ME, order({ customer_name: p }))],
  ['customer_email', (api, p) => api.post(`/sites/${siteId(ME, 0)}/orders`, ME, order({ customer_email: p }))],
  ['items[].product_id', (api, p) => api.post(`/sites/${siteId(ME, 0)}/orders`, ME, order({ items: [{ product_id: p, qty: 1 }] }))],
  ['items[].qty', (api, p) => api.post(`/sites/${siteId(ME, 0)}/orders`, ME, order({ items: [{ product_id: productId(ME, 0), qty: p }] }))],
];

describe(redisTitle('catalog: SQL injection table'), () => {
  let db: CatalogDatabase;
  const apis: Partial<Record<CatalogVariant, CatalogTestApi>> = {};

  beforeAll(async () => {
    db = await seededCatalogDatabase('catalog injection');
    for (const v of ['naive', 'optimized'] as const) apis[v] = await startCatalogApi(`catalog inj ${v}`, v, db.urls[v], { settings: { rateLimit: 0 } });
  });

  afterAll(async () => {
    for (const api of Object.values(apis)) await api?.close();
    await db?.drop();
  });

  it('has at least 15 payloads for each of the parameters', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(15);
    expect(PARAMETERS.length).toBe(14);
  });

  describe.each(['naive', 'optimized'] as const)('variant %s', (variant) => {
    it.each(PARAMETERS)('%s: every payload is a 4xx or a correct answer, never a 5xx or a foreign row', async (_name, send) => {
      const api = apis[variant]!;
      for (const p of PAYLOADS) {
        const r = await send(api, p);
        expect(r.statusCode, `${JSON.stringify(p)}: ${r.body.slice(0, 200)}`).toBeLessThan(500);
        expect([200, 201, 202].includes(r.statusCode) || (r.statusCode >= 400 && r.statusCode < 500), `${JSON.stringify(p)} -> ${r.statusCode}`).toBe(true);
        // The payload itself may come back (an order's literal customer_name): only other text counts as a leak.
        const echoFree = r.body.split(JSON.stringify(p).slice(1, -1)).join('');
        if (r.statusCode < 300) expect(leaks(echoFree), `${JSON.stringify(p)}: ${r.body.slice(0, 200)}`).toEqual([]);
        if (r.statusCode === 201 && _name === 'customer_name') {
          const created = JSON.parse(r.body) as { id: string; customer_name: string };
          expect(created.customer_name).toBe(p);
          expect((JSON.parse((await api.get(`/orders/${created.id}`, ME)).body) as { customer_name: string }).customer_name).toBe(p);
        }
        if (r.statusCode === 200 && _name === 'category') expect((JSON.parse(r.body) as { items: unknown[] }).items).toEqual([]);
      }
    });
  });

  it('left every table whole: the other tenants still have all their orders', async () => {
    const c = await db.client('optimized');
    const n = (await c.query<{ n: number }>('SELECT count(DISTINCT client_id)::int AS n FROM orders')).rows[0]!.n;
    expect(n).toBe(TEST_CLIENTS.length);
    const kv = await db.client('naive');
    expect((await kv.query<{ n: number }>("SELECT count(*)::int AS n FROM kv_store WHERE key LIKE 'order:%'")).rows[0]!.n).toBeGreaterThan(1000);
  });
});
