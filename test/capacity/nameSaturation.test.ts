import { describe, expect, it } from 'vitest';
import { nameSaturation } from '../../harness/capacity/nameSaturation.ts';
import { emptySaturation } from '../../harness/capacity/createStepRunner.ts';
import type { CapacityStep, SaturationSample } from '../../harness/model/CapacityReport.ts';

function step(offeredRps: number, passed: boolean, sat: Partial<SaturationSample>, valid = true): CapacityStep {
  return {
    index: 1, phase: 'bisection', offeredRps, achievedRps: offeredRps, valid, passed, stoppedEarly: false, degraded: false, measuredS: 8,
    latencyMs: { p50: 1, p95: 2, p99: 3 }, errorRate: 0, concurrency: 1, cacheHitRatio: null,
    failures: passed ? [] : [{ metric: valid ? 'http_req_duration{endpoint:a}' : 'generator', expression: valid ? 'p(95)<800' : 'valid window', observed: 900, atS: 4, reason: valid ? undefined : 'schedule lag p99 60 ms > 40 ms' }],
    windows: 2, invalidWindows: valid ? 0 : 1, scheduleLagP99Ms: 1, late: 0, dropped: 0, saturation: { ...emptySaturation(), ...sat },
  };
}

describe('nameSaturation', () => {
  it('names a single-threaded API at its core first, with the figures of both steps', () => {
    const r = nameSaturation(step(900, true, { apiCpuPercent: 70 }), step(1000, false, { apiCpuPercent: 97, machineCpuPercent: 95, poolWaiting: 12 }), 2)!;
    expect(r.resource).toMatch(/^API CPU \(97%/);
    expect(r.evidence).toMatch(/900 req\/s \(passed\): API CPU 70%.*\| 1000 req\/s \(failed\): API CPU 97%/);
  });

  it("names the machine's CPUs when no process has its core, with the event loop and the pool as symptoms", () => {
    const r = nameSaturation(undefined, step(2800, false, { apiCpuPercent: 58, machineCpuPercent: 98.6, apiEventLoopLagP99Ms: 58, poolWaiting: 109 }), 2)!;
    expect(r.resource).toMatch(/the machine's CPUs \(98.6% of 2 cores.*symptoms: API event-loop lag p99 58 ms, 109 clients waiting for the database pool/);
  });

  it('names the pool, then Postgres waits, on a machine with CPU to spare', () => {
    expect(nameSaturation(undefined, step(500, false, { machineCpuPercent: 40, poolWaiting: 5, poolTotal: 10 }), 2)!.resource).toMatch(/database pool \(5 clients waiting/);
    expect(nameSaturation(undefined, step(500, false, { machineCpuPercent: 40, pgActiveBackends: 8, pgWaitEvents: { 'Lock:tuple': 6, 'Client:ClientRead': 1 } }), 2)!.resource).toMatch(/Postgres waits \(6 of 8 active backends waiting, mostly Lock:tuple\)/);
  });

  it('names the generator when its own windows were invalid, and says so when nothing was at a limit', () => {
    expect(nameSaturation(undefined, step(500, false, { machineCpuPercent: 99 }, false), 2)!.resource).toMatch(/^the load generator/);
    expect(nameSaturation(undefined, step(500, false, { apiCpuPercent: 30, machineCpuPercent: 50 }), 2)!.resource).toMatch(/no resource at its limit: the highest was machine CPU at 50%/);
    expect(nameSaturation(step(1, true, {}), undefined, 2)).toBeNull();
    // A generator that lagged only after the target had failed its p95 is not what ran out first.
    const late = step(1600, false, { machineCpuPercent: 97, apiCpuPercent: 60 }, false);
    late.failures = [{ metric: 'http_req_duration{endpoint:a}', expression: 'p(95)<800', observed: 1161, atS: 7 }, { metric: 'generator', expression: 'valid window', observed: 1, atS: 8, reason: 'schedule lag' }];
    expect(nameSaturation(undefined, late, 2)!.resource).toMatch(/^the machine's CPUs/);
  });
});
