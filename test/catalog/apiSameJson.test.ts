/*
 * Issue 9: "The naive and optimized variants return the same JSON for the same requests." Both variants are
 * seeded from the same generated rows; every read route is asked the same questions of both, as several
 * tenants, and the documents must be equal (a second, cached, answer of the optimized variant too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, catalogsOf, monthKey, orderId, productId, productsOf, siteId, sitesOf } from '../../scenarios/catalog/layout.ts';
import { redisTitle } from '../helpers/testRedis.ts';
import { TEST_AS_OF, TEST_CLIENTS, seededCatalogDatabase, startCatalogApi, type CatalogDatabase, type CatalogTestApi } from './helpers/catalogTestApi.ts';
import { waitFor } from '../reference-impl/helpers/waitFor.ts';

describe(redisTitle('catalog: naive and optimized answer the same JSON'), () => {
  let db: CatalogDatabase;
  let naive: CatalogTestApi;
  let optimized: CatalogTestApi;

  beforeAll(async () => {
    db = await seededCatalogDatabase('catalog same json');
    naive = await startCatalogApi('catalog same json naive', 'naive', db.urls.naive);
    optimized = await startCatalogApi('catalog same json opt', 'optimized', db.urls.optimized);
  });

  afterAll(async () => {
    await naive?.close();
    await optimized?.close();
    await db?.drop();
  });

  const paths = (c: number): string[] => {
    const site = siteId(c, sitesOf(c) - 1);
    return [
      `/sites/${site}/products`,
      `/sites/${site}/products?page=2&pageSize=7`,
      `/sites/${siteId(c, 0)}/products?pageSize=1000`,
      `/sites/${site}/products?category=${CATEGORIES[c % CATEGORIES.length]}&pageSize=20`,
      `/sites/${site}/products?page=400&pageSize=1000`,
      `/products/${productId(c, 0)}`,
      `/products/${productId(c, productsOf(c) - 1)}`,
      `/products/${productId(c, catalogsOf(c) + 3)}`,
      '/catalogs',
      `/orders/${orderId(c, 0, 0)}`,
      `/orders/${orderId(c, 11, 5)}`,
    ];
  };

  it.each(TEST_CLIENTS)('every read route as client %i: same status, same document (twice, the second from the cache)', async (c) => {
    for (const path of paths(c)) {
      const n = await naive.get(path, c);
      expect(n.statusCode, path).toBe(200);
      for (let round = 0; round < 2; round++) {
        const o = await optimized.get(path, c);
        expect(o.statusCode, path).toBe(200);
        expect(o.json(), path).toEqual(n.json());
        expect(o.headers['x-cache'], path).toBe(round === 0 ? 'MISS' : 'HIT');
      }
    }
  });

  it('a product page is the catalog minus the site exclusions, active only, name order, and the page size asked', async () => {
    const page = (await optimized.get(`/sites/${siteId(1, 0)}/products?pageSize=1000`, 1)).json() as { items: Array<{ name: string; id: string }> };
    expect(page.items.length).toBeGreaterThan(100);
    const sorted = [...page.items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
    expect(page.items).toEqual(sorted);
    const excluded = await (await db.client('optimized')).query<{ product_id: string }>('SELECT product_id FROM site_product_exclusions WHERE site_id = $1', [siteId(1, 0)]);
    expect(excluded.rowCount).toBeGreaterThan(0);
    const ids = new Set(page.items.map((p) => p.id));
    for (const r of excluded.rows) expect(ids.has(r.product_id)).toBe(false);
  });

  it('the same monthly report from both variants (queued jobs, polled until done)', async () => {
    const month = monthKey(new Date(TEST_AS_OF).getTime(), 1);
    const results = [];
    for (const api of [naive, optimized]) {
      const r = await api.post(`/reports/orders?month=${month}`, 2);
      expect(r.statusCode).toBe(202);
      const { jobId } = r.json() as { jobId: string };
      let job: { state: string; progress: number; result?: unknown } = { state: 'waiting', progress: 0 };
      await waitFor(`report job ${jobId}`, async () => {
        job = (await api.get(`/jobs/${jobId}`, 2)).json() as typeof job;
        return job.state === 'completed' || job.state === 'failed';
      }, 60_000);
      expect(job.state).toBe('completed');
      expect(job.progress).toBe(100);
      results.push(job.result);
    }
    expect(results[1]).toEqual(results[0]);
    expect((results[0] as { total_orders: number }).total_orders).toBe(80); // client 2 is small: 80 orders a month
  });
});
