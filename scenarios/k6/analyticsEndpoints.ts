/*
 * The analytics workload's endpoints as the k6 script sends them. k6 cannot load our Node module tree, so this
 * dependency-free copy mirrors scenarios/analytics.ts (routes, paths, bodies, expected statuses);
 * test/drive/k6/analyticsEndpoints.test.ts proves the two build identical requests.
 */
export type K6EndpointName = 'pin_public' | 'pin_analytics' | 'pin_events' | 'user';

export interface K6Request {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface K6Endpoint {
  name: K6EndpointName;
  /** Route template, used as k6's `name` tag so URLs with ids don't explode metric cardinality. */
  route: string;
  expectedStatuses: number[];
  request(key: number): K6Request;
}

const EVENT_TYPES = ['view', 'click', 'share', 'contact', 'save'];
const JSON_HEADERS = { 'content-type': 'application/json' };

export function pinNumber(id: number): string {
  return 'P' + String(id).padStart(7, '0');
}

export const k6Endpoints: Record<K6EndpointName, K6Endpoint> = {
  pin_public: {
    name: 'pin_public',
    route: 'GET /pin/public/:number',
    expectedStatuses: [200, 304],
    request: (key) => ({ method: 'GET', path: `/pin/public/${pinNumber(key)}` }),
  },
  pin_analytics: {
    name: 'pin_analytics',
    route: 'GET /pins/:number/analytics',
    expectedStatuses: [200],
    request: (key) => ({ method: 'GET', path: `/pins/${pinNumber(key)}/analytics?window=${key % 4 === 0 ? '90d' : '30d'}` }),
  },
  pin_events: {
    name: 'pin_events',
    route: 'POST /pins/:number/events',
    expectedStatuses: [202],
    request: (key) => ({
      method: 'POST',
      path: `/pins/${pinNumber(key)}/events`,
      headers: JSON_HEADERS,
      body: JSON.stringify({ event_type: EVENT_TYPES[key % EVENT_TYPES.length] }),
    }),
  },
  user: {
    name: 'user',
    route: 'GET /users/:id',
    expectedStatuses: [200],
    request: (key) => ({ method: 'GET', path: `/users/${key}` }),
  },
};

/** A 32-bit integer hash (murmur3's fmix32): deterministic, well spread, cheap enough per request. */
export function hash32(n: number): number {
  let h = n >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export interface MixPicker {
  /** The endpoint for iteration i: weighted by the mix, independent of the key drawn for the same i. */
  pick(i: number): K6Endpoint;
  endpoints: K6Endpoint[];
}

export function mixPicker(mix: Partial<Record<string, number>>): MixPicker {
  const chosen: Array<{ endpoint: K6Endpoint; upTo: number }> = [];
  let total = 0;
  for (const [name, weight] of Object.entries(mix)) {
    const endpoint = k6Endpoints[name as K6EndpointName];
    if (!endpoint) throw new Error(`MIX names unknown endpoint ${JSON.stringify(name)}; use ${Object.keys(k6Endpoints).join(', ')}`);
    if (typeof weight !== 'number' || !(weight >= 0)) throw new Error(`MIX weight of ${name} must be a number >= 0, got ${JSON.stringify(weight)}`);
    if (weight === 0) continue;
    total += weight;
    chosen.push({ endpoint, upTo: total });
  }
  if (chosen.length === 0) throw new Error('MIX gives no endpoint a weight > 0');
  return {
    endpoints: chosen.map((c) => c.endpoint),
    pick(i: number): K6Endpoint {
      const r = (hash32(i ^ 0x9e3779b9) / 4294967296) * total;
      return (chosen.find((c) => r < c.upTo) ?? chosen[chosen.length - 1]!).endpoint;
    },
  };
}

/** The key for iteration i: a draw (with replacement) from the pre-sampled keys, which carry the skew. */
export function keyAt(keys: ArrayLike<number>, i: number, salt: number): number {
  return keys[hash32(i ^ salt) % keys.length]!;
}
