/*
 * The analytics workload (seed 000): public PIN pages, analytics dashboards and analytics event writes.
 *
 * Default mix 70/20/10. Seed 000 makes the public PIN page the hot, CDN-cached read path (60 s, ETag), puts
 * dashboards on rollups (secondary reads, "direct summary queries to replica") and batches the hot analytics
 * writes. It gives no ratio; 70/20/10 is our assumption, in line with seed 001's documented 10:1 reads to writes
 * (100k reads/min vs 10k writes/min). `user` is available for custom mixes and off by default.
 */
import type { EndpointName, LoadModel } from '../../harness/model/RunSummary.ts';
import { pinNumber } from '../../seeders/analytics/pinNumber.ts';
import { EVENT_TYPES } from '../../seeders/analytics/eventTypes.ts';
import type { EndpointSpec, KeyDistribution, Scenario } from '../Scenario.ts';

export const defaultAnalyticsMix: Readonly<Record<EndpointName, number>> = Object.freeze({
  pin_public: 70,
  pin_analytics: 20,
  pin_events: 10,
  user: 0,
});

export interface AnalyticsScenarioOptions {
  users: number;
  seed: number;
  distribution: KeyDistribution;
  load: LoadModel;
  warmupS: number;
  durationS: number;
  mix?: Partial<Record<EndpointName, number>>;
}

export const analyticsDefaults: Readonly<AnalyticsScenarioOptions> = Object.freeze<AnalyticsScenarioOptions>({
  users: 1_000_000,
  seed: 42,
  distribution: { kind: 'zipf', exponent: 1.1 }, // the seeder's default skew, so caches see the same hot keys
  load: { kind: 'closed', connections: 32, pipelining: 1 },
  // One PIN TTL (60 s, the hot family): every hot key has then expired and been refilled at least once, so the
  // measured phase sees the cache's steady state, not the cold start of this run's fresh key prefix.
  warmupS: 60,
  durationS: 30,
});

const JSON_HEADERS = { 'content-type': 'application/json' };

/** Every endpoint the workload knows; the mix decides which run. */
export const analyticsEndpoints: Readonly<Record<EndpointName, Omit<EndpointSpec, 'weight'>>> = Object.freeze<Record<EndpointName, Omit<EndpointSpec, 'weight'>>>({
  pin_public: {
    name: 'pin_public',
    route: 'GET /pin/public/:number',
    expectedStatuses: [200, 304],
    request: (key: number) => ({ method: 'GET', path: `/pin/public/${pinNumber(key)}` }),
  },
  pin_analytics: {
    name: 'pin_analytics',
    route: 'GET /pins/:number/analytics',
    expectedStatuses: [200],
    // Dashboards mostly open the 30-day view; one in four asks for 90 days.
    request: (key: number) => ({ method: 'GET', path: `/pins/${pinNumber(key)}/analytics?window=${key % 4 === 0 ? '90d' : '30d'}` }),
  },
  pin_events: {
    name: 'pin_events',
    route: 'POST /pins/:number/events',
    expectedStatuses: [202],
    request: (key: number) => ({
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
    request: (key: number) => ({ method: 'GET', path: `/users/${key}` }),
  },
});

export function analyticsScenario(opts: AnalyticsScenarioOptions): Scenario {
  const mix = { ...defaultAnalyticsMix, ...opts.mix };
  const endpoints = (Object.keys(analyticsEndpoints) as EndpointName[])
    .filter((name) => (mix[name] ?? 0) > 0)
    .map((name) => ({ ...analyticsEndpoints[name], weight: mix[name] ?? 0 }));
  return {
    name: 'analytics',
    endpoints,
    keys: { users: opts.users, seed: opts.seed, distribution: opts.distribution },
    load: opts.load,
    warmupS: opts.warmupS,
    durationS: opts.durationS,
  };
}
