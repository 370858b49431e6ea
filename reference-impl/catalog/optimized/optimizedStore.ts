/*
 * The catalog API as seed 004 plans it (the `optimized` variant's CatalogStore): every read is one SELECT in a
 * tenant transaction (RLS decides the rows, withTenant.ts), cached in Redis under tenant-scoped keys with the
 * plan's TTLs and tags (TagCache); an order is validated and stocked in SQL and invalidates exactly the tags it
 * touched (its products and its month's report); reports run as queued jobs (BullMQ) and are cached a day.
 */
import crypto from 'node:crypto';
import type { Database } from '../../platform/db/Database.ts';
import type { CatalogStore, ReadResult } from '../CatalogStore.ts';
import { webOrderNumber } from '../CatalogStore.ts';
import { cents, catalogDocument, money, orderDocument, orderReport, productDocument, productListItem, type OrderDocument, type OrderReport, type ProductPage } from '../documents.ts';
import { catalogErrors } from '../errors/catalogErrors.ts';
import type { ReportJobData, ReportQueue } from './reportQueue.ts';
import { catalogKeys, catalogTags } from './cacheKeys.ts';
import { sql } from './statements.ts';
import type { TagCache } from './TagCache.ts';
import { readAsTenant, withTenant } from './withTenant.ts';

export interface OptimizedStoreOptions {
  db: Database;
  /** Report queries (the replica when configured, plan Phase 5). */
  readDb: Database;
  cache: TagCache;
  ttl: { catalogsS: number; productsS: number; ordersS: number; reportsS: number };
}

/** A client id seen to exist is remembered for good; an unknown one for a second (clients are not deleted). */
const UNKNOWN_CLIENT_MS = 1000;

export function monthOf(ms: number): string {
  const d = new Date(ms);
  const m = d.getUTCMonth() + 1;
  return `${d.getUTCFullYear()}-${m < 10 ? '0' : ''}${m}`;
}

