/*
 * Seed 004's phases as variants (issue 12 "Intermediate steps"): phase1 (tables + indexes, no cache, no RLS),
 * phase2 (+ Redis cache) and optimized (+ queue, RLS) answer the same routes with the same documents; phase1
 * sends Redis nothing, phase2's tables have no row-level security (its API's role sees every tenant's rows)
 * while tenants stay isolated by its WHERE clauses; and the one-statement order of every relational variant
 * either stores the whole order and takes its stock, or (a line it cannot serve) changes nothing.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId, offeredProduct, orderId, productId, siteId, sitesOf } from '../../scenarios/catalog/layout.ts';
import { redisTitle, testRedisUrl } from '../helpers/testRedis.ts';
import { TEST_CLIENTS, seededCatalogDatabase, startCatalogApi, type CatalogDatabase, type CatalogTestApi } from './helpers/catalogTestApi.ts';

const RELATIONAL = ['phase1', 'phase2', 'optimized'] as const;
type Relational = (typeof RELATIONAL)[number];
const TABLES = ['clients', 'sites', 'catalogs', 'products', 'site_product_exclusions', 'orders', 'analytics_events'];

describe.skipIf(!testRedisUrl())(redisTitle('catalog: the plan phases as variants'), () => {
  let db: CatalogDatabase;
  const api = {} as Record<Relational, CatalogTestApi>;

  beforeAll(async () => {
    db = await seededCatalogDatabase('catalog phases', RELATIONAL);
    for (const v of RELATIONAL) api[v] = await startCatalogApi(`catalog phases ${v}`, v, db.urls[v]);
  });

  afterAll(async () => {
    for (const v of RELATIONAL) await api[v]?.close();
    await db?.drop();
  });

  const readPaths = (c: number): string[] => [
    `/sites/${siteId(c, sitesOf(c) - 1)}/products?page=2&pageSize=7`,
    `/sites/${siteId(c, 0)}/products?pageSize=1000`,
    `/products/${productId(c, 0)}`,
    '/catalogs',
    `/orders/${orderId(c, 0, 0)}`,
  ];

  it.each(TEST_CLIENTS)('phase1 and phase2 answer every read route as client %i with the optimized document', async (c) => {
    for (const path of readPaths(c)) {
      const o = await api.optimized.get(path, c);
      expect(o.statusCode, path).toBe(200);
      for (const v of ['phase1', 'phase2'] as const) {
        const r = await api[v].get(path, c);
        expect(r.statusCode, `${v} ${path}`).toBe(200);
        expect(r.json(), `${v} ${path}`).toEqual(o.json());
      }
    }
  });

  it("isolates tenants by WHERE in phase1 and phase2: another client's site, product and order answer 404", async () => {
    for (const v of ['phase1', 'phase2'] as const) {
      for (const path of [`/sites/${siteId(2, 0)}/products`, `/products/${productId(2, 0)}`, `/orders/${orderId(2, 0, 0)}`]) {
        expect((await api[v].get(path, 1)).statusCode, `${v} ${path}`).toBe(404);
      }
      const catalogs = (await api[v].get('/catalogs', 1)).json() as { catalogs: Array<{ id: string }> };
      const own = (await api.optimized.get('/catalogs', 1)).json() as { catalogs: Array<{ id: string }> };
      expect(catalogs.catalogs.map((x) => x.id), v).toEqual(own.catalogs.map((x) => x.id));
    }
  });

  it('phase1 sends Redis no command on any route (no cache), where phase2 reads it', async () => {
    const monitor = new Redis(testRedisUrl()!);
    const seen: string[] = [];
    const m = await monitor.monitor();
    m.on('monitor', (_time: string, args: string[], source: string) => seen.push(`${source} ${args.join(' ')}`));
    try {
      const portOf = (v: Relational) => {
        const store = api[v].app.scaleproof.store as unknown as { client: Redis };
        return (store.client as unknown as { stream: { localPort: number } }).stream.localPort;
      };
      for (const v of ['phase1', 'phase2'] as const) {
        for (const path of readPaths(3)) expect((await api[v].get(path, 3)).statusCode).toBe(200);
        const site = siteId(3, 0);
        const order = await api[v].post(`/sites/${site}/orders`, 3, { customer_name: 'Ann', customer_email: 'ann@example.com', items: [{ product_id: productId(3, offeredProduct(3, 0, 1)), qty: 1 }] });
        expect(order.statusCode, order.body).toBe(201);
      }
      const fromPhase2 = `:${portOf('phase2')} `;
      await new Promise((r) => setTimeout(r, 200)); // MONITOR lines arrive after the commands' replies
      expect(seen.filter((l) => l.includes(fromPhase2)).length).toBeGreaterThan(0);
      expect(seen.filter((l) => l.includes(`:${portOf('phase1')} `))).toEqual([]);
      expect(seen.filter((l) => l.includes(api.phase1.config.redisKeyPrefix))).toEqual([]);
      expect((await api.phase1.get(readPaths(3)[2]!, 3)).headers['x-cache']).toBeUndefined();
    } finally {
      monitor.disconnect();
      m.disconnect();
    }
  });

  it("phase1 and phase2 have no row-level security: their API's role reads every tenant's orders with no WHERE", async () => {
    const policies = async (v: Relational) => {
      const c = await db.client(v);
      return Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relname = ANY($1) AND (relrowsecurity OR relforcerowsecurity)`, [TABLES])).rows[0]!.n);
    };
    expect(await policies('optimized')).toBe(TABLES.length);
    for (const v of ['phase1', 'phase2'] as const) {
      expect(await policies(v), v).toBe(0);
      // The role the API connects as (its DATABASE_URL), with the tenant context optimized would set: no effect.
      const c = await db.client(v);
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.client_id', $1, true)`, [clientId(1)]);
      const seenClients = Number((await c.query<{ n: string }>('SELECT count(DISTINCT client_id) AS n FROM orders')).rows[0]!.n);
      await c.query('ROLLBACK');
      expect(seenClients, v).toBe(TEST_CLIENTS.length);
    }
  });

  describe.each(RELATIONAL)('%s: an order is one statement, all or nothing', (v) => {
    const C = 4;
    const site = siteId(C, 0);
    const p1 = productId(C, offeredProduct(C, 0, 2));
    const p2 = productId(C, offeredProduct(C, 0, 5));
    const stock = async (id: string) => {
      const c = await db.client(v);
      return (await c.query<{ n: number }>('SELECT inventory_count AS n FROM products WHERE id = $1', [id])).rows[0]!.n;
    };
    const body = (items: Array<{ product_id: string; qty: number }>) => ({ customer_name: "O'Brien $1", customer_email: 'ob@example.com', items });

    it('stores the order with its items and total, and takes exactly its stock', async () => {
      const [s1, s2] = [await stock(p1), await stock(p2)];
      const r = await api[v].post(`/sites/${site}/orders`, C, body([{ product_id: p2, qty: 2 }, { product_id: p1, qty: 1 }]));
      expect(r.statusCode, r.body).toBe(201);
      const order = r.json() as { id: string; total_amount: string; items: Array<{ product_id: string; qty: number; unit_price: string }> };
      expect(order.items.map((it) => [it.product_id, it.qty])).toEqual([[p2, 2], [p1, 1]]);
      const cents = order.items.reduce((n, it) => n + it.qty * Math.round(Number(it.unit_price) * 100), 0);
      expect(Math.round(Number(order.total_amount) * 100)).toBe(cents);
      expect([await stock(p1), await stock(p2)]).toEqual([s1 - 1, s2 - 2]);
      const stored = await api[v].get(`/orders/${order.id}`, C);
      expect(stored.statusCode).toBe(200);
      expect(stored.json()).toEqual(order);
    });

    it('refuses an order with a line it cannot serve (422) and takes nothing from its other lines', async () => {
      const c = await db.client(v);
      await c.query('UPDATE products SET inventory_count = 1 WHERE id = $1', [p2]);
      const s1 = await stock(p1);
      const orders = Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM orders').then((x) => x.rows[0]!.n)));
      const r = await api[v].post(`/sites/${site}/orders`, C, body([{ product_id: p1, qty: 1 }, { product_id: p2, qty: 2 }]));
      expect(r.statusCode, r.body).toBe(422);
      expect(r.body).toContain(p2);
      expect(r.body).not.toContain(p1);
      const foreign = await api[v].post(`/sites/${site}/orders`, C, body([{ product_id: p1, qty: 1 }, { product_id: productId(2, 0), qty: 1 }]));
      expect(foreign.statusCode).toBe(422);
      expect([await stock(p1), await stock(p2)]).toEqual([s1, 1]);
      expect(Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM orders')).rows[0]!.n)).toBe(orders);
      expect((await api[v].post(`/sites/${siteId(2, 0)}/orders`, C, body([{ product_id: p1, qty: 1 }]))).statusCode).toBe(404);
    });

    it('sells the last unit once when five orders race for it', async () => {
      const c = await db.client(v);
      await c.query('UPDATE products SET inventory_count = 1 WHERE id = $1', [p1]);
      const results = await Promise.all(Array.from({ length: 5 }, () => api[v].post(`/sites/${site}/orders`, C, body([{ product_id: p1, qty: 1 }]))));
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422, 422, 422, 422]);
      expect(await stock(p1)).toBe(0);
    });
  });
});
