/*
 * Measurement truth: the target sleeps a known, seeded delay per request and records how long it
 * really spent on each one (arrival to response end). The driver's percentiles must match the percentiles of
 * the server's own records within max(5%, 2 ms). Both sides time the same requests, so this checks the
 * driver's bookkeeping (attribution, timing, histograms), not the machine's speed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAutocannonPhase } from '../../../harness/drive/autocannon/runAutocannonPhase.ts';
import { startSleepTarget, type SleepTarget } from '../../helpers/sleepTarget.ts';
import { countingSampler, routeScenario } from './routeScenario.ts';

/** Nearest-rank percentile, the definition an HDR histogram approximates. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

describe('autocannon driver latency', () => {
  let target: SleepTarget;
  beforeAll(async () => {
    // A fixed mixture with a long tail: p50 falls in the 9-11 ms band, p95 and p99 in the 74-76 ms band.
    const bands = [
      { weight: 35, minMs: 3, maxMs: 5 },
      { weight: 35, minMs: 9, maxMs: 11 },
      { weight: 20, minMs: 24, maxMs: 26 },
      { weight: 10, minMs: 74, maxMs: 76 },
    ];
    target = await startSleepTarget({ delay: { seed: 20240611, bands } }, { inProcess: true });
  });
  afterAll(async () => target?.stop());

  it('reports p50, p95 and p99 within max(5%, 2 ms) of the latencies the server itself measured', async () => {
    // Light concurrency (2 connections at ~17 ms each, ~115 req/s): several connections in flight, so timing is
    // per request, while the event loop stays idle enough that driver and server see each request at once.
    const scenario = routeScenario([{ name: 'pin_public', weight: 1, route: 'ok' }], { kind: 'closed', connections: 2, pipelining: 1 });
    const r = await runAutocannonPhase({ scenario, baseUrl: target.url, sampler: countingSampler(), phase: 'measured', durationS: 1, amount: 600 });

    const server = (await target.records()).filter((x) => x.phase === 'measured').map((x) => x.serverMs).sort((a, b) => a - b);
    expect(server).toHaveLength(600);
    expect(r.totals.requests).toBe(600);
    // The seeded delays really spread out, so the percentiles below are distinct checks.
    expect(percentile(server, 99)).toBeGreaterThan(4 * percentile(server, 50));

    const reported = r.endpoints.pin_public!.latencyMs;
    for (const p of [50, 95, 99] as const) {
      const truth = percentile(server, p);
      const got = reported[`p${p}`];
      const tolerance = Math.max(0.05 * truth, 2);
      expect(Math.abs(got - truth), `p${p}: driver ${got} ms vs server ${truth.toFixed(3)} ms (tolerance ${tolerance.toFixed(2)} ms)`).toBeLessThanOrEqual(tolerance);
    }
    expect(r.totals.latencyMs.p95).toBe(reported.p95);
  });
});
