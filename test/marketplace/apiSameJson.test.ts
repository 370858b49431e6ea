/*
 * Both variants answer every contract route with the same JSON (and the same status) on the same dataset: the
 * optimized reads from the views and single statements, the naive from four to five queries per request. Also
 * the queries each variant issues per request: optimized 1-2, naive 4-5 for the home BFF (seed 003's table).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketplaceCounts } from '../../scenarios/marketplace/layout.ts';
import { seededMarketplaceDatabase, startMarketplaceApi, statementsDuring, TEST_USERS, type MarketplaceDatabase, type MarketplaceTestApi } from './helpers/marketplaceTestApi.ts';

const NAME = 'marketplace same json';
const counts = marketplaceCounts(TEST_USERS);

const READS = [
  '/marketplace/home',
  '/stores/1', '/stores/2', `/stores/${counts.sellers}`, `/stores/${counts.sellers + 1}`,
  '/products/ai/1', '/products/ai/7', `/products/ai/${counts.aiAccounts}`, `/products/ai/${counts.aiAccounts + 1}`,
  '/products/seller/1', '/products/seller/3', '/products/seller/27', `/products/seller/${counts.sellerProducts + 1}`,
  '/search?q=kaka', '/search?q=kaka&page=2', '/search?q=Loka%20%20', '/search?q=lo', '/search?q=nothing-matches-this', '/search?q=kalo%20mika',
];

describe(NAME, () => {
  let db: MarketplaceDatabase;
  let naive: MarketplaceTestApi;
  let optimized: MarketplaceTestApi;

  beforeAll(async () => {
    db = await seededMarketplaceDatabase(NAME);
    naive = await startMarketplaceApi(NAME, 'naive', db.urls.naive);
    optimized = await startMarketplaceApi(NAME, 'optimized', db.urls.optimized);
  }, 60_000);

  afterAll(async () => {
    await naive?.close();
    await optimized?.close();
    await db?.drop();
  });

  it.each(READS)('GET %s answers the same status and JSON from both variants', async (url) => {
    const [a, b] = await Promise.all([naive.app.inject({ url }), optimized.app.inject({ url })]);
    expect(b.statusCode).toBe(a.statusCode);
    expect(b.json()).toEqual(a.json());
    if (a.statusCode === 200) expect(b.headers.etag ?? null).toBe(a.headers.etag ?? null);
  });

  it('search for words of listed products finds them, with the same pages from both variants', async () => {
    for (const id of [1, 2, 4]) {
      const name = String(((await optimized.app.inject({ url: `/products/seller/${id}` })).json() as { product: { name: string } }).product.name);
      const words = name.toLowerCase().split(' ');
      for (const q of [words[0]!, `${words[1]} ${words[2]}`]) {
        const url = `/search?q=${encodeURIComponent(q)}`;
        const [a, b] = await Promise.all([naive.app.inject({ url }), optimized.app.inject({ url })]);
        const results = (b.json() as { results: Array<{ id: number; product_type: string }> }).results;
        expect(results.some((r) => r.product_type === 'seller' && r.id === id), `${q} finds seller product ${id}`).toBe(true);
        expect(b.json()).toEqual(a.json());
      }
    }
  });

  it('home holds the active categories with counts and 10 hot, 10 top-rated and 10 new products', async () => {
    const home = (await optimized.app.inject({ url: '/marketplace/home' })).json() as Record<string, Array<Record<string, number | string>>>;
    expect(home.categories!.length).toBe(22); // 24 seeded, 2 inactive
    expect(home.categories!.reduce((n, c) => n + Number(c.product_count), 0)).toBeGreaterThan(0);
    for (const list of ['hot', 'top_rated', 'new_arrivals']) expect(home[list]!.length, list).toBe(10);
    const sold = home.hot!.map((p) => Number(p.sold_count));
    expect(sold).toEqual([...sold].sort((x, y) => y - x));
  });

  it('POST /orders creates the same order in both variants (201), and refuses the same way', async () => {
    const bodies = [
      { buyer_id: 5, product_type: 'seller', product_id: 1 },
      { buyer_id: 6, product_type: 'ai', product_id: 1 },
      { buyer_id: TEST_USERS + 1, product_type: 'ai', product_id: 1 }, // unknown buyer
      { buyer_id: 6, product_type: 'seller', product_id: counts.sellerProducts + 1 }, // unknown product
      { buyer_id: 6, product_type: 'seller', product_id: 7 }, // unavailable (id % 20 = 7)
      { buyer_id: 6, product_type: 'seller', product_id: 3 }, // awaiting approval (id % 10 = 3)
    ];
    for (const payload of bodies) {
      const [a, b] = await Promise.all([naive, optimized].map((api) => api.app.inject({ method: 'POST', url: '/orders', payload })));
      expect(b!.statusCode, JSON.stringify(payload)).toBe(a!.statusCode);
      const strip = (j: Record<string, Record<string, unknown>>) => (j.order ? { ...j, order: { ...j.order, created_at: 'x' } } : j);
      expect(strip(b!.json())).toEqual(strip(a!.json()));
    }
    const created = (await optimized.app.inject({ method: 'POST', url: '/orders', payload: bodies[0] })).json() as { order: Record<string, unknown> };
    expect(created.order).toMatchObject({ buyer_id: 5, product_type: 'seller', product_id: 1, seller_id: 1, status: 'pending' });
  });

  it('issues 2 statements per home request when optimized and 4 when naive; 1-2 per other optimized route, 3-5 naive', async () => {
    const home = (api: MarketplaceTestApi) => statementsDuring(api.app, () => api.app.inject({ url: '/marketplace/home' }));
    expect(await home(optimized)).toBe(2);
    expect(await home(naive)).toBe(4);
    const per = async (api: MarketplaceTestApi, url: string) => statementsDuring(api.app, () => api.app.inject({ url }));
    expect(await per(optimized, '/stores/1')).toBe(1);
    expect(await per(optimized, '/products/seller/1')).toBe(1);
    expect(await per(optimized, '/search?q=kaka')).toBe(2);
    expect(await per(naive, '/stores/1')).toBe(3);
    expect(await per(naive, '/search?q=kaka')).toBe(5);
  });
});
