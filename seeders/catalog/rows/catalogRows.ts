/*
 * The catalog dataset's rows as plain objects, one generator per table, a pure function of (seed, layout,
 * asOf): both variants are rendered from these same objects (optimized as table rows, naive as kv_store JSON
 * values), so their answers can be compared. Which products are inactive or excluded is layout (no seed, see
 * scenarios/catalog/layout.ts); names, prices, brands, customers and times come from the seed.
 */
import { columnHash, hash32, rowKey } from '../../engine/hash32.ts';
import {
  CATEGORIES, MONTHS, catalogId, catalogOfSite, catalogsOf, clientId, isExcluded, isProductActive, monthStartMs,
  offeredProduct, orderId, ordersPerMonthOf, productId, productsInCatalog, productsOf, siteId, sitesOf,
} from '../../../scenarios/catalog/layout.ts';
import { money } from '../../../reference-impl/catalog/documents.ts';

/** Hash streams per table (distinct from other workloads' only by being used for this dataset alone). */
const H = { client: 41, catalog: 42, site: 43, product: 44, order: 45 } as const;
const DAY_MS = 86_400_000;

const ADJECTIVES = ['Artisan', 'Bamboo', 'Classic', 'Deluxe', 'Eco', 'Festive', 'Golden', 'Handmade', 'Insulated', 'Luxury', 'Modern', 'Nordic', 'Organic', 'Premium', 'Rustic', 'Smart', 'Travel', 'Vintage', 'Wireless', 'Zen'];
const NOUNS = ['Backpack', 'Blanket', 'Candle Set', 'Chocolate Box', 'Coffee Kit', 'Desk Lamp', 'Earbuds', 'Gift Basket', 'Headphones', 'Journal', 'Mug', 'Notebook', 'Pen Set', 'Plant Kit', 'Power Bank', 'Speaker', 'Spa Set', 'Tea Sampler', 'Tumbler', 'Watch'];
const BRANDS = ['Acme', 'Brightline', 'Cedar & Co', 'Driftwood', 'Everyday', 'Fable', 'Greenleaf', 'Harbor', 'Ironbark', 'Juniper'];
const FIRST = ['Ava', 'Ben', 'Chloe', 'Diego', 'Emma', 'Farah', 'Gus', 'Hana', 'Ivan', 'Jade', 'Kofi', 'Lena', 'Mateo', 'Nora', 'Omar', 'Priya'];
const LAST = ['Adams', 'Baker', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jones', 'Khan', 'Lopez', 'Martin', 'Nguyen', 'Okafor', 'Patel'];
const CATALOG_TYPES = ['erp', 'manual', 'vendor', 'dropship'] as const;
const CATALOG_NAMES = ['Anniversary Awards', 'Holiday Gifts', 'Onboarding Kits', 'Wellness Perks', 'Sales Incentives', 'Client Appreciation', 'Team Milestones'];
const STATUS_OLD = ['delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'cancelled', 'shipped'] as const;
const STATUS_NEW = ['pending', 'processing', 'shipped', 'delivered'] as const;

export interface CatalogRowContext {
  seed: number;
  clients: number;
  asOfMs: number;
}

export interface ClientRow { id: string; name: string; slug: string; contact_email: string; is_active: boolean; created_at_ms: number }
export interface CatalogRow { id: string; name: string; type: string; source: string; status: string; owner_id: string; created_at_ms: number }
export interface SiteRow { id: string; client_id: string; name: string; domain: string; status: string; catalog_id: string; created_at_ms: number }
export interface ProductRow {
  id: string; catalog_id: string; sku: string; name: string; description: string; category: string; brand: string;
  price_cents: number; currency: string; inventory_count: number; is_active: boolean; created_at_ms: number;
}
export interface OrderItem { product_id: string; sku: string; name: string; qty: number; unit_price: string }
export interface OrderRow {
  id: string; order_number: string; client_id: string; site_id: string; customer_name: string; customer_email: string;
  status: string; total_cents: number; currency: string; items: OrderItem[]; created_at_ms: number;
}
export interface ExclusionRow { site_id: string; product_id: string; reason: string; created_at_ms: number }


function createdMs(ctx: CatalogRowContext, h: number, daysBack: number): number {
  return ctx.asOfMs - (400 + (h % daysBack)) * DAY_MS;
}

export function clientRow(ctx: CatalogRowContext, c: number): ClientRow {
  const key = rowKey(ctx.seed, H.client, c);
  const name = `${LAST[columnHash(key, 1) % LAST.length]} ${['Group', 'Labs', 'Partners', 'Retail', 'Holdings'][columnHash(key, 2) % 5]} ${c}`;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { id: clientId(c), name, slug, contact_email: `gifting@${slug}.example.com`, is_active: true, created_at_ms: createdMs(ctx, columnHash(key, 3), 700) };
}

export function catalogRow(ctx: CatalogRowContext, c: number, j: number): CatalogRow {
  const key = rowKey(ctx.seed, H.catalog, c * 64 + j);
  const type = CATALOG_TYPES[columnHash(key, 1) % CATALOG_TYPES.length]!;
  return {
    id: catalogId(c, j), name: `${CATALOG_NAMES[(c + j) % CATALOG_NAMES.length]} ${j + 1}`, type,
    source: type === 'erp' ? ['sap', 'oracle'][columnHash(key, 2) % 2]! : type, status: 'active', owner_id: clientId(c),
    created_at_ms: createdMs(ctx, columnHash(key, 3), 300),
  };
}

export function siteRow(ctx: CatalogRowContext, c: number, j: number): SiteRow {
  const key = rowKey(ctx.seed, H.site, c * 1024 + j);
  return {
    id: siteId(c, j), client_id: clientId(c), name: `Gift site ${j + 1} of client ${c}`, domain: `site-${j + 1}.client-${c}.gifts.example.com`,
    status: 'active', catalog_id: catalogId(c, catalogOfSite(c, j)), created_at_ms: createdMs(ctx, columnHash(key, 1), 300),
  };
}

export function productRow(ctx: CatalogRowContext, c: number, k: number): ProductRow {
  const key = rowKey(ctx.seed, H.product, c * 1_000_000 + k);
  const name = `${ADJECTIVES[columnHash(key, 1) % ADJECTIVES.length]} ${NOUNS[columnHash(key, 2) % NOUNS.length]}`;
  return {
    id: productId(c, k), catalog_id: catalogId(c, k % catalogsOf(c)), sku: `SKU-${String(k).padStart(6, '0')}`, name,
    description: `${name} from our ${CATEGORIES[columnHash(key, 3) % CATEGORIES.length]} range.`,
    category: CATEGORIES[columnHash(key, 3) % CATEGORIES.length]!, brand: BRANDS[columnHash(key, 4) % BRANDS.length]!,
    price_cents: productPriceCents(ctx.seed, c, k), currency: 'USD', inventory_count: 10_000 + (columnHash(key, 6) % 90_000),
    is_active: isProductActive(c, k), created_at_ms: createdMs(ctx, columnHash(key, 7), 300),
  };
}

export function productPriceCents(seed: number, c: number, k: number): number {
  return 500 + (hash32(seed, H.product, c * 1_000_000 + k, 5) % 49_500);
}

/** What an order line needs of a product, memoized per client (orders of one client reuse its products). */
export interface ProductBrief { id: string; sku: string; name: string; cents: number; price: string }
const briefCache = { seed: NaN, client: 0, items: new Map<number, ProductBrief>() };

export function productBrief(ctx: CatalogRowContext, c: number, k: number): ProductBrief {
  if (briefCache.seed !== ctx.seed || briefCache.client !== c) {
    briefCache.seed = ctx.seed;
    briefCache.client = c;
    briefCache.items.clear();
  }
  let b = briefCache.items.get(k);
  if (b === undefined) {
    const p = productRow(ctx, c, k);
    b = { id: p.id, sku: p.sku, name: p.name, cents: p.price_cents, price: money(p.price_cents) };
    briefCache.items.set(k, b);
  }
  return b;
}

/** Order i of month m of client c; `span` is the month's [start, end) (orderRows computes it once a month). */
/** The random draws of order i of month m of client c, as numbers (orderRow and the fast COPY writer share them). */
export interface OrderDraws { site: number; products: number[]; qtys: number[]; first: number; last: number; status: string; createdMs: number }

export function orderDraws(ctx: CatalogRowContext, c: number, m: number, i: number, span: [number, number]): OrderDraws {
  const key = rowKey(ctx.seed, H.order, (c * MONTHS + m) * 10_000 + i);
  const site = columnHash(key, 1) % sitesOf(c);
  const nItems = 1 + (columnHash(key, 2) % 3);
  const products: number[] = [];
  const qtys: number[] = [];
  for (let n = 0; n < nItems; n++) {
    const k = offeredProduct(c, site, columnHash(key, 10 + n) % 9973);
    if (products.includes(k)) continue;
    products.push(k);
    qtys.push(1 + (columnHash(key, 20 + n) % 3));
  }
  const [start, end] = span;
  return {
    site, products, qtys, first: columnHash(key, 3) % FIRST.length, last: columnHash(key, 4) % LAST.length,
    status: m === 0 ? STATUS_NEW[columnHash(key, 5) % STATUS_NEW.length]! : STATUS_OLD[columnHash(key, 5) % STATUS_OLD.length]!,
    createdMs: start + Math.floor((columnHash(key, 6) / 4294967296) * (end - start)),
  };
}

export const CUSTOMER_FIRST: readonly string[] = FIRST;
export const CUSTOMER_LAST: readonly string[] = LAST;

/** Order i of month m of client c; `span` is the month's [start, end) (orderRows computes it once a month). */
export function orderRow(ctx: CatalogRowContext, c: number, m: number, i: number, span = monthSpan(ctx, m)): OrderRow {
  const d = orderDraws(ctx, c, m, i, span);
  const items: OrderItem[] = [];
  let total = 0;
  d.products.forEach((k, n) => {
    const p = productBrief(ctx, c, k);
    total += d.qtys[n]! * p.cents;
    items.push({ product_id: p.id, sku: p.sku, name: p.name, qty: d.qtys[n]!, unit_price: p.price });
  });
  const first = FIRST[d.first]!;
  const last = LAST[d.last]!;
  return {
    id: orderId(c, m, i), order_number: `ORD-${c}-${m}-${i}`, client_id: clientId(c), site_id: siteId(c, d.site),
    customer_name: `${first} ${last}`, customer_email: `${first}.${last}.${c}.${m}.${i}@recipients.example.org`.toLowerCase(),
    status: d.status, total_cents: total, currency: 'USD', items, created_at_ms: d.createdMs,
  };
}

/** [start, end) of month m's orders: the calendar month, the current one up to asOf. */
export function monthSpan(ctx: CatalogRowContext, m: number): [number, number] {
  const start = monthStartMs(ctx.asOfMs, m);
  return [start, m === 0 ? Math.max(start + 3_600_000, ctx.asOfMs) : monthStartMs(ctx.asOfMs, m - 1)];
}

export function* clientRows(ctx: CatalogRowContext): Generator<ClientRow> {
  for (let c = 1; c <= ctx.clients; c++) yield clientRow(ctx, c);
}

export function* catalogRows(ctx: CatalogRowContext): Generator<CatalogRow> {
  for (let c = 1; c <= ctx.clients; c++) for (let j = 0; j < catalogsOf(c); j++) yield catalogRow(ctx, c, j);
}

export function* siteRows(ctx: CatalogRowContext): Generator<SiteRow> {
  for (let c = 1; c <= ctx.clients; c++) for (let j = 0; j < sitesOf(c); j++) yield siteRow(ctx, c, j);
}

export function* productRows(ctx: CatalogRowContext): Generator<ProductRow> {
  for (let c = 1; c <= ctx.clients; c++) for (let k = 0; k < productsOf(c); k++) yield productRow(ctx, c, k);
}

/** Orders of clients [from, to] (1-based, inclusive), so a large table can be cut into load units. */
export function* orderRows(ctx: CatalogRowContext, from = 1, to = ctx.clients): Generator<OrderRow> {
  const spans = Array.from({ length: MONTHS }, (_, m) => monthSpan(ctx, m));
  for (let c = from; c <= to; c++) for (let m = 0; m < MONTHS; m++) for (let i = 0; i < ordersPerMonthOf(c); i++) yield orderRow(ctx, c, m, i, spans[m]);
}

/** Product indexes k that site j of client c excludes (about 2% of its catalog). */
export function excludedOfSite(c: number, j: number): number[] {
  const catalog = catalogOfSite(c, j);
  const n = catalogsOf(c);
  const out: number[] = [];
  for (let t = 0; t < productsInCatalog(c, catalog); t++) {
    const k = catalog + t * n;
    if (isExcluded(c, j, k)) out.push(k);
  }
  return out;
}

export function* exclusionRows(ctx: CatalogRowContext): Generator<ExclusionRow> {
  for (let c = 1; c <= ctx.clients; c++) {
    for (let j = 0; j < sitesOf(c); j++) {
      for (const k of excludedOfSite(c, j)) yield { site_id: siteId(c, j), product_id: productId(c, k), reason: 'not shipped to this region', created_at_ms: ctx.asOfMs - 30 * DAY_MS };
    }
  }
}

/** Rows per table at `clients` clients (what the plan and the verification expect). */
export function catalogRowCounts(clients: number): Record<string, number> {
  const n = { clients, catalogs: 0, sites: 0, products: 0, orders: 0, site_product_exclusions: 0 };
  for (let c = 1; c <= clients; c++) {
    n.catalogs += catalogsOf(c);
    n.sites += sitesOf(c);
    n.products += productsOf(c);
    n.orders += MONTHS * ordersPerMonthOf(c);
    for (let j = 0; j < sitesOf(c); j++) n.site_product_exclusions += excludedOfSite(c, j).length;
  }
  return n;
}
