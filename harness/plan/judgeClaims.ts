/*
 * Every claim of the plan -> its result: the per-trial values of its metric on the before and after steps,
 * judged by judgeClaim. A claim the plan run could not measure says why (not measurable here: the claims file's
 * reason; not measured: this run had no value, e.g. an endpoint outside the mix or a failed probe).
 */
import type { PlanClaim, PlanClaims } from './PlanClaims.ts';
import type { ClaimVerdict, PlanClaimResult, StepTrial } from './PlanReport.ts';
import { judgeClaim } from './judgeClaim.ts';

export function judgeClaims(claims: PlanClaims, trialsByStep: ReadonlyMap<string, readonly StepTrial[]>, o: { seed: number; capacityByStep?: ReadonlyMap<string, readonly number[]> | undefined; capacityRan?: boolean | undefined }): PlanClaimResult[] {
  return claims.claims.map((c) => {
    const base: PlanClaimResult = {
      id: c.id, quote: c.quote, seedFile: claims.seedFile, section: c.section, metric: metricName(c), endpoint: endpointOf(c), unit: c.unit, better: c.better,
      claimed: c.claimed, beforeStep: c.before, afterStep: c.after, measured: null, verdict: 'not measurable here',
    };
    if (c.notMeasurable !== undefined || !c.metric) return { ...base, reason: c.notMeasurable ?? 'the claims file names no metric' };
    if (!c.after) return { ...base, verdict: 'not measured', reason: 'the claims file names no after step' };
    const valuesOf = (step: string | undefined): number[] | undefined => {
      if (!step) return undefined;
      if (c.metric?.kind === 'capacity') {
        const xs = o.capacityByStep?.get(step);
        return xs && xs.length > 0 ? [...xs] : undefined;
      }
      const trials = trialsByStep.get(step);
      if (!trials) return undefined;
      const xs = trials.map((t) => valueOf(c, t)).filter((x): x is number => x !== null && Number.isFinite(x));
      return xs.length > 0 ? xs : undefined;
    };
    const after = valuesOf(c.after);
    const before = valuesOf(c.before);
    if (!after) return { ...base, verdict: 'not measured', reason: missingReason(c, c.after, trialsByStep, o.capacityRan) };
    if (c.before && !before) return { ...base, verdict: 'not measured', reason: missingReason(c, c.before, trialsByStep, o.capacityRan) };
    const j = judgeClaim(c, before, after, { seed: o.seed });
    return { ...base, measured: j.measured, samples: { before, after }, verdict: j.verdict, reason: j.reason };
  });
}

export function countVerdicts(results: readonly PlanClaimResult[]): Record<ClaimVerdict, number> {
  const counts: Record<ClaimVerdict, number> = { confirmed: 0, partly: 0, 'not reproduced': 0, 'better than claimed': 0, 'not measurable here': 0, 'not measured': 0 };
  for (const r of results) counts[r.verdict]++;
  return counts;
}

function valueOf(c: PlanClaim, t: StepTrial): number | null {
  const m = c.metric!;
  switch (m.kind) {
    case 'latency':
      return t.latencyMs[m.endpoint ?? '*']?.[m.stat] ?? null;
    case 'queriesPerRequest':
      return t.queriesPerRequest[m.endpoint] ?? null;
    case 'cacheHitRatio':
      // A step with no cache serves every read from Postgres: 0% hits, not "unknown".
      return t.cacheHitRatio ?? 0;
    case 'errorRate':
      return t.errorRate;
    case 'probe':
      return t.probes[m.name] ?? null;
    case 'capacity':
      return null;
  }
}

function missingReason(c: PlanClaim, step: string, trialsByStep: ReadonlyMap<string, readonly StepTrial[]>, capacityRan = false): string {
  const m = c.metric!;
  if (m.kind === 'capacity') return capacityRan ? `no capacity figure for step ${step}` : 'capacity is measured only with --capacity (a capacity search per step)';
  if (!trialsByStep.has(step)) return `step ${step} did not run`;
  if ((m.kind === 'latency' || m.kind === 'queriesPerRequest') && m.endpoint) return `no ${m.kind === 'latency' ? 'latency' : 'per-route statement count'} for endpoint ${m.endpoint} on step ${step} (not in the mix, or the API exposes no per-route counts)`;
  if (m.kind === 'cacheHitRatio') return `no cache hit ratio on step ${step} (it has no cache)`;
  if (m.kind === 'probe') {
    const why = trialsByStep.get(step)?.map((t) => t.probeErrors?.[m.name]).find((x) => x !== undefined);
    return `probe ${m.name} gave no value on step ${step}${why ? `: ${why}` : ' (see the run log)'}`;
  }
  return `no value on step ${step}`;
}

function metricName(c: PlanClaim): string | null {
  if (!c.metric) return null;
  if (c.metric.kind === 'probe') return `probe:${c.metric.name}`;
  if (c.metric.kind === 'latency') return `latency ${c.metric.stat}`;
  return c.metric.kind;
}

function endpointOf(c: PlanClaim): string | undefined {
  return c.metric && (c.metric.kind === 'latency' || c.metric.kind === 'queriesPerRequest') ? c.metric.endpoint : undefined;
}
