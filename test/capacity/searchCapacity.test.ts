/*
 * The search's control flow against a synthetic step runner (no load): a rate passes when it is at or under a
 * fixed capacity. Exponential, then bisection to the tolerance, then confirmation trials; early stops.
 */
import { describe, expect, it } from 'vitest';
import { searchCapacity, type SearchConfig, type StepRunner } from '../../harness/capacity/searchCapacity.ts';
import { emptySaturation } from '../../harness/capacity/createStepRunner.ts';
import type { CapacityStep } from '../../harness/model/CapacityReport.ts';

const cfg: SearchConfig = { startRps: 10, maxRps: 100_000, factor: 2, tolerance: 0.05, trials: 3, refineSteps: 2, downSteps: 2, seed: 7 };

function synthetic(capacity: (trial: number | undefined) => number, opts: { degradeAbove?: number } = {}): StepRunner & { rates: number[] } {
  const rates: number[] = [];
  const run = async (offeredRps: number, phase: CapacityStep['phase'], trial?: number): Promise<CapacityStep> => {
    rates.push(offeredRps);
    const passed = offeredRps <= capacity(trial);
    const degraded = opts.degradeAbove !== undefined && offeredRps > opts.degradeAbove;
    return {
      index: rates.length, phase, trial, offeredRps, achievedRps: offeredRps, valid: true, passed, stoppedEarly: !passed, degraded, measuredS: 1,
      latencyMs: { p50: 1, p95: 2, p99: 3 }, errorRate: 0, concurrency: 1, cacheHitRatio: null,
      failures: passed ? [] : [{ metric: 'http_req_duration{endpoint:a}', expression: 'p(95)<800', observed: 900, atS: 1 }],
      windows: 1, invalidWindows: 0, scheduleLagP99Ms: 0, late: 0, dropped: 0, saturation: emptySaturation(),
    };
  };
  return Object.assign(run, { rates });
}

describe('searchCapacity', () => {
  it('doubles up, bisects to the tolerance, confirms with trials, and names the threshold that bound it', async () => {
    const runner = synthetic(() => 1234);
    const out = await searchCapacity(cfg, runner);
    const v = out.maxSustainableRps!;
    expect(v.value).toBeLessThanOrEqual(1234);
    expect(v.value).toBeGreaterThanOrEqual(1234 * (1 - cfg.tolerance));
    expect(runner.rates.slice(0, 9)).toEqual([10, 20, 40, 80, 160, 320, 640, 1280, 960]);
    expect(out.trials).toHaveLength(3);
    expect(out.steps.filter((s) => s.phase === 'confirm')).toHaveLength(6);
    expect(out.bindingThreshold?.expression).toBe('p(95)<800');
    expect(out.allFailed).toBe(false);
  });

  it('gives an interval that spans disagreeing trials', async () => {
    // The capacity moves by trial: the interval must widen to cover the trials' own answers.
    const out = await searchCapacity(cfg, synthetic((t) => (t === 2 ? 1180 : 1234)));
    const est = out.trials.map((t) => t.highestPassingRps!);
    expect(Math.min(...est)).toBeLessThan(Math.max(...est));
    expect(out.maxSustainableRps!.low).toBeLessThanOrEqual(Math.min(...est) + 1e-9);
    expect(out.maxSustainableRps!.high).toBeGreaterThanOrEqual(out.maxSustainableRps!.value);
  });

  it('stops at --max-rate when nothing fails and says capacity is at least that', async () => {
    const out = await searchCapacity({ ...cfg, maxRps: 100 }, synthetic(() => 1e9));
    expect(out.stopReason).toMatch(/at least/);
    expect(out.maxSustainableRps!.value).toBeGreaterThanOrEqual(100);
  });

  it('stops early when every step fails: the start rate and a few lower probes, no bisection or trials', async () => {
    const runner = synthetic(() => 1, { degradeAbove: 0 });
    const out = await searchCapacity(cfg, runner);
    expect(out.allFailed).toBe(true);
    expect(out.maxSustainableRps).toBeNull();
    expect(runner.rates).toEqual([10, 5, 2.5]);
    expect(out.stopReason).toMatch(/every step failed, down to 2.5 req\/s .*badly degraded/);
  });
});

describe('searchCapacity with a spoiled generator', () => {
  it('runs a step that failed only on the generator once more, and keeps both', async () => {
    let spoiled = false;
    const runner: StepRunner = async (offeredRps, phase, trial) => {
      const base = await synthetic(() => 1000)(offeredRps, phase, trial);
      if (offeredRps === 40 && !spoiled) {
        spoiled = true;
        return { ...base, passed: false, valid: false, failures: [{ metric: 'generator', expression: 'valid window', observed: 1, atS: 2, reason: 'schedule lag p99 60 ms > 40 ms: the driver sent late' }] };
      }
      return base;
    };
    const out = await searchCapacity(cfg, runner);
    const at40 = out.steps.filter((s) => s.offeredRps === 40);
    expect(at40.map((s) => s.passed)).toEqual([false, true]);
    expect(out.notes.join(' ')).toMatch(/failed only on the generator's own validity and was run again/);
    expect(out.maxSustainableRps!.value).toBeGreaterThan(900);
  });
});

describe('searchCapacity with a target that degrades after the search', () => {
  it('claims no capacity when no confirmation trial passes any rate it tried', async () => {
    let confirming = false;
    const runner: StepRunner = async (offeredRps, phase, trial) => {
      confirming ||= phase === 'confirm';
      return synthetic(() => (confirming ? 0 : 1000))(offeredRps, phase, trial);
    };
    const out = await searchCapacity(cfg, runner);
    expect(out.maxSustainableRps).toBeNull();
    expect(out.allFailed).toBe(true);
    expect(out.trials.every((t) => t.highestPassingRps === null)).toBe(true);
    expect(out.stopReason).toMatch(/the boundary was NOT confirmed: the search passed [\d.]+ req\/s, but no confirmation trial passed/);
    expect(out.notes.join(' ')).toMatch(/3 of 3 confirmation trials passed at no rate tried/);
  });
});

