/*
 * Every materialized view of the optimized variant refreshes CONCURRENTLY: refresh_marketplace_views() names each
 * view in the schema with CONCURRENTLY, and while a refresh is open it holds only EXCLUSIVE locks on them (a plain
 * REFRESH takes ACCESS EXCLUSIVE), so a reader is not blocked. The API process owns the refresh (no pg_cron): the
 * optimized app registers it as a periodic task, the naive one has none, and a run makes base-table changes visible
 * in the home BFF; while another process refreshes (holds the refresh lock) a process skips its turn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshMarketplaceViews, VIEW_REFRESH_TASK } from '../../reference-impl/marketplace/maintenance/registerViewRefresh.ts';
import { seededMarketplaceDatabase, startMarketplaceApi, type MarketplaceDatabase } from './helpers/marketplaceTestApi.ts';

const NAME = 'marketplace view refresh';

describe(NAME, () => {
  let db: MarketplaceDatabase;

  beforeAll(async () => {
    db = await seededMarketplaceDatabase(NAME);
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
  });

  it('refresh_marketplace_views() refreshes every materialized view of the schema CONCURRENTLY', async () => {
    const c = await db.client('optimized');
    const views = (await c.query<{ v: string }>(`SELECT matviewname AS v FROM pg_matviews WHERE schemaname = current_schema() ORDER BY 1`)).rows.map((r) => r.v);
    expect(views).toEqual(['mv_category_counts', 'mv_hot_products']);
    const src = (await c.query<{ d: string }>(`SELECT pg_get_functiondef('refresh_marketplace_views()'::regprocedure) AS d`)).rows[0]!.d;
    for (const v of views) expect(src, v).toMatch(new RegExp(`REFRESH MATERIALIZED VIEW CONCURRENTLY ${v};`));
    expect(src.match(/REFRESH MATERIALIZED VIEW/g)!.length).toBe(views.length);
  });

  it('holds only EXCLUSIVE (not ACCESS EXCLUSIVE) locks on the views while refreshing, so readers go on', async () => {
    const refresher = await db.client('optimized');
    const reader = await db.client('optimized');
    await refresher.query('BEGIN');
    try {
      await refresher.query('SELECT refresh_marketplace_views()');
      const locks = (await reader.query<{ rel: string; mode: string }>(
        `SELECT c.relname AS rel, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
          WHERE l.pid = $1 AND c.relkind = 'm' ORDER BY 1, 2`, [(refresher as unknown as { processID: number }).processID])).rows;
      for (const v of ['mv_category_counts', 'mv_hot_products']) {
        const modes = locks.filter((l) => l.rel === v).map((l) => l.mode);
        expect(modes, v).toContain('ExclusiveLock');
        expect(modes, v).not.toContain('AccessExclusiveLock');
      }
      await reader.query(`SET lock_timeout = '5s'`);
      const n = await reader.query<{ n: string }>('SELECT count(*) AS n FROM mv_hot_products');
      expect(Number(n.rows[0]!.n)).toBeGreaterThan(0);
    } finally {
      await refresher.query('ROLLBACK');
    }
  });

  it('the optimized API runs the refresh as its own periodic task; a run shows base-table changes in home', async () => {
    const api = await startMarketplaceApi(NAME, 'optimized', db.urls.optimized, { settings: { mvRefreshIntervalS: 3600 } });
    const naive = await startMarketplaceApi(NAME, 'naive', db.urls.naive, { settings: { mvRefreshIntervalS: 3600 } });
    try {
      expect(naive.app.scaleproof.tasks.has(VIEW_REFRESH_TASK)).toBe(false);
      const task = api.app.scaleproof.tasks.get(VIEW_REFRESH_TASK)?.task;
      expect(task).toBeDefined();
      const c = await db.client('optimized');
      await c.query('UPDATE ai_accounts SET sold_count = 10000000 WHERE id = 2');
      const hotBefore = (await api.app.inject({ url: '/marketplace/home' })).json() as { hot: Array<{ product_type: string; id: number }> };
      expect(hotBefore.hot[0]).not.toMatchObject({ product_type: 'ai', id: 2 }); // the view is not live
      expect(await task!.runNow()).toBe(true);
      const hotAfter = (await api.app.inject({ url: '/marketplace/home' })).json() as { hot: Array<{ product_type: string; id: number }> };
      expect(hotAfter.hot[0]).toMatchObject({ product_type: 'ai', id: 2 });

      // Another process refreshing (holding the refresh lock): this one skips its turn rather than refresh twice.
      const other = await db.client('optimized');
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock(727003, hashtext(current_schema()))');
      await c.query('UPDATE ai_accounts SET sold_count = 20000000 WHERE id = 3');
      expect(await refreshMarketplaceViews(api.app.scaleproof.db)).toBe(false);
      const hotSkipped = (await api.app.inject({ url: '/marketplace/home' })).json() as { hot: Array<{ product_type: string; id: number }> };
      expect(hotSkipped.hot[0]).toMatchObject({ product_type: 'ai', id: 2 });
      await other.query('COMMIT');
      expect(await refreshMarketplaceViews(api.app.scaleproof.db)).toBe(true);
      const hotLast = (await api.app.inject({ url: '/marketplace/home' })).json() as { hot: Array<{ product_type: string; id: number }> };
      expect(hotLast.hot[0]).toMatchObject({ product_type: 'ai', id: 3 });
    } finally {
      await api.close();
      await naive.close();
    }
  });
});
