/*
 * The catalog API on the plan's tables (the CatalogStore of `optimized`, `phase1` and `phase2`): every read is one
 * SELECT and an order one statement (statements.ts), each in one round trip as the tenant (withTenant.ts), under
 * row-level security ('rls', Phase 4) or the application's WHERE ('where', before it). With a TagCache (Phase 2)
 * reads are cached in Redis under tenant-scoped keys with the plan's TTLs and tags, and an order invalidates
 * exactly the tags it touched (its products and its month's report); without one (phase1) every read goes to
 * Postgres. Reports run as queued jobs and are cached a day when there is a cache.
 */
import crypto from 'node:crypto';
import type { Database } from '../../platform/db/Database.ts';
import type { CatalogStore, ReadResult } from '../CatalogStore.ts';
import { webOrderNumber } from '../CatalogStore.ts';
import { cents, catalogDocument, money, orderDocument, orderReport, productDocument, productListItem, type OrderDocument, type OrderReport, type ProductPage } from '../documents.ts';
import { catalogErrors } from '../errors/catalogErrors.ts';
import type { ReportJobData, ReportQueue } from './reportQueue.ts';
import { catalogKeys, catalogTags } from './cacheKeys.ts';
import { catalogSql, type TenantIsolation } from './statements.ts';
import type { TagCache } from './TagCache.ts';
import { runAsTenant } from './withTenant.ts';

export interface OptimizedStoreOptions {
  db: Database;
  /** Report queries (the replica when configured, plan Phase 5). */
  readDb: Database;
  /** Phase 2's cache; null: none (phase1). */
  cache: TagCache | null;
  /** How tenants are isolated: row-level security (Phase 4) or the application's WHERE. */
  isolation: TenantIsolation;
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
  const sql = catalogSql(o.isolation);
  const one = <T>(clientId: string, text: string, values: unknown[], db = o.db) => runAsTenant<T & Record<string, unknown>>(db, o.isolation, clientId, text, values);
  const cache = o.cache;
  /** Cache-aside when there is a cache; else the loader's document, uncached. */
  const fetch: TagCache['fetch'] = cache
    ? (...a) => cache.fetch(...a)
    : async (_family, _key, _ttlS, _tags, load) => {
      const body = await load();
      return body === null ? null : { body };
    };

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
      return fetch('catalog_products', catalogKeys.products(t, siteId, q), o.ttl.productsS,
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
      return fetch('catalog_product', catalogKeys.product(t, id), o.ttl.productsS,
        (doc) => [catalogTags.product(t, id), catalogTags.catalogProducts(t, (JSON.parse(doc) as { catalog_id: string }).catalog_id)],
        async () => {
          const rows = await one(t, sql.product, [id]);
          return rows[0] ? JSON.stringify(productDocument(rows[0])) : null;
        });
    },

    async catalogs(t) {
      const r = await fetch('catalog_catalogs', catalogKeys.catalogs(t), o.ttl.catalogsS, () => [catalogTags.catalogs(t)],
        async () => JSON.stringify({ catalogs: (await one(t, sql.catalogs, [])).map(catalogDocument) }));
      return r as ReadResult; // never null: the loader always returns a document
    },

    order(t, id) {
      return fetch('catalog_order', catalogKeys.order(t, id), o.ttl.ordersS, () => [catalogTags.order(t, id)], async () => {
        const rows = await one(t, sql.order, [id]);
        return rows[0] ? JSON.stringify(orderDocument(rows[0])) : null;
      });
    },

    async createOrder(t, siteId, req) {
      const id = crypto.randomUUID();
      const createdAt = new Date();
      const orderNumber = webOrderNumber(id);
      // One statement: a refused order (unknown site, an item it cannot serve) changes nothing.
      const rows = await one<{ sites: number; inserted: number; reserved: number; id: string | null; sku: string; name: string; price: string }>(t, sql.createOrder,
        [siteId, JSON.stringify(req.items), id, t, orderNumber, req.customer_name, req.customer_email, createdAt]);
      const head = rows[0]!;
      if (head.sites === 0) return null;
      const byId = new Map(rows.filter((r) => r.id !== null).map((r) => [r.id!, r]));
      if (head.inserted === 0) throw catalogErrors.itemsUnavailable(req.items.filter((it) => !byId.has(it.product_id)).map((it) => it.product_id));
      if (head.reserved !== req.items.length) throw new Error(`createOrder: ${head.reserved} of ${req.items.length} lines reserved for an inserted order`);
      const items = req.items.map((it) => {
        const p = byId.get(it.product_id)!;
        return { product_id: p.id!, sku: p.sku, name: p.name, qty: it.qty, unit_price: p.price };
      });
      const order: OrderDocument = {
        id, order_number: orderNumber, client_id: t, site_id: siteId, customer_name: req.customer_name, customer_email: req.customer_email,
        status: 'pending', total_amount: money(items.reduce((n, it) => n + it.qty * cents(it.unit_price), 0)), currency: 'USD', items, created_at: createdAt.toISOString(),
      };
      // Exactly what this write changed: the stock of its products, and its month's report.
      await cache?.invalidate([...order.items.map((it) => catalogTags.product(t, it.product_id)), catalogTags.report(t, monthOf(createdAt.getTime()))]);
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
      const r = await fetch('catalog_report', catalogKeys.report(data.clientId, data.month), o.ttl.reportsS,
        () => [catalogTags.report(data.clientId, data.month)], () => reportDocument(data));
      await progress(100);
      return JSON.parse(String(r!.body)) as OrderReport;
    },
  };
}
