/*
 * Seed 004 2.2 tag invalidation in the optimized variant: a write invalidates exactly the tags it touches. An
 * order changes its products' stock and its month's report, so those cached entries go, and every other entry
 * (other products, the site's product pages, the catalog list, other months' reports, other tenants' entries)
 * stays. Checked on the Redis keys themselves and through X-Cache, and the per-route statement counter shows the
 * plan's "1 query" as the 4 statements of a tenant transaction on a miss and none on a hit.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeStatements } from '../helpers/routeStatements.ts';
import { catalogKeys } from '../../reference-impl/catalog/optimized/cacheKeys.ts';
import { monthOf } from '../../reference-impl/catalog/optimized/optimizedStore.ts';
import { clientId, productId, siteId } from '../../scenarios/catalog/layout.ts';
import { redisTitle, testRedisUrl } from '../helpers/testRedis.ts';
import { waitFor } from '../reference-impl/helpers/waitFor.ts';
import { seededCatalogDatabase, startCatalogApi, type CatalogDatabase, type CatalogTestApi } from './helpers/catalogTestApi.ts';

const C = 3; // medium: 3 catalogs; site 0 shows catalog 0 (products 0, 3, 6, ...)
const T = clientId(C);
const P1 = productId(C, 3);
const P2 = productId(C, 6);
const PAGE = { page: 1, pageSize: 50, category: null };

describe.skipIf(!testRedisUrl())(redisTitle('catalog: tag invalidation'), () => {
  let db: CatalogDatabase;
  let api: CatalogTestApi;
  let redis: Redis;
  const full = (key: string) => api.config.redisKeyPrefix + key;

  const report = async (month: string) => {
    const { jobId } = (await api.post(`/reports/orders?month=${month}`, C)).json() as { jobId: string };
    await waitFor(`report ${month}`, async () => ((await api.get(`/jobs/${jobId}`, C)).json() as { state: string }).state === 'completed');
  };

  beforeAll(async () => {
    db = await seededCatalogDatabase('catalog tags', ['optimized']);
    api = await startCatalogApi('catalog tags', 'optimized', db.urls.optimized);
    redis = new Redis(testRedisUrl()!);
  });

  afterAll(async () => {
    redis?.disconnect();
    await api?.close();
    await db?.drop();
  });

  it('an order deletes its products and its month report, and nothing else', async () => {
    const thisMonth = monthOf(Date.now());
    const otherMonth = '2020-01';
    for (const path of [`/products/${P1}`, `/products/${P2}`, `/sites/${siteId(C, 0)}/products?pageSize=50`, '/catalogs']) await api.get(path, C);
    await api.get(`/products/${productId(2, 2)}`, 2);
    await report(thisMonth);
    await report(otherMonth);
    const keys = {
      p1: full(catalogKeys.product(T, P1)), p2: full(catalogKeys.product(T, P2)), page: full(catalogKeys.products(T, siteId(C, 0), PAGE)),
      catalogs: full(catalogKeys.catalogs(T)), reportNow: full(catalogKeys.report(T, thisMonth)), reportOld: full(catalogKeys.report(T, otherMonth)),
      otherTenant: full(catalogKeys.product(clientId(2), productId(2, 2))),
    };
    for (const [name, key] of Object.entries(keys)) expect(await redis.exists(key), name).toBe(1);
    const before = (await api.get(`/products/${P1}`, C)).json() as { inventory_count: number };

    const r = await api.post(`/sites/${siteId(C, 0)}/orders`, C, { customer_name: 'Ann', customer_email: 'ann@example.org', items: [{ product_id: P1, qty: 2 }] });
    expect(r.statusCode, r.body).toBe(201);

    const gone = ['p1', 'reportNow'];
    for (const [name, key] of Object.entries(keys)) expect(await redis.exists(key), name).toBe(gone.includes(name) ? 0 : 1);
    const after = await api.get(`/products/${P1}`, C);
    expect(after.headers['x-cache']).toBe('MISS');
    expect((after.json() as { inventory_count: number }).inventory_count).toBe(before.inventory_count - 2);
    expect((await api.get(`/products/${P2}`, C)).headers['x-cache']).toBe('HIT');
  });

  it('a cached product page costs no statement; a miss costs the 4 statements of one tenant transaction', async () => {
    const statements = () => routeStatements(api.app, 'GET /sites/:siteId/products');
    const path = `/sites/${siteId(C, 2)}/products?pageSize=20&page=3`;
    const s0 = await statements();
    expect((await api.get(path, C)).headers['x-cache']).toBe('MISS');
    const s1 = await statements();
    expect((await api.get(path, C)).headers['x-cache']).toBe('HIT');
    const s2 = await statements();
    expect(s1 - s0).toBe(4);
    expect(s2 - s1).toBe(0);
  });
});
