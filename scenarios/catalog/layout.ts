/*
 * The catalog workload's tenants (seed 004: multi-tenant gifting catalogs) as arithmetic of the client number,
 * so the seeder and the load scenarios agree on every id without asking the database. Pure: no imports, no
 * Node APIs (k6 imports it through scenarios/catalog/endpoints.ts).
 *
 * Scale: `users` are shoppers, SHOPPERS_PER_CLIENT per client, so 200,000 users are the plan's year-3
 * projection ("200 clients, 1,000 sites, 200,000 products, 50,000 orders/month"); --users multiplies it.
 * Tenant sizes are skewed by tier (a few large clients), a pure function of the client number:
 *   large  (c % 50 == 0, 2%):  50 sites, 5 catalogs, 10,000 products, 3,000 orders a month
 *   medium (c % 5 == 3, 20%):  10 sites, 3 catalogs,  2,000 products,   600 orders a month
 *   small  (the rest, 78%):   2-3 sites, 2 catalogs,    500 products,    80 orders a month
 * At 200 clients: 4 large, 40 medium, 156 small -> 990 sites, 448 catalogs, 198,000 products, 48,480 orders a
 * month (581,760 over 12 months). The first large client is client 50, so small test datasets (under 50
 * clients) have none.
 *
 * Ids are UUIDs that spell (kind, client, index): KKCCCCCC-0000-4000-8000-NNNNNNNNNNNN (kind byte, client
 * number in 6 hex digits, index in 12), valid v4-shaped UUIDs whose text order is their byte order.
 * Product k of a client lives in catalog k % catalogs; site j uses catalog j % catalogs. Order i of month m
 * (0 = the month of asOf, 11 = eleven months before) of a client has index m * 1,000,000 + i.
 */

export const SHOPPERS_PER_CLIENT = 1000;
export const MONTHS = 12;
export const CATEGORIES: readonly string[] = ['electronics', 'home', 'apparel', 'wellness', 'food', 'experiences', 'office', 'outdoor'];

export type Tier = 'large' | 'medium' | 'small';

export const KIND = { client: 1, catalog: 2, site: 3, product: 4, order: 5 } as const;
export type Kind = keyof typeof KIND;

export function clientCount(users: number): number {
  return Math.max(1, Math.ceil(users / SHOPPERS_PER_CLIENT));
}

export function tierOf(client: number): Tier {
  if (client % 50 === 0) return 'large';
  if (client % 5 === 3) return 'medium';
  return 'small';
}

export function sitesOf(client: number): number {
  const t = tierOf(client);
  return t === 'large' ? 50 : t === 'medium' ? 10 : client % 2 === 0 ? 2 : 3;
}

export function catalogsOf(client: number): number {
  const t = tierOf(client);
  return t === 'large' ? 5 : t === 'medium' ? 3 : 2;
}

export function productsOf(client: number): number {
  const t = tierOf(client);
  return t === 'large' ? 10_000 : t === 'medium' ? 2_000 : 500;
}

export function ordersPerMonthOf(client: number): number {
  const t = tierOf(client);
  return t === 'large' ? 3_000 : t === 'medium' ? 600 : 80;
}

/** Products of catalog `catalog` (0-based) of a client: k = catalog, catalog + n, ... */
export function productsInCatalog(client: number, catalog: number): number {
  const n = catalogsOf(client);
  return Math.floor((productsOf(client) - 1 - catalog) / n) + 1;
}

/** The catalog (0-based) site j (0-based) of a client shows. */
export function catalogOfSite(client: number, site: number): number {
  return site % catalogsOf(client);
}

export function orderIndex(month: number, i: number): number {
  return month * 1_000_000 + i;
}

const ZEROS = '000000000000';

function hex(n: number, width: number): string {
  const s = n.toString(16);
  return s.length >= width ? s : ZEROS.slice(0, width - s.length) + s;
}

/** The UUID of entity `index` of `kind` belonging to client `client` (for clients, index 0). */
export function entityId(kind: Kind, client: number, index: number): string {
  return `${hex(KIND[kind], 2)}${hex(client, 6)}-0000-4000-8000-${hex(index, 12)}`;
}

export const clientId = (client: number): string => entityId('client', client, 0);
export const siteId = (client: number, site: number): string => entityId('site', client, site);
export const catalogId = (client: number, catalog: number): string => entityId('catalog', client, catalog);
export const productId = (client: number, k: number): string => entityId('product', client, k);
export const orderId = (client: number, month: number, i: number): string => entityId('order', client, orderIndex(month, i));

/**
 * Layout-level hash (no seed: which products a site excludes and which are inactive is part of the layout, so
 * a scenario can pick a product a site really offers). Murmur-style 32-bit mix.
 */
export function layoutHash(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(c + 0x7f4a7c15, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** About 3% of products are inactive (kept in the catalog, hidden from lists). */
export function isProductActive(client: number, k: number): boolean {
  return layoutHash(client, k, 1) % 100 >= 3;
}

/** About 2% of a catalog's products are excluded from each site that shows it (site_product_exclusions). */
export function isExcluded(client: number, site: number, k: number): boolean {
  return layoutHash(client * 1024 + site, k, 2) % 50 === 0;
}

/** A product site j of the client offers (active, not excluded), picked by `pick`: what a shopper can order. */
export function offeredProduct(client: number, site: number, pick: number): number {
  const catalog = catalogOfSite(client, site);
  const n = catalogsOf(client);
  const inCatalog = productsInCatalog(client, catalog);
  for (let t = 0; t < inCatalog; t++) {
    const k = catalog + ((pick + t) % inCatalog) * n;
    if (isProductActive(client, k) && !isExcluded(client, site, k)) return k;
  }
  return catalog; // unreachable with the layout's rates
}

/** 'YYYY-MM' of the month `back` months before the month holding asOfMs (UTC). */
export function monthKey(asOfMs: number, back: number): string {
  const d = new Date(asOfMs);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() - back;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return `${y}-${m < 10 ? '0' : ''}${m}`;
}

/** Start of the month `back` months before asOf's month, epoch ms (UTC). */
export function monthStartMs(asOfMs: number, back: number): number {
  const d = new Date(asOfMs);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1);
}

/** Tenant-side ids a shopper key (1..users) names: its client, a site, a product it can order, an order. */
export interface ShopperKeys {
  client: number;
  site: number;
  product: number;
  orderMonth: number;
  orderI: number;
}

export function keysOfShopper(key: number): ShopperKeys {
  const client = Math.ceil(key / SHOPPERS_PER_CLIENT);
  const s = (key - 1) % SHOPPERS_PER_CLIENT;
  const site = s % sitesOf(client);
  const h = layoutHash(client, s, 3);
  const orderMonth = h % MONTHS;
  return { client, site, product: offeredProduct(client, site, h % 9973), orderMonth, orderI: (h >>> 8) % ordersPerMonthOf(client) };
}
