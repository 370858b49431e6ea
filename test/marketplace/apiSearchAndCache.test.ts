/*
 * Search records itself (seed 003's search_history and popular_searches) in both variants: one history row per
 * search with the caller and the result count, and the query's popular_searches count up by one (a new query
 * starts at 1). Public reads carry the edge cache headers (Cache-Control public, max-age=300, ETag) and answer 304
 * to a matching If-None-Match; search, which must reach the origin to be recorded, is no-store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededMarketplaceDatabase, startMarketplaceApi, VARIANTS, type MarketplaceDatabase, type MarketplaceTestApi } from './helpers/marketplaceTestApi.ts';

const NAME = 'marketplace search and cache';

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

  describe.each(VARIANTS)('variant %s', (variant) => {
    it('records each search in search_history and counts it in popular_searches', async () => {
      const c = await db.client(variant);
      const api = apis[variant]!;
      const count = async (q: string) => (await c.query<{ n: number }>('SELECT search_count AS n FROM popular_searches WHERE query = $1', [q])).rows[0]?.n;
      const history = async () => Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM search_history')).rows[0]!.n);
      const before = { popular: await count('kaka'), history: await history() };
      expect(before.popular).toBeGreaterThan(0); // a seeded popular query

      const res = await api.app.inject({ url: '/search?q=%20KAKA%20', headers: { 'x-user-id': '42' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(await count('kaka')).toBe(before.popular! + 1);
      expect(await history()).toBe(before.history + 1);
      const last = (await c.query('SELECT user_id, query, results_count FROM search_history ORDER BY id DESC LIMIT 1')).rows[0];
      expect(last).toEqual({ user_id: '42', query: 'kaka', results_count: (res.json() as { results: unknown[] }).results.length });

      const fresh = `fresh query ${variant}`;
      expect(await count(fresh)).toBeUndefined();
      await api.app.inject({ url: `/search?q=${encodeURIComponent(fresh)}` }); // anonymous
      await api.app.inject({ url: `/search?q=${encodeURIComponent(fresh)}&page=2` });
      expect(await count(fresh)).toBe(2);
      const anon = (await c.query('SELECT user_id FROM search_history WHERE query = $1', [fresh])).rows;
      expect(anon).toEqual([{ user_id: null }, { user_id: null }]);
    });

    it.each(['/marketplace/home', '/stores/1', '/products/ai/1', '/products/seller/2'])('GET %s carries Cache-Control, an ETag, and answers 304 to it', async (url) => {
      const api = apis[variant]!;
      const first = await api.app.inject({ url });
      expect(first.statusCode).toBe(200);
      expect(first.headers['cache-control']).toBe('public, max-age=300');
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await api.app.inject({ url, headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
      const listed = await api.app.inject({ url, headers: { 'if-none-match': `"other", W/${etag}` } });
      expect(listed.statusCode).toBe(304);
      const stale = await api.app.inject({ url, headers: { 'if-none-match': '"not-this-one"' } });
      expect(stale.statusCode).toBe(200);
      expect(stale.body).toBe(first.body);
    });
  });

  it('the ETag changes when the document does (a price change)', async () => {
    const api = apis.naive!;
    const c = await db.client('naive');
    const before = (await api.app.inject({ url: '/products/ai/2' })).headers.etag;
    await c.query('UPDATE ai_accounts SET price = price + 1 WHERE id = 2');
    const after = (await api.app.inject({ url: '/products/ai/2' })).headers.etag;
    expect(after).not.toBe(before);
  });
});
