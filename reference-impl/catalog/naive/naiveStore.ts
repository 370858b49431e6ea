/*
 * The catalog API before seed 004's plan (the `naive` variant's CatalogStore): everything in kv_store under
 * global keys, read as the plan's "What You Have Now" reads it, and filtered for the tenant in JavaScript:
 * - product lists: the site, then the catalog's id list, then one get per product until the page is full
 *   (Problem 2's N+1: about pageSize + 1 gets, more when products are excluded, inactive or filtered out);
 * - the catalog list: catalogs:all, then every catalog of every client, kept when owner_id matches
 *   (Problem 1 and Problem 4: all tenants' rows are loaded, the application filters);
 * - reports: orders:all, one get per order of every client, filtered by client and month in JavaScript
 *   (Problem 3), in an in-process job (no queue system);
 * - orders: read, check and write back each product (no transaction: concurrent orders can oversell).
 * Its answers for the requesting client are still correct: the same documents as the optimized variant.
 */
import crypto from 'node:crypto';
import type { CatalogStore } from '../CatalogStore.ts';
import { webOrderNumber } from '../CatalogStore.ts';
import {
  cents, catalogDocument, money, orderDocument, orderReport, productDocument, productListItem,
  type OrderDocument, type OrderReport, type ProductListItem, type ProductPage,
} from '../documents.ts';
import { catalogErrors } from '../errors/catalogErrors.ts';
import type { ReportJobData, ReportQueue } from '../optimized/reportQueue.ts';
import type { KvStore } from './KvStore.ts';

interface Site { id: string; client_id: string; catalog_id: string; excluded_product_ids: string[] }
interface Catalog { id: string; owner_id: string; name: string; [k: string]: unknown }
interface Gift { id: string; catalog_id: string; sku: string; name: string; category: string | null; price: string; inventory_count: number; is_active: boolean; [k: string]: unknown }

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function naiveStore(kv: KvStore): CatalogStore & { runReport(data: ReportJobData, progress: (pct: number) => Promise<void>): Promise<OrderReport>; attach(q: ReportQueue): void } {
  let queue: ReportQueue | undefined;

  const siteOf = async (t: string, siteId: string): Promise<Site | null> => {
    const site = await kv.get<Site>(`site:${siteId}`);
    return site && site.client_id === t ? site : null;
  };

  return {
    attach(q) {
      queue = q;
    },

    async clientExists(clientId) {
      return (await kv.get(`client:${clientId}`)) !== null;
    },

    async products(t, siteId, q) {
      const site = await siteOf(t, siteId);
      if (!site) return null;
      const ids = (await kv.get<string[]>(`catalog:${site.catalog_id}:products`)) ?? [];
      const excluded = new Set(site.excluded_product_ids);
      const skip = (q.page - 1) * q.pageSize;
      const items: ProductListItem[] = [];
      let matched = 0;
      for (const id of ids) {
        if (items.length >= q.pageSize) break;
        if (excluded.has(id)) continue;
        const gift = await kv.get<Gift>(`gift:${id}`);
        if (!gift || !gift.is_active || (q.category !== null && gift.category !== q.category)) continue;
        if (matched++ >= skip) items.push(productListItem(gift));
      }
      const page: ProductPage = { site_id: siteId, catalog_id: site.catalog_id, page: q.page, pageSize: q.pageSize, category: q.category, items };
      return { body: JSON.stringify(page) };
    },

    async product(t, id) {
      const gift = await kv.get<Gift>(`gift:${id}`);
      if (!gift) return null;
      const catalog = await kv.get<Catalog>(`catalog:${gift.catalog_id}`);
      return catalog && catalog.owner_id === t ? { body: JSON.stringify(productDocument(gift)) } : null;
    },

    async catalogs(t) {
      const ids = (await kv.get<string[]>('catalogs:all')) ?? [];
      const mine: Catalog[] = [];
      for (const id of ids) {
        const c = await kv.get<Catalog>(`catalog:${id}`);
        if (c && c.owner_id === t) mine.push(c);
      }
      mine.sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id));
      return { body: JSON.stringify({ catalogs: mine.map((c) => catalogDocument(c)) }) };
    },

    async order(t, id) {
      const o = await kv.get<Record<string, unknown>>(`order:${id}`);
      return o && o.client_id === t ? { body: JSON.stringify(orderDocument(o)) } : null;
    },

    async createOrder(t, siteId, req) {
      const site = await siteOf(t, siteId);
      if (!site) return null;
      const excluded = new Set(site.excluded_product_ids);
      const gifts = await Promise.all(req.items.map((it) => kv.get<Gift>(`gift:${it.product_id}`)));
      const missing = req.items.filter((it, i) => {
        const g = gifts[i];
        return !g || g.catalog_id !== site.catalog_id || !g.is_active || excluded.has(g.id) || g.inventory_count < it.qty;
      }).map((it) => it.product_id);
      if (missing.length > 0) throw catalogErrors.itemsUnavailable(missing);
      const id = crypto.randomUUID();
      const items = req.items.map((it, i) => ({ product_id: it.product_id, sku: gifts[i]!.sku, name: gifts[i]!.name, qty: it.qty, unit_price: gifts[i]!.price }));
      for (const [i, it] of req.items.entries()) await kv.set(`gift:${it.product_id}`, { ...gifts[i]!, inventory_count: gifts[i]!.inventory_count - it.qty });
      const order: OrderDocument = {
        id, order_number: webOrderNumber(id), client_id: t, site_id: siteId, customer_name: req.customer_name, customer_email: req.customer_email,
        status: 'pending', total_amount: money(items.reduce((n, it) => n + it.qty * cents(it.unit_price), 0)), currency: 'USD', items,
        created_at: new Date().toISOString(),
      };
      await kv.set(`order:${id}`, order);
      await kv.append('orders:all', id);
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
      const ids = (await kv.get<string[]>('orders:all')) ?? [];
      const byStatus = new Map<string, { orders: number; cents: number }>();
      for (const [i, id] of ids.entries()) {
        const o = await kv.get<{ client_id: string; created_at: string; status: string; total_amount: string }>(`order:${id}`);
        if (i % 1000 === 999) await progress(Math.floor((100 * (i + 1)) / ids.length));
        if (!o || o.client_id !== data.clientId) continue;
        const at = Date.parse(o.created_at);
        if (at < data.startMs || at >= data.endMs) continue;
        const s = byStatus.get(o.status) ?? { orders: 0, cents: 0 };
        s.orders++;
        s.cents += cents(o.total_amount);
        byStatus.set(o.status, s);
      }
      await progress(100);
      return orderReport(data.clientId, data.month, byStatus);
    },
  };
}