export function optimizedStore(o: OptimizedStoreOptions): CatalogStore & { runReport(data: ReportJobData, progress: (pct: number) => Promise<void>): Promise<OrderReport>; attach(q: ReportQueue): void } {
  const known = new Set<string>();
  const unknown = new Map<string, number>();
  let queue: ReportQueue | undefined;
  const one = <T>(clientId: string, text: string, values: unknown[], db = o.db) => readAsTenant<T & Record<string, unknown>>(db, clientId, text, values);

  const reportDocument = async (data: ReportJobData): Promise<string> => {
    const rows = await one<{ status: string; orders: number; revenue: string }>(data.clientId, sql.report, [data.clientId, new Date(data.startMs), new Date(data.endMs)], o.readDb);
    return JSON.stringify(orderReport(data.clientId, data.month, new Map(rows.map((r) => [r.status, { orders: r.orders, cents: cents(r.revenue) }]))));
  };

  return {
    attach(q) {
      queue = q;
    },

    async clientExists(clientId) {
      if (known.has(clientId)) return true;
      const seenAt = unknown.get(clientId);
      if (seenAt !== undefined && Date.now() - seenAt < UNKNOWN_CLIENT_MS) return false;
      const found = (await one(clientId, sql.clientExists, [clientId])).length > 0;
      if (found) known.add(clientId);
      else {
        if (unknown.size > 10_000) unknown.clear();
        unknown.set(clientId, Date.now());
      }
      return found;
    },

    products(t, siteId, q) {
      return o.cache.fetch('catalog_products', catalogKeys.products(t, siteId, q), o.ttl.productsS,
        (doc) => [catalogTags.site(t, siteId), catalogTags.catalogProducts(t, (JSON.parse(doc) as ProductPage).catalog_id)],
        async () => {
          const values: unknown[] = [siteId, q.pageSize, (q.page - 1) * q.pageSize];
          if (q.category !== null) values.push(q.category);
          const rows = await one<{ catalog_id: string; id: string | null }>(t, q.category === null ? sql.productsPage : sql.productsPageInCategory, values);
          if (rows.length === 0) return null;
          const page: ProductPage = {
            site_id: siteId, catalog_id: rows[0]!.catalog_id, page: q.page, pageSize: q.pageSize, category: q.category,
            items: rows.filter((r) => r.id !== null).map(productListItem),
          };
          return JSON.stringify(page);
        });
    },

    product(t, id) {
      return o.cache.fetch('catalog_product', catalogKeys.product(t, id), o.ttl.productsS,
        (doc) => [catalogTags.product(t, id), catalogTags.catalogProducts(t, (JSON.parse(doc) as { catalog_id: string }).catalog_id)],
        async () => {
          const rows = await one(t, sql.product, [id]);
          return rows[0] ? JSON.stringify(productDocument(rows[0])) : null;
        });
    },

    async catalogs(t) {
      const r = await o.cache.fetch('catalog_catalogs', catalogKeys.catalogs(t), o.ttl.catalogsS, () => [catalogTags.catalogs(t)],
        async () => JSON.stringify({ catalogs: (await one(t, sql.catalogs, [])).map(catalogDocument) }));
      return r as ReadResult; // never null: the loader always returns a document
    },

    order(t, id) {
      return o.cache.fetch('catalog_order', catalogKeys.order(t, id), o.ttl.ordersS, () => [catalogTags.order(t, id)], async () => {
        const rows = await one(t, sql.order, [id]);
        return rows[0] ? JSON.stringify(orderDocument(rows[0])) : null;
      });
    },

    async createOrder(t, siteId, req) {
      const id = crypto.randomUUID();
      const createdAt = new Date();
      // BEGIN, set_config, site, reserve, insert, COMMIT: 6 statements (a refused order stops after 4 or 5 and
      // is counted as 6: Database counts a lent connection's statements up front).
      const order = await withTenant<OrderDocument | null>(o.db, t, 3, async (c) => {
        const site = (await c.query<{ catalog_id: string | null }>({ text: sql.orderSite, values: [siteId] })).rows[0];
        if (!site) return null;
        const reserved = (await c.query<{ id: string; sku: string; name: string; price: string }>({
          text: sql.reserveItems, values: [site.catalog_id, JSON.stringify(req.items), siteId],
        })).rows;
        const byId = new Map(reserved.map((r) => [r.id, r]));
        const missing = req.items.filter((it) => !byId.has(it.product_id)).map((it) => it.product_id);
        if (missing.length > 0) return catalogErrors.itemsUnavailable(missing);
        const items = req.items.map((it) => {
          const p = byId.get(it.product_id)!;
          return { product_id: p.id, sku: p.sku, name: p.name, qty: it.qty, unit_price: p.price };
        });
        const total = money(items.reduce((n, it) => n + it.qty * cents(it.unit_price), 0));
        const doc: OrderDocument = {
          id, order_number: webOrderNumber(id), client_id: t, site_id: siteId, customer_name: req.customer_name, customer_email: req.customer_email,
          status: 'pending', total_amount: total, currency: 'USD', items, created_at: createdAt.toISOString(),
        };
        await c.query({ text: sql.insertOrder, values: [id, t, siteId, doc.order_number, doc.customer_name, doc.customer_email, total, JSON.stringify(items), createdAt] });
        return doc;
      });
      if (order !== null) {
        // Exactly what this write changed: the stock of its products, and its month's report.
        await o.cache.invalidate([...order.items.map((it) => catalogTags.product(t, it.product_id)), catalogTags.report(t, monthOf(createdAt.getTime()))]);
      }
      return order;
    },

    async enqueueReport(t, month) {
      const jobId = crypto.randomUUID();
      await queue!.enqueue({ clientId: t, ...month }, jobId);
      return jobId;
    },

    job(t, jobId) {
      return queue!.job(t, jobId);
    },

    async runReport(data, progress) {
      await progress(10);
      const r = await o.cache.fetch('catalog_report', catalogKeys.report(data.clientId, data.month), o.ttl.reportsS,
        () => [catalogTags.report(data.clientId, data.month)], () => reportDocument(data));
      await progress(100);
      return JSON.parse(String(r!.body)) as OrderReport;
    },
  };
}
