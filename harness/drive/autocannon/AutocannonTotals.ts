/*
 * autocannon's own totals for a phase, kept next to ours as a cross-check. They are counted differently:
 * - `completed` and `statusCounts` count the same responses we do, so they should match ours exactly;
 * - `errors` counts socket errors and timeouts (events, not requests), and a server that closes a socket
 *   cleanly is not counted at all, so transport-error counts legitimately differ from ours;
 * - autocannon's latency histogram is kept for reference only: after a reconnect its queue of pipelined
 *   requests keeps stale entries (see createResponseTracker.ts), and it has no p95.
 */
import type autocannon from 'autocannon';

export interface AutocannonTotals {
  /** Requests written, as counted by our tracker (autocannon's own `sent` over-counts at start-up). */
  sent: number;
  /** Responses autocannon counted. */
  completed: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  statusCounts: Record<string, number>;
  /** autocannon's own run length (s). */
  durationS: number;
  /** Mean of autocannon's per-second request counts. */
  requestsPerSecondMean: number;
  latencyMs: { mean: number; p50: number; p99: number; max: number };
}

export function autocannonTotalsOf(r: autocannon.Result, sent: number): AutocannonTotals {
  const statusCounts: Record<string, number> = {};
  for (const [code, v] of Object.entries(r.statusCodeStats ?? {})) statusCounts[code] = Number(v?.count ?? 0);
  return {
    sent,
    completed: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    mismatches: r.mismatches,
    statusCounts,
    durationS: r.duration,
    requestsPerSecondMean: r.requests.average,
    latencyMs: { mean: r.latency.mean, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
  };
}
