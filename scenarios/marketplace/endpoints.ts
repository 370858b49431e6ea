/*
 * The marketplace workload's endpoint table (seed 003: the marketplace BFF). Pure (no Node imports, only
 * layout.ts): the Node driver, the generic k6 script and the reports all read this one table.
 *
 * A key is a user id (1..users, drawn from the sampler). Every request is a pure function of it: the product,
 * store and search it names (scenarios/marketplace/layout.ts), and its client address, sent as x-forwarded-for
 * (one address per user, in 10.0.0.0/8), so the per-IP rate limits of seed 003 phase 4 count one client per
 * user. The API honours x-forwarded-for only from a trusted proxy (by default loopback, where the load
 * generator runs); see reference-impl/marketplace/marketplaceEnv.ts.
 *
 * Default mix (the plan gives none): the BFF home is the page every visit opens (40), product pages follow
 * (30), then search (15) and stores (10); orders are the rare write (5); /health is the uptime monitor's probe (1).
 * 429 is an expected answer of every rate-limited route: a hot client over its budget is refused by design,
 * and thresholds/marketplace.ts reports 429s as their own rate, apart from http_req_failed.
 */
import type { EndpointTable } from '../Scenario.ts';
import { clientIpOfKey, pageOfKey, productOfKey, queryOfKey, sellerOfKey } from './layout.ts';

export const defaultMarketplaceMix: Readonly<Record<string, number>> = Object.freeze({
  home: 40,
  product: 30,
  search: 15,
  store: 10,
  order_create: 5,
  health: 1,
});

const LIMITED = [200, 429];

function client(key: number): Record<string, string> {
  return { 'x-forwarded-for': clientIpOfKey(key) };
}

/** Every endpoint the workload knows; the mix decides which run. */
export const marketplaceEndpoints: EndpointTable = Object.freeze<EndpointTable>({
  home: {
    name: 'home',
    route: 'GET /marketplace/home',
    expectedStatuses: LIMITED,
    request: (key: number) => ({ method: 'GET', path: '/marketplace/home', headers: client(key) }),
  },
  product: {
    name: 'product',
    route: 'GET /products/:type/:id',
    expectedStatuses: LIMITED,
    request: (key: number) => {
      const p = productOfKey(key);
      return { method: 'GET', path: `/products/${p.type}/${p.id}`, headers: client(key) };
    },
  },
  search: {
    name: 'search',
    route: 'GET /search',
    expectedStatuses: LIMITED,
    request: (key: number) => ({
      method: 'GET',
      path: `/search?q=${encodeURIComponent(queryOfKey(key))}&page=${pageOfKey(key)}`,
      headers: { ...client(key), 'x-user-id': String(key) },
    }),
  },
  store: {
    name: 'store',
    route: 'GET /stores/:sellerId',
    expectedStatuses: LIMITED,
    request: (key: number) => ({ method: 'GET', path: `/stores/${sellerOfKey(key)}`, headers: client(key) }),
  },
  order_create: {
    name: 'order_create',
    route: 'POST /orders',
    expectedStatuses: [201, 429],
    request: (key: number) => {
      const p = productOfKey(key);
      return {
        method: 'POST',
        path: '/orders',
        headers: { ...client(key), 'content-type': 'application/json' },
        body: JSON.stringify({ buyer_id: key, product_type: p.type, product_id: p.id }),
      };
    },
  },
  health: {
    name: 'health',
    route: 'GET /health',
    expectedStatuses: [200],
    request: () => ({ method: 'GET', path: '/health' }),
  },
});

/** The fixed export every workload endpoints module has: the generic k6 script's entry file imports this name. */
export const endpoints = marketplaceEndpoints;
