/*
 * One capacity step: the open-model driver at a rate for settle + measure seconds. While it runs, every second
 * the sliding window that just closed (inside the measured part) is judged against the window budget; the
 * first failure, or a badly degraded target (errors above half in a second), stops the step at once, so a
 * failing rate is not held longer than it takes to see it fail. After it: the step budget (cache), the
 * generator's own windows (valid or not, and why), the resources sampled, and the step's figures.
 */
import type { Scenario } from '../../scenarios/Scenario.ts';
import type { KeySampler } from '../drive/autocannon/createResponseTracker.ts';
import { formatProgress } from '../drive/autocannon/DriveProgress.ts';
import type { ArrivalProcess } from '../drive/open/arrivalSchedule.ts';
import { runOpenPhase } from '../drive/open/runOpenPhase.ts';
import type { CapacityStep, WindowFailure } from '../model/CapacityReport.ts';
import type { OpenValidityRule } from '../model/OpenModelBlock.ts';
import { serverSide } from '../probe/serverSide.ts';
import { snapshotServer, type ProbeTargets, type ServerSnapshot } from '../probe/snapshotServer.ts';
import type { CapacityBudget } from './capacityBudget.ts';
import type { ResourceSampler } from './createResourceSampler.ts';
import { judgeSlice } from './judgeSlice.ts';
import type { StepRunner } from './searchCapacity.ts';

export interface StepContext {
  scenario: Scenario;
  baseUrl: string;
  sampler: KeySampler;
  budget: CapacityBudget;
  settleS: number;
  measureS: number;
  /** Sliding judging window (s), moved by one second. */
  windowS: number;
  arrivals: ArrivalProcess;
  maxConnections: number;
  rule?: Partial<OpenValidityRule> | undefined;
  timeoutS?: number | undefined;
  /** Pause after a failed step so the next one does not start into the target's backlog. */
  cooldownS: number;
  /** Errors above this fraction of a second's responses stop the step and mark the target degraded. */
  degradeErrorRate: number;
  probes: ProbeTargets;
  inProcessCache: boolean;
  resources?: ResourceSampler | undefined;
  progress: (line: string) => void;
}

const BEHIND = /^(achieved|\d+ arrivals dropped|Little)/;

