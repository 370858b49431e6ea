/*
 * Default thresholds of the marketplace workload (seed 003), in k6 syntax: the k6 driver hands them to k6's
 * options.thresholds (minus the server-side queries_per_request) and harness/judge/evaluateThresholds judges them
 * from summary.json. `--thresholds FILE` replaces this whole set. Only endpoints in the run's mix are judged. The
 * naive variant is the plan's "before": it is expected to miss several of these.
 */
import type { ThresholdSet } from '../harness/judge/ThresholdSet.ts';

export const marketplaceThresholds: ThresholdSet = {
  // Seed 003 "Expected Performance Results": P99 Latency, after, "~150ms" (before ~800ms), over every request.
  http_req_duration: ['p(99)<150'],
  // Same table: "Marketplace Load | ~200ms | ~50ms" (phase 3: home from the views); p95 of the home BFF.
  'http_req_duration{endpoint:home}': ['p(95)<50'],
  // Same table: "DB Queries/Request | 4-5 | 1-2": statements the API issued per request, per route.
  'queries_per_request{endpoint:home}': ['value<=2'],
  'queries_per_request{endpoint:store}': ['value<=2'],
  'queries_per_request{endpoint:product}': ['value<=2'],
  'queries_per_request{endpoint:search}': ['value<=2'],
  'queries_per_request{endpoint:order_create}': ['value<=2'],
  // Seed 003 current state: "Peak Requests/Second | ~1,160 | 10x average for spikes" (10M/day), as the minimum rate.
  http_reqs: ['rate>=1160'],
  // Errors under 1% (the issue's bound; seed 003 targets 99.99% uptime). 429s from phase 4's per-IP limits are
  // expected statuses of the limited routes (scenarios/marketplace/endpoints.ts), so they are not errors here.
  http_req_failed: ['rate<0.01'],
  // Reported, not a target: requests per second phase 4's limits (200/100/60 per IP per minute) refused.
  'http_reqs{status:429}': ['rate>=0'],
};

export default marketplaceThresholds;
