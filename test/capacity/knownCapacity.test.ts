/*
 * The capacity search against targets whose answer is known:
 * - 10 slots x 100 ms = 100 req/s: below it latency stays at 100 ms, above it the target's queue grows, so the
 *   p95 < 300 ms budget fails within a step. The search must land within its tolerance of 100 req/s.
 *   (200 ms of slack: a contended machine that delays a timer by a tenth of a second does not fail a step; a rate
 *   more than ~7% over capacity builds over 200 ms of queue within a 3 s step, so it does.)
 * - a target that answers 500 to everything: every step fails, the search stops early with no capacity.
 * The machine is far from its limits here (100 req/s of idle timers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capacityBudget } from '../../harness/capacity/capacityBudget.ts';
import { createStepRunner } from '../../harness/capacity/createStepRunner.ts';
import { searchCapacity } from '../../harness/capacity/searchCapacity.ts';
import { runOpenPhase } from '../../harness/drive/open/runOpenPhase.ts';
import { startSlotTarget, type SlotTarget } from '../helpers/slotTarget.ts';
import { countingSampler, routeScenario } from '../drive/autocannon/routeScenario.ts';

const TOLERANCE = 0.1;

const scenario = routeScenario([{ name: 'pin_public', weight: 1, route: 'ok' }], { kind: 'open', ratePerSecond: 1, connections: 256 });

function runner(url: string) {
  return createStepRunner({
    scenario, baseUrl: url, sampler: countingSampler(),
    budget: capacityBudget({ 'http_req_duration{endpoint:pin_public}': ['p(95)<300'], http_req_failed: ['rate<0.01'], http_reqs: ['rate>=1000'] }),
    settleS: 1, measureS: 2, windowS: 2, arrivals: 'constant', maxConnections: 256, cooldownS: 0.5, degradeErrorRate: 0.5,
    // Generator bounds loosened for a contended test machine; the target's own queue is what must fail a step.
    rule: { maxScheduleLagP99Ms: 250, maxEventLoopLagP99Ms: 500, maxDriverCpuPercent: 100 },
    probes: {}, inProcessCache: false, progress: () => undefined,
  });
}

describe('capacity search against targets with a known answer', () => {
  let slots: SlotTarget;
  let broken: SlotTarget;
  beforeAll(async () => {
    slots = await startSlotTarget({ slots: 10, serviceMs: 100 });
    broken = await startSlotTarget({ slots: 100, serviceMs: 1, failAll: true });
  });
  afterAll(async () => {
    await slots?.stop();
    await broken?.stop();
  });

  it('finds slots / service time (100 req/s) within its tolerance', async () => {
    // Warm the driver (JIT, first sockets) as a real run's warm-up does, so step 1 does not carry the cold start.
    await runOpenPhase({ scenario, baseUrl: slots.url, sampler: countingSampler(), phase: 'warmup', durationS: 1, ratePerSecond: 50, maxConnections: 64 });
    const out = await searchCapacity({ startRps: 50, maxRps: 1000, factor: 2, tolerance: TOLERANCE, trials: 3, refineSteps: 1, downSteps: 2, seed: 1 }, runner(slots.url));
    expect(out.allFailed).toBe(false);
    const found = out.maxSustainableRps!;
    // The search reports the highest PASSING rate, so it sits at or under the capacity, within the tolerance
    // (plus the timers' own overshoot: a 100 ms timer fires after 100-102 ms, a capacity of ~98-100).
    expect(found.value).toBeGreaterThanOrEqual(slots.capacityRps * (1 - TOLERANCE) * 0.95);
    expect(found.value).toBeLessThanOrEqual(slots.capacityRps * (1 + TOLERANCE));
    expect(found.low).toBeLessThanOrEqual(found.value);
    expect(found.high).toBeGreaterThanOrEqual(found.value);
    expect(out.trials).toHaveLength(3);
    expect(out.steps.filter((s) => s.phase === 'confirm')).toHaveLength(3);
    // What bound it: the target's queue (latency, or falling behind the schedule), not a request-rate floor.
    expect(out.bindingThreshold?.metric).toMatch(/http_req_duration|achieved_rate/);
    expect(out.steps.some((s) => s.failures.some((f) => f.metric === 'http_reqs'))).toBe(false);
    // A passing step below capacity has latency near the service time; concurrency by Little's law near rate x 50 ms.
    const pass = out.steps.find((s) => s.passed && s.offeredRps === 50)!;
    expect(pass.latencyMs.p50).toBeGreaterThanOrEqual(100);
    expect(pass.concurrency).toBeGreaterThan(4);
  });

  it('stops early, with no capacity, when every step fails', async () => {
    const out = await searchCapacity({ startRps: 50, maxRps: 1000, factor: 2, tolerance: TOLERANCE, trials: 3, refineSteps: 1, downSteps: 2, seed: 1 }, runner(broken.url));
    expect(out.allFailed).toBe(true);
    expect(out.maxSustainableRps).toBeNull();
    expect(out.steps).toHaveLength(3); // the start rate and two lower probes, no bisection or trials
    expect(out.steps.every((s) => !s.passed && s.degraded && s.stoppedEarly)).toBe(true);
    expect(out.stopReason).toMatch(/every step failed.*badly degraded.*stopped early/);
  });
});
