/*
 * The analytics workload's endpoint table (seed 000): public PIN pages, analytics dashboards and event writes.
 * Pure (no Node imports): the Node driver, the generic k6 script and the reports all read this one table.
 *
 * Default mix 70/20/10. Seed 000 makes the public PIN page the hot, CDN-cached read path (60 s, ETag), puts
 * dashboards on rollups (secondary reads, "direct summary queries to replica") and batches the hot analytics
 * writes. It gives no ratio; 70/20/10 is our assumption, in line with seed 001's documented 10:1 reads to writes
 * (100k reads/min vs 10k writes/min). `user` and the messaging endpoints are available for custom mixes and off
 * by default.
 */
import type { EndpointTable } from '../Scenario.ts';
import { pinNumber } from '../../seeders/analytics/pinNumber.ts';
import { EVENT_TYPES } from '../../seeders/analytics/eventTypes.ts';

export const defaultAnalyticsMix: Readonly<Record<string, number>> = Object.freeze({
  pin_public: 70,
  pin_analytics: 20,
  pin_events: 10,
  user: 0,
  // Seed 000's messaging and matches: off by default, so the default mix (and every figure measured with it)
  // is unchanged; seed 000 gives them no share. `--mix ...,message_send=5,messages=5,match_update=1` drives them.
  message_send: 0,
  messages: 0,
  match_update: 0,
});

/** Match states the load cycles through (the API's MATCH_STATES). */
const MATCH_STATES = ['active', 'paused', 'archived'] as const;

const JSON_HEADERS = { 'content-type': 'application/json' };

/** Every endpoint the workload knows; the mix decides which run. */
export const analyticsEndpoints: EndpointTable = Object.freeze<EndpointTable>({
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
  // Match `key` is between PIN `key` and PIN key % users + 1 (seeders/analytics/rows/matchRows.ts); PIN `key` writes.
  message_send: {
    name: 'message_send',
    route: 'POST /matches/:id/messages',
    expectedStatuses: [201],
    request: (key: number) => ({
      method: 'POST',
      path: `/matches/${key}/messages`,
      headers: JSON_HEADERS,
      body: JSON.stringify({ sender_pin: key, body: `hello from ${pinNumber(key)}` }),
    }),
  },
  messages: {
    name: 'messages',
    route: 'GET /matches/:id/messages',
    expectedStatuses: [200],
    request: (key: number) => ({ method: 'GET', path: `/matches/${key}/messages?limit=20` }),
  },
  match_update: {
    name: 'match_update',
    route: 'POST /matches/:id/state',
    expectedStatuses: [200],
    request: (key: number) => ({
      method: 'POST',
      path: `/matches/${key}/state`,
      headers: JSON_HEADERS,
      body: JSON.stringify({ state: MATCH_STATES[key % MATCH_STATES.length] }),
    }),
  },
});

/** The fixed export every workload endpoints module has: the generic k6 script's entry file imports this name. */
export const endpoints = analyticsEndpoints;
