/*
 * The open model is CO-correct: against a target that stalls 1 s in every 2 s, half the arrivals land in a
 * stall and wait up to 1 s, so the open driver's p99 shows the stall. The closed (connection-bound) model at the
 * same mean rate sends nothing while its few connections wait, so only those few requests see the stall and its
 * p99 stays small: coordinated omission.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOpenPhase } from '../../../harness/drive/open/runOpenPhase.ts';
import { runAutocannonPhase } from '../../../harness/drive/autocannon/runAutocannonPhase.ts';
import { startStallTarget, type StallTarget } from '../../helpers/stallTarget.ts';
import { countingSampler, routeScenario } from '../autocannon/routeScenario.ts';

const RATE = 200;
const SECONDS = 4;

describe('open-model driver against a stalling target', () => {
  let target: StallTarget;
  beforeAll(async () => {
    target = await startStallTarget({ periodMs: 2000, stallMs: 1000 });
  });
  afterAll(async () => target?.stop());

  it("shows the 1 s stall in the open model's p99, where the closed model at the same mean rate hides it", async () => {
    const scenario = routeScenario([{ name: 'pin_public', weight: 1, route: 'ok' }], { kind: 'open', ratePerSecond: RATE, connections: 512 });
    const open = await runOpenPhase({ scenario, baseUrl: target.url, sampler: countingSampler(), phase: 'measured', durationS: SECONDS, ratePerSecond: RATE, maxConnections: 512 });
    const closed = await runAutocannonPhase({ scenario, baseUrl: target.url, sampler: countingSampler(), phase: 'measured', durationS: SECONDS, load: { kind: 'open', ratePerSecond: RATE, connections: 2 } });

    // Every arrival was sent and answered: nothing hidden.
    expect(open.openModel.offered).toBe(RATE * SECONDS);
    expect(open.openModel.dropped).toBe(0);
    expect(open.totals.requests).toBe(RATE * SECONDS);
    expect(open.totals.errors).toBe(0);
    // Half the arrivals wait in a stall (uniformly 0..1 s): p99 is near the full second.
    expect(open.totals.latencyMs.p99).toBeGreaterThanOrEqual(500);
    // The closed model's 2 connections each wait once per stall; everything else is fast.
    expect(closed.totals.latencyMs.p99).toBeLessThan(500);
    expect(closed.totals.latencyMs.max).toBeGreaterThanOrEqual(500); // it did meet the stall, on a handful of requests
    // Windows holding a stall fall behind the schedule and say so.
    const invalid = open.openModel.windows.filter((w) => !w.valid);
    expect(invalid.length).toBeGreaterThan(0);
    expect(invalid.flatMap((w) => w.reasons).join(' ')).toMatch(/achieved|Little/);
  });
});