export function createStepRunner(ctx: StepContext): StepRunner {
  let index = 0;
  const mix = Object.fromEntries(ctx.scenario.endpoints.map((e) => [e.name, e.weight]));
  const windowS = Math.min(ctx.windowS, ctx.measureS);
  // Encoding a histogram costs milliseconds; only a p(N) outside the precomputed ones (50, 90, 95, 99, 99.9) reads it.
  const needsHistogram = Object.values(ctx.budget.window).some((specs) =>
    specs.some((x) => /p\(\s*([\d.]+)\s*\)/.test(typeof x === 'string' ? x : x.threshold) && !/p\(\s*(50|90|95|99|99\.9)\s*\)/.test(typeof x === 'string' ? x : x.threshold)),
  );
  return async (offeredRps, phase, trial) => {
    index++;
    const failures: WindowFailure[] = [];
    const controller = new AbortController();
    let degraded = false;
    let before: Promise<ServerSnapshot> | undefined;
    const r = await runOpenPhase({
      scenario: ctx.scenario,
      baseUrl: ctx.baseUrl,
      sampler: ctx.sampler,
      phase: 'measured',
      durationS: ctx.settleS + ctx.measureS,
      ratePerSecond: offeredRps,
      maxConnections: ctx.maxConnections,
      arrivals: ctx.arrivals,
      arrivalSeed: ctx.scenario.keys.seed + index,
      // The generator's validity windows are the judging windows: a short stall then moves completions across fewer boundaries.
      windowS,
      // Requests still out 1 s after the step ends are cut off (counted): a failed step's backlog is not waited for.
      drainS: 1,
      rule: ctx.rule,
      timeoutS: ctx.timeoutS,
      signal: controller.signal,
      onProgress: (p) => ctx.progress(`[capacity step ${index} ${offeredRps}/s] ${formatProgress(p)}`),
      onTick: (elapsedS, recorder) => {
        if (controller.signal.aborted) return;
        if (elapsedS === ctx.settleS) {
          before = snapshotServer(ctx.probes);
          ctx.resources?.start();
        }
        const last = recorder.countSeconds(elapsedS - 1, elapsedS);
        if (last.requests >= 10 && last.errors / last.requests > ctx.degradeErrorRate) {
          degraded = true;
          failures.push({ metric: 'http_req_failed', expression: `rate<=${ctx.degradeErrorRate} (early stop)`, observed: last.errors / last.requests, atS: elapsedS, reason: `target badly degraded: ${last.errors} of ${last.requests} responses failed in one second` });
          controller.abort();
          return;
        }
        if (elapsedS < ctx.settleS + windowS) return;
        const w = recorder.summarizeSeconds(elapsedS - windowS, elapsedS, { encode: needsHistogram });
        // A window with no samples for an endpoint is not judged here: a stalled target shows as a generator window behind schedule.
        for (const t of judgeSlice({ ...w, mix, durationS: windowS }, ctx.budget.window)) {
          if (!t.ok && !t.skipped && t.observed !== null) failures.push({ metric: t.metric, expression: t.expression, observed: t.observed, atS: elapsedS });
        }
        if (failures.length > 0) controller.abort();
      },
    });
    const measuredS = Math.max(0, r.durationS - ctx.settleS);
    const reachedMeasure = before !== undefined;
    const saturation = reachedMeasure && ctx.resources ? await ctx.resources.stop() : emptySaturation();
    let cacheHitRatio: number | null = null;
    if (before) {
      const after = await snapshotServer(ctx.probes);
      const xc = r.totals.xCache;
      cacheHitRatio = serverSide({ before: await before, after, requests: r.totals.requests, xCache: xc, inProcessCache: ctx.inProcessCache }).cacheHitRatio;
      for (const t of judgeSlice({ endpoints: r.endpoints, totals: r.totals, mix, durationS: r.durationS, cacheHitRatio }, ctx.budget.step)) {
        if (!t.ok && !t.skipped) failures.push({ metric: t.metric, expression: t.expression, observed: t.observed, atS: r.durationS, advisory: true });
      }
    }
    let generatorInvalid = 0;
    for (const w of r.openModel.windows) {
      if (w.valid || w.startS < ctx.settleS) continue;
      const generator = w.reasons.filter((x) => !BEHIND.test(x));
      if (generator.length > 0) generatorInvalid++;
      failures.push({ metric: generator.length > 0 ? 'generator' : 'achieved_rate', expression: generator.length > 0 ? 'valid window' : `achieved/offered>=${r.openModel.rule.minAchievedRatio}`, observed: w.achievedRatio, atS: w.startS + w.lengthS, reason: w.reasons.join('; ') });
    }
    // Binding failures first (in time order), then the advisory cache ones: failures[0] is what failed the step.
    failures.sort((a, b) => Number(a.advisory ?? false) - Number(b.advisory ?? false) || a.atS - b.atS);
    const slice = measuredS > 0 ? r.recorder.summarizeSeconds(ctx.settleS, Math.ceil(r.durationS)).totals : r.totals;
    const sliceS = measuredS > 0 ? measuredS : r.durationS;
    const achievedRps = slice.requests / Math.max(sliceS, 1e-9);
    const binding = failures.filter((x) => !x.advisory);
    const passed = binding.length === 0 && !degraded && reachedMeasure && measuredS >= ctx.measureS - 1e-6;
    if (!passed && ctx.cooldownS > 0) await new Promise((res) => setTimeout(res, ctx.cooldownS * 1000));
    const measuredWindows = r.openModel.windows.filter((w) => w.startS >= ctx.settleS);
    return {
      index,
      phase,
      trial,
      offeredRps,
      achievedRps: Math.round(achievedRps * 10) / 10,
      valid: generatorInvalid === 0,
      passed,
      stoppedEarly: controller.signal.aborted,
      degraded,
      measuredS: Math.round(measuredS * 100) / 100,
      latencyMs: { p50: slice.latencyMs.p50, p95: slice.latencyMs.p95, p99: slice.latencyMs.p99 },
      errorRate: slice.requests > 0 ? slice.errors / slice.requests : 0,
      concurrency: Math.round(achievedRps * (slice.latencyMs.mean / 1000) * 1000) / 1000,
      cacheHitRatio,
      failures,
      windows: measuredWindows.length,
      invalidWindows: measuredWindows.filter((w) => !w.valid).length,
      scheduleLagP99Ms: r.openModel.scheduleLagMs.p99,
      late: r.openModel.late,
      dropped: r.openModel.dropped,
      saturation,
    };
  };
}

export function emptySaturation(): CapacityStep['saturation'] {
  return {
    apiCpuPercent: null, postgresCpuPercent: null, redisCpuPercent: null, driverCpuPercent: null, machineCpuPercent: null, apiEventLoopLagP99Ms: null,
    poolWaiting: null, poolTotal: null, pgActiveBackends: null, pgWaitEvents: {}, redisOpsPerSecond: null,
  };
}
