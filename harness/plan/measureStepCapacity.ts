/*
 * bench:plan --capacity: a step's sustainable rate within the workload's budget, by bench:capacity's own search
 * (exponential steps, bisection, confirmation trials) with short steps. The confirmation trials' highest
 * passing rates are the step's capacity samples, judged like every other claim's.
 */
import type { Scenario } from '../../scenarios/Scenario.ts';
import { capacityBudget, tightestP95Ms } from '../capacity/capacityBudget.ts';
import { capacityDefaults } from '../capacity/CapacityOptions.ts';
import { createStepRunner } from '../capacity/createStepRunner.ts';
import { searchCapacity } from '../capacity/searchCapacity.ts';
import type { KeySampler } from '../drive/autocannon/createResponseTracker.ts';
import { OPEN_VALIDITY_RULE } from '../drive/open/OpenWindowStats.ts';
import type { ThresholdSet } from '../judge/ThresholdSet.ts';
import type { ProbeTargets } from '../probe/snapshotServer.ts';

export interface StepCapacityInput {
  scenario: Scenario;
  baseUrl: string;
  sampler: KeySampler;
  thresholds: ThresholdSet;
  probes: ProbeTargets;
  inProcessCache: boolean;
  startRps: number;
  maxConnections: number;
  trials: number;
  seed: number;
  progress: (line: string) => void;
  log: (line: string) => void;
}

/** Short steps: a plan run searches every step, so each search must take about a minute, not ten. */
export const PLAN_CAPACITY_STEP = Object.freeze({ settleS: 2, measureS: 4, windowS: 2, refineSteps: 1, cooldownS: 2 });

export async function measureStepCapacity(i: StepCapacityInput): Promise<{ samples: number[]; notes: string[] }> {
  const budget = capacityBudget(i.thresholds);
  const p95 = tightestP95Ms(budget);
  const c = PLAN_CAPACITY_STEP;
  const runStep = createStepRunner({
    scenario: i.scenario, baseUrl: i.baseUrl, sampler: i.sampler, budget, settleS: c.settleS, measureS: c.measureS, windowS: c.windowS,
    arrivals: 'constant', maxConnections: i.maxConnections, cooldownS: c.cooldownS, degradeErrorRate: capacityDefaults.degradeErrorRate,
    rule: { ...OPEN_VALIDITY_RULE, maxScheduleLagP99Ms: Math.max(OPEN_VALIDITY_RULE.maxScheduleLagP99Ms, p95 === null ? 0 : 0.05 * p95), maxEventLoopLagP99Ms: Math.max(OPEN_VALIDITY_RULE.maxEventLoopLagP99Ms, p95 === null ? 0 : 0.1 * p95) },
    probes: i.probes, inProcessCache: i.inProcessCache, progress: i.progress,
  });
  const outcome = await searchCapacity(
    { startRps: i.startRps, maxRps: capacityDefaults.maxRps, factor: capacityDefaults.factor, tolerance: capacityDefaults.tolerance, trials: i.trials, refineSteps: c.refineSteps, downSteps: 2, seed: i.seed },
    runStep,
    i.log,
  );
  // A confirmation trial that passed at none of its few rates says "below those", not "0": it is left out of the
  // samples and named in the notes (searchCapacity's own note lists its rates).
  const samples = outcome.trials.map((t) => t.highestPassingRps).filter((x): x is number => x !== null);
  return { samples, notes: [...outcome.notes.map((n) => `capacity: ${n}`), ...budget.ignored.map((x) => `capacity: not judged by the search: ${x}`)] };
}
