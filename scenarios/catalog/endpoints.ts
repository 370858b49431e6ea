/*
 * The catalog workload's endpoint table (seed 004: multi-tenant gifting catalogs). Pure (no Node imports, only
 * layout.ts): the Node driver, the generic k6 script and the reports all read this one table. Every request
 * carries the tenant in x-client-id (the stand-in for the auth context).
 *
 * A key is a shopper (1..users, drawn Zipf); its client, site, product and order come from
 * scenarios/catalog/layout.ts, so each request names real rows of its own tenant. Months are relative to today
 * (AS_OF_MS, fixed when the module loads), as the seeder's twelve months of orders are.
 *
 * Default mix: the plan gives no split, only "Orders per Hour 1,000+" against "500+" concurrent users browsing;
 * ours is browse-heavy: product lists (the plan's Problem 2 and headline claim), product pages, the catalog list,
 * order look-ups, orders placed, and rare monthly reports (queued, Phase 3).
 */
import type { EndpointTable } from '../Scenario.ts';
import { CATEGORIES, clientId, keysOfShopper, monthKey, orderId, productId, siteId } from './layout.ts';

export const defaultCatalogMix: Readonly<Record<string, number>> = Object.freeze({
  products: 50,
  product: 25,
  catalogs: 10,
  order: 8,
  order_create: 5,
  report: 2,
});

/** Page size of the scenario's product lists: naive's N+1 shows as about PAGE_SIZE + 1 queries. */
export const PAGE_SIZE = 100;

const AS_OF_MS = Date.now();
const JSON_HEADERS = { 'content-type': 'application/json' };
// 429: the per-client rate limit (plan Phase 4) is a designed answer; thresholds/catalog.ts reports its rate apart.
const OK = [200, 429];

function tenant(client: number): Record<string, string> {
  return { 'x-client-id': clientId(client) };
}

/** Every endpoint the workload knows; the mix decides which run. */
export const catalogEndpoints: EndpointTable = Object.freeze<EndpointTable>({
  products: {
    name: 'products',
    route: 'GET /sites/:siteId/products',
    expectedStatuses: OK,
    // Page 1 of the site's catalog; one shopper in eight filters by a category.
    request: (key: number) => {
      const k = keysOfShopper(key);
      const category = key % 8 === 0 ? `&category=${CATEGORIES[(key >>> 3) % CATEGORIES.length]}` : '';
      return { method: 'GET', path: `/sites/${siteId(k.client, k.site)}/products?page=1&pageSize=${PAGE_SIZE}${category}`, headers: tenant(k.client) };
    },
  },
  product: {
    name: 'product',
    route: 'GET /products/:id',
    expectedStatuses: OK,
    request: (key: number) => {
      const k = keysOfShopper(key);
      return { method: 'GET', path: `/products/${productId(k.client, k.product)}`, headers: tenant(k.client) };
    },
  },
  catalogs: {
    name: 'catalogs',
    route: 'GET /catalogs',
    expectedStatuses: OK,
    request: (key: number) => ({ method: 'GET', path: '/catalogs', headers: tenant(keysOfShopper(key).client) }),
  },
  order: {
    name: 'order',
    route: 'GET /orders/:id',
    expectedStatuses: OK,
    request: (key: number) => {
      const k = keysOfShopper(key);
      return { method: 'GET', path: `/orders/${orderId(k.client, k.orderMonth, k.orderI)}`, headers: tenant(k.client) };
    },
  },
  order_create: {
    name: 'order_create',
    route: 'POST /sites/:siteId/orders',
    expectedStatuses: [201, 429],
    request: (key: number) => {
      const k = keysOfShopper(key);
      const body = { customer_name: `Shopper ${key}`, customer_email: `shopper${key}@example.org`, items: [{ product_id: productId(k.client, k.product), qty: 1 }] };
      return { method: 'POST', path: `/sites/${siteId(k.client, k.site)}/orders`, headers: { ...JSON_HEADERS, ...tenant(k.client) }, body: JSON.stringify(body) };
    },
  },
  report: {
    name: 'report',
    route: 'POST /reports/orders',
    expectedStatuses: [202, 429],
    request: (key: number) => {
      const k = keysOfShopper(key);
      return { method: 'POST', path: `/reports/orders?month=${monthKey(AS_OF_MS, k.orderMonth)}`, headers: tenant(k.client) };
    },
  },
});

/** The fixed export every workload endpoints module has: the generic k6 script's entry file imports this name. */
export const endpoints = catalogEndpoints;
