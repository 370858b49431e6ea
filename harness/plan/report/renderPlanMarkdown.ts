/* plan.md: the claims table (claim, claimed, measured with its interval, verdict), for a PR or a review document. */
import { markdownTable, mdCell } from '../../report/markdownTable.ts';
import type { PlanClaimResult, PlanReport } from '../PlanReport.ts';
import { claimedText, fmtClaimValue, fmtFactor } from './formatClaimValue.ts';

export function measuredText(r: PlanClaimResult): string {
  const m = r.measured;
  if (!m) return '—';
  const after = `${fmtClaimValue(m.after, r.unit)} [${fmtClaimValue(m.afterLow, r.unit)}, ${fmtClaimValue(m.afterHigh, r.unit)}]`;
  if (m.before === null) return after;
  return `${fmtClaimValue(m.before, r.unit)} → ${after}; ${fmtFactor(m.factor)} [${fmtFactor(m.low)}, ${fmtFactor(m.high)}]`;
}

export function renderPlanMarkdown(p: PlanReport): string {
  const lines: string[] = [];
  lines.push(`# Plan versus measured: ${p.workload} (${p.seedFile})`, '');
  lines.push(`Run ${p.runId} on ${p.environment.machine.cpus} × ${p.environment.machine.cpuModel}, ${Math.round(p.environment.machine.memoryBytes / 2 ** 30)} GiB, Node ${p.environment.machine.node}; Postgres ${p.environment.postgres?.version ?? '?'} (${p.environment.postgres?.kind ?? '?'}), Redis ${p.environment.redis?.version ?? '?'} (${p.environment.redis?.kind ?? '?'}); load average at start ${p.environment.loadAverage.join(' ')}.`, '');
  lines.push(`Offered load: ${p.load.ratePerSecond} req/s to every step (${p.load.rateSource}); ${p.load.trials} trials × ${p.load.durationS} s per step, interleaved; ${p.load.warmupS} s warm-up per step excluded. Dataset: ${p.dataset.users} users, seed ${p.dataset.seed}.`, '');
  const c = p.counts;
  lines.push(`Verdicts: ${c['better than claimed']} better than claimed, ${c.confirmed} confirmed, ${c.partly} partly, ${c['not reproduced']} not reproduced, ${c['not measured']} not measured, ${c['not measurable here']} not measurable here.`, '');
  lines.push('## Claims', '');
  lines.push(markdownTable(
    ['Claim', 'Metric', 'Steps', 'Claimed', 'Measured (median [95% interval])', 'Verdict'],
    p.claims.map((r) => [
      mdCell(`“${r.quote}” (${r.section})`),
      mdCell(`${r.metric ?? '—'}${r.endpoint ? ` ${r.endpoint}` : ''}`),
      mdCell(r.beforeStep || r.afterStep ? `${r.beforeStep ?? '—'} → ${r.afterStep ?? '—'}` : '—'),
      mdCell(claimedText(r)),
      mdCell(measuredText(r)),
      mdCell(`**${r.verdict}**${r.reason ? `: ${r.reason}` : ''}`),
    ]),
  ));
  lines.push('', '## Steps', '');
  lines.push(markdownTable(
    ['Step', 'Variant', 'What it is', 'Pooler / replica', 'p50', 'p95', 'p99', 'Trials (achieved req/s)', 'Capacity (req/s, per search trial)'],
    p.steps.map((s) => [
      mdCell(s.id), mdCell(s.variant), mdCell(s.label), mdCell(s.ran ? `${s.ran.pooler} / ${s.ran.replica}` : '—'),
      fmtClaimValue(s.latencyMs?.p50, 'ms'), fmtClaimValue(s.latencyMs?.p95, 'ms'), fmtClaimValue(s.latencyMs?.p99, 'ms'),
      mdCell(s.trials.map((t) => t.achievedRps).join(', ')),
      mdCell(s.capacityRps ? s.capacityRps.join(', ') : '—'),
    ]),
  ));
  lines.push('', '## Method', '', p.environment.method, '');
  lines.push('How to read a verdict: *confirmed* means the interval contains or beats the claimed after-value or factor; *better than claimed* means every claimed figure is beaten by the whole interval; *partly* means a significant improvement in the claimed direction, smaller than claimed; *not reproduced* means no significant difference, or the opposite. With 3 trials an interval only spans their range.', '');
  for (const n of p.notes) lines.push(`- ${n}`);
  return `${lines.join('\n')}\n`;
}
