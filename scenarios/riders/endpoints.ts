/*
 * The riders workload's endpoint table (seed 002: rider-based gig-economy logistics). Pure (no Node imports,
 * only layout.ts): the Node driver, the generic k6 script and the reports all read this one table.
 *
 * A key is a rider id (1..users, drawn Zipf): the rider's city comes from scenarios/riders/layout.ts, so each
 * request is a pure function of the key and names real rows. Device timestamps are AS_OF_MS (when the module
 * loaded) minus a few seconds per key.
 *
 * Default mix, per 1,000 requests: the plan gives no request rates, so they come from a stage-3 fleet's day.
 * 1M riders with ~10% on duty (the seeded share) at a ping every 10 s and a state poll (duty, last location,
 * wallet) every 30 s make ~10,000 location writes and ~3,300 state reads a second; duty toggles are twice a
 * rider's day (~2/s), deliveries ~333k a month (~0.13/s: one wallet credit, one queue pop and one active-pool
 * read each), leaderboard views a couple a rider's day (~20/s). Those shares (74% / 25% / rest ~0.3%) are
 * kept for the two that carry the load; the rare five get a floor of 2-5 per 1,000 so every endpoint is
 * measured in a short run. Their writes (duty, wallet) are what invalidates the cache, so the floor makes
 * invalidation more frequent than the fleet's day would, not less.
 */
import type { EndpointTable } from '../Scenario.ts';
import { cityCentre, cityIndexOfRider, cityOfRider } from './layout.ts';

export const defaultRidersMix: Readonly<Record<string, number>> = Object.freeze({
  location: 740,
  rider_state: 240,
  active_riders: 2,
  duty: 5,
  wallet_entry: 5,
  leaderboard: 5,
  order_assign: 3,
});

const AS_OF_MS = Math.floor(Date.now() / 1000) * 1000;
const JSON_HEADERS = { 'content-type': 'application/json' };

/** A point within ~0.1 degrees of the rider's city centre, varying with the key. */
function pointOf(key: number): { lat: number; lon: number } {
  const [lat, lon] = cityCentre(cityIndexOfRider(key));
  return { lat: Math.round((lat + ((key % 201) - 100) / 1000) * 1e6) / 1e6, lon: Math.round((lon + ((key % 199) - 99) / 1000) * 1e6) / 1e6 };
}

/** Every endpoint the workload knows; the mix decides which run. */
export const ridersEndpoints: EndpointTable = Object.freeze<EndpointTable>({
  location: {
    name: 'location',
    route: 'POST /riders/:id/location',
    // 202: buffered (optimized) or inserted (naive). 503 (buffer full) is a failure here.
    expectedStatuses: [202],
    request: (key: number) => ({
      method: 'POST', path: `/riders/${key}/location`, headers: JSON_HEADERS,
      body: JSON.stringify({ ...pointOf(key), ts: AS_OF_MS - (key % 30) * 1000 }),
    }),
  },
  duty: {
    name: 'duty',
    route: 'POST /riders/:id/duty',
    expectedStatuses: [200],
    request: (key: number) => ({ method: 'POST', path: `/riders/${key}/duty`, headers: JSON_HEADERS, body: JSON.stringify({ status: key % 3 === 0 ? 'OFF' : 'ON' }) }),
  },
  rider_state: {
    name: 'rider_state',
    route: 'GET /riders/:id',
    expectedStatuses: [200],
    request: (key: number) => ({ method: 'GET', path: `/riders/${key}` }),
  },
  active_riders: {
    name: 'active_riders',
    route: 'GET /cities/:city/riders/active',
    expectedStatuses: [200],
    request: (key: number) => ({ method: 'GET', path: `/cities/${cityOfRider(key)}/riders/active` }),
  },
  wallet_entry: {
    name: 'wallet_entry',
    route: 'POST /riders/:id/wallet',
    // 201 for a stored entry; 409 when a withdrawal exceeds the balance (an answer, not a failure).
    expectedStatuses: [201, 409],
    request: (key: number) => {
      const kind = key % 10;
      const body = kind === 0 ? { amount: 500, entry_type: 'withdrawal' }
        : kind === 1 ? { amount: 20, entry_type: 'incentive' }
          : { amount: 25 + (key % 50) + (key % 4) * 0.25, entry_type: 'earning' };
      return { method: 'POST', path: `/riders/${key}/wallet`, headers: JSON_HEADERS, body: JSON.stringify(body) };
    },
  },
  leaderboard: {
    name: 'leaderboard',
    route: 'GET /cities/:city/leaderboard',
    expectedStatuses: [200],
    request: (key: number) => ({ method: 'GET', path: `/cities/${cityOfRider(key)}/leaderboard` }),
  },
  order_assign: {
    name: 'order_assign',
    route: 'POST /cities/:city/orders/next',
    // 404 once a city's pending orders are all assigned (a small dataset or a long run drains them).
    expectedStatuses: [200, 404],
    request: (key: number) => ({ method: 'POST', path: `/cities/${cityOfRider(key)}/orders/next` }),
  },
});

/** The fixed export every workload endpoints module has: the generic k6 script's entry file imports this name. */
export const endpoints = ridersEndpoints;
