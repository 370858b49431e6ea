/*
 * The naive variant's COPY units: the same generated rows as the optimized tables, as kv_store entries under
 * seed 004's keys ("What You Have Now"): clients:all, client:<id>, sites:all, site:<id> (its exclusions
 * inside), catalogs:all, catalog:<id>, catalog:<id>:products (the catalog's product ids in list order, the
 * plan's CacheKeys.catalogProducts), gifts:all, gift:<id>, orders:all, order:<id>. Values use the API's
 * field formats (reference-impl/catalog/documents.ts), so the naive API can answer from them as they are.
 * Several units write the one table, so none uses FREEZE.
 */
import { BinaryCopyWriter, type CopyChunk } from '../engine/BinaryCopyWriter.ts';
import type { LoadUnit } from '../engine/LoadUnit.ts';
import { MONTHS, catalogsOf, orderId, ordersPerMonthOf, productId, productsOf, sitesOf } from '../../scenarios/catalog/layout.ts';
import { money } from '../../reference-impl/catalog/documents.ts';
import { jsonbBound, jsonbField } from './copyFields.ts';
import { orderRanges } from './tableUnits.ts';
import {
  catalogRow, clientRow, excludedOfSite, orderRows, productRow, productRows, siteRow, type CatalogRowContext, type OrderRow, type ProductRow,
} from './rows/catalogRows.ts';

const CHUNK_BYTES = 256 * 1024;
const iso = (ms: number) => new Date(ms).toISOString();

function* kvRows(entries: Iterable<[string, string]>): Generator<CopyChunk> {
  const w = new BinaryCopyWriter(CHUNK_BYTES);
  for (const [key, json] of entries) {
    if (w.full(key.length + 8 + jsonbBound(json))) yield w.take();
    w.row(2);
    w.ascii(key);
    jsonbField(w, json);
  }
  yield w.finish();
}

export function giftValue(p: ProductRow): string {
  return JSON.stringify({
    id: p.id, catalog_id: p.catalog_id, sku: p.sku, name: p.name, description: p.description, category: p.category, brand: p.brand,
    price: money(p.price_cents), currency: p.currency, inventory_count: p.inventory_count, is_active: p.is_active, created_at: iso(p.created_at_ms),
  });
}

export function orderValue(o: OrderRow): string {
  return JSON.stringify({
    id: o.id, order_number: o.order_number, client_id: o.client_id, site_id: o.site_id, customer_name: o.customer_name,
    customer_email: o.customer_email, status: o.status, total_amount: money(o.total_cents), currency: o.currency, items: o.items,
    created_at: iso(o.created_at_ms),
  });
}

/** Product ids of each catalog of client c in list order (name, then id, byte order as COLLATE "C"). */
function catalogProductLists(ctx: CatalogRowContext, c: number): string[][] {
  const lists: ProductRow[][] = Array.from({ length: catalogsOf(c) }, () => []);
  for (let k = 0; k < productsOf(c); k++) lists[k % catalogsOf(c)]!.push(productRow(ctx, c, k));
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return lists.map((l) => l.sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id)).map((p) => p.id));
}

function* tenantEntries(ctx: CatalogRowContext): Generator<[string, string]> {
  const all = { clients: [] as string[], sites: [] as string[], catalogs: [] as string[] };
  for (let c = 1; c <= ctx.clients; c++) {
    const cl = clientRow(ctx, c);
    all.clients.push(cl.id);
    yield [`client:${cl.id}`, JSON.stringify({ id: cl.id, name: cl.name, slug: cl.slug, contact_email: cl.contact_email, is_active: cl.is_active, created_at: iso(cl.created_at_ms) })];
    const lists = catalogProductLists(ctx, c);
    for (let j = 0; j < catalogsOf(c); j++) {
      const cat = catalogRow(ctx, c, j);
      all.catalogs.push(cat.id);
      yield [`catalog:${cat.id}`, JSON.stringify({ id: cat.id, name: cat.name, type: cat.type, source: cat.source, status: cat.status, owner_id: cat.owner_id, created_at: iso(cat.created_at_ms) })];
      yield [`catalog:${cat.id}:products`, JSON.stringify(lists[j])];
    }
    for (let j = 0; j < sitesOf(c); j++) {
      const s = siteRow(ctx, c, j);
      all.sites.push(s.id);
      yield [`site:${s.id}`, JSON.stringify({
        id: s.id, client_id: s.client_id, name: s.name, domain: s.domain, status: s.status, catalog_id: s.catalog_id,
        excluded_product_ids: excludedOfSite(c, j).map((k) => productId(c, k)), created_at: iso(s.created_at_ms),
      })];
    }
  }
  yield ['clients:all', JSON.stringify(all.clients)];
  yield ['sites:all', JSON.stringify(all.sites)];
  yield ['catalogs:all', JSON.stringify(all.catalogs)];
}

function* giftEntries(ctx: CatalogRowContext): Generator<[string, string]> {
  for (const p of productRows(ctx)) yield [`gift:${p.id}`, giftValue(p)];
}

function* idLists(ctx: CatalogRowContext): Generator<[string, string]> {
  const gifts: string[] = [];
  const orders: string[] = [];
  for (let c = 1; c <= ctx.clients; c++) {
    for (let k = 0; k < productsOf(c); k++) gifts.push(productId(c, k));
    for (let m = 0; m < MONTHS; m++) for (let i = 0; i < ordersPerMonthOf(c); i++) orders.push(orderId(c, m, i));
  }
  yield ['gifts:all', JSON.stringify(gifts)];
  yield ['orders:all', JSON.stringify(orders)];
}

/** kv_store entries per unit; the sum is the table's row count. */
export function kvRowCount(clients: number): number {
  let n = 5; // clients:all, sites:all, catalogs:all, gifts:all, orders:all, then one per entity
  for (let c = 1; c <= clients; c++) n += 1 + 2 * catalogsOf(c) + sitesOf(c) + productsOf(c) + MONTHS * ordersPerMonthOf(c);
  return n;
}

export function kvUnits(ctx: CatalogRowContext, orderParts: number): LoadUnit[] {
  const unit = (rows: number, weight: number, render: () => Generator<CopyChunk>): LoadUnit => ({ table: 'kv_store', relation: 'kv_store', columns: ['key', 'value'], rows, weight, render });
  let tenants = 3;
  let gifts = 0;
  for (let c = 1; c <= ctx.clients; c++) {
    tenants += 1 + 2 * catalogsOf(c) + sitesOf(c);
    gifts += productsOf(c);
  }
  const orders = orderRanges(ctx.clients, orderParts).map((r) => unit(r.rows, r.rows * 500, function* () {
    yield* kvRows((function* () {
      for (const o of orderRows(ctx, r.from, r.to)) yield [`order:${o.id}`, orderValue(o)] as [string, string];
    })());
  }));
  return [
    ...orders,
    unit(gifts, gifts * 350, () => kvRows(giftEntries(ctx))),
    unit(tenants, tenants * 2000, () => kvRows(tenantEntries(ctx))),
    unit(2, gifts * 40, () => kvRows(idLists(ctx))),
  ];
}
