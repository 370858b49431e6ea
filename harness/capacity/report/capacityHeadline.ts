/* The sentences every capacity report leads with (markdown, HTML, CLI), so they say the same thing. */
import type { CapacityReport } from '../../model/CapacityReport.ts';

const n = (x: number) => Math.round(x).toLocaleString('en-US');

export function capacityHeadline(r: CapacityReport): string[] {
  const lines: string[] = [];
  const m = r.maxSustainableRps;
  if (!m) {
    lines.push(`No capacity within the budget: ${r.search.stopReason}.`);
  } else {
    lines.push(`Max sustainable rate: ${n(m.value)} req/s (95% bootstrap interval ${n(m.low)}-${n(m.high)} over ${r.trials.length} confirmation trials: ${r.trials.map((t) => (t.highestPassingRps === null ? 'none' : n(t.highestPassingRps))).join(', ')} req/s).`);
  }
  const b = r.bindingThreshold;
  if (b) lines.push(`Bound by: ${b.metric} ${b.expression}${b.observed !== null ? ` (observed ${Math.round(b.observed * 1000) / 1000})` : ''}${b.reason ? `: ${b.reason}` : ''}.`);
  if (r.users && m) {
    lines.push(
      `This machine carries about ${n(r.users.value)} users of the plan's profile (${r.users.perUserRps.toPrecision(3)} req/s per user: ${r.users.source}).` +
        (r.users.machinesForPlan !== null ? ` The plan's target, ${n(r.users.planUsers)} users = ${n(r.planTargetRps ?? 0)} req/s, needs about ${Math.round(r.users.machinesForPlan * 100) / 100}x this machine.` : '') +
        ' This is a linear extrapolation from one machine: shared state (Postgres, Redis, locks) rarely scales linearly.',
    );
  }
  if (r.headroom !== null) lines.push(`Headroom against the plan's target load: ${r.headroom >= 0 ? '+' : ''}${Math.round(r.headroom * 100)}%.`);
  if (r.saturation) lines.push(`Saturated first: ${r.saturation.resource}.`);
  if (r.usl) {
    const u = r.usl;
    lines.push(`USL fit: lambda ${u.lambda.toFixed(1)} req/s per request in flight, sigma ${u.sigma.toFixed(4)}, kappa ${u.kappa.toExponential(2)}, R^2 ${u.rSquared.toFixed(3)}; ${u.peakRps !== null ? `predicted peak ${n(u.peakRps)} req/s at ${Math.round(u.peakConcurrency! * 10) / 10} in flight` : (u.note ?? 'no peak predicted')}.`);
  }
  return lines;
}
