/*
 * A finished search -> capacity.json (pure): users from the workload's plan load, headroom against the plan's
 * target, the USL fit over every measured step, and what saturated first at the knee.
 */
import type { CapacityReport } from '../model/CapacityReport.ts';
import { CAPACITY_SCHEMA_VERSION } from '../model/CapacityReport.ts';
import type { PlanLoad } from '../workload/Workload.ts';
import { fitUsl } from './fitUsl.ts';
import { nameSaturation } from './nameSaturation.ts';
import type { SearchOutcome } from './searchCapacity.ts';

export interface ReportInputs {
  outcome: SearchOutcome;
  runId: string;
  gitCommit: string | null;
  startedAt: string;
  workload: string;
  variant: string;
  planLoad: PlanLoad | undefined;
  search: Omit<CapacityReport['search'], 'stopReason'>;
  environment: CapacityReport['environment'];
  cores: number;
  notes: string[];
}

export function buildCapacityReport(i: ReportInputs): CapacityReport {
  const o = i.outcome;
  const m = o.maxSustainableRps;
  const planTargetRps = i.planLoad ? i.planLoad.perUserRps * i.planLoad.planUsers : null;
  const users =
    i.planLoad && m
      ? {
          value: m.value / i.planLoad.perUserRps,
          perUserRps: i.planLoad.perUserRps,
          source: i.planLoad.source,
          planUsers: i.planLoad.planUsers,
          machinesForPlan: planTargetRps !== null && m.value > 0 ? planTargetRps / m.value : null,
        }
      : null;
  const measured = o.steps.filter((s) => s.measuredS > 0 && s.achievedRps > 0);
  const usl = fitUsl(measured.map((s) => ({ concurrency: s.concurrency, rps: s.achievedRps })));
  // The knee: the highest passing step and the lowest failing step above it (search steps first, then any).
  const value = m?.value ?? 0;
  const passes = o.steps.filter((s) => s.passed).sort((a, b) => b.offeredRps - a.offeredRps);
  // The knee's failing side is a search step the target failed (not a confirmation retry the generator spoiled).
  const fails = o.steps.filter((s) => !s.passed && s.valid && s.phase !== 'confirm' && s.offeredRps >= value && s.measuredS > 0).sort((a, b) => a.offeredRps - b.offeredRps);
  const firstFail = fails[0] ?? o.steps.filter((s) => !s.passed).sort((a, b) => a.offeredRps - b.offeredRps)[0];
  const notes = [...i.notes, ...o.notes];
  if (!i.planLoad) notes.push(`workload ${i.workload} declares no planLoad (per-user rate): no users, no plan target, exit 0 unless nothing passed`);
  // Cache thresholds are advisory per step; say whether they held at the boundary (the confirmation trials).
  const confirm = o.steps.filter((s) => s.phase === 'confirm' && s.passed);
  const cacheMisses = confirm.flatMap((s) => s.failures.filter((x) => x.advisory));
  if (cacheMisses.length > 0) {
    notes.push(`cache budget not met at the boundary: ${cacheMisses.map((x) => `${x.metric} ${x.expression} observed ${x.observed === null ? 'none' : Math.round(x.observed * 1000) / 1000}`).join('; ')} (advisory: the hit ratio rises with the rate, so it does not bind the search)`);
  } else if (confirm.length > 0 && o.steps.some((s) => s.failures.some((x) => x.advisory))) {
    notes.push('the cache budget was missed at some lower steps but held at the boundary (the hit ratio rises with the rate)');
  }
  const short = planTargetRps !== null && (m === null || m.value < planTargetRps);
  return {
    schemaVersion: CAPACITY_SCHEMA_VERSION,
    runId: i.runId,
    gitCommit: i.gitCommit,
    startedAt: i.startedAt,
    endedAt: new Date().toISOString(),
    workload: i.workload,
    variant: i.variant,
    verdict: o.allFailed || short ? 'fail' : 'pass',
    maxSustainableRps: m,
    bindingThreshold: o.bindingThreshold,
    users,
    planTargetRps,
    headroom: planTargetRps !== null && m ? m.value / planTargetRps - 1 : null,
    saturation: withTargetCaveat(nameSaturation(passes[0], firstFail, i.cores), i.environment.target),
    usl,
    trials: o.trials,
    steps: o.steps,
    search: { ...i.search, stopReason: o.stopReason },
    environment: i.environment,
    notes,
  };
}

/** With --target only this (the generator's) machine is sampled: say so next to whatever is named. */
function withTargetCaveat(s: CapacityReport['saturation'], target: string | undefined): CapacityReport['saturation'] {
  if (!s || !target) return s;
  return { resource: `${s.resource} [--target: only the generator's machine was sampled; the target's API, Postgres and Redis were not probed]`, evidence: s.evidence };
}

