/* capacity.md: the headline, every step, the trials, what saturated, the USL fit, the method. */
import type { CapacityReport } from '../../model/CapacityReport.ts';
import { markdownTable, mdCell, mdText } from '../../report/markdownTable.ts';
import { capacityHeadline } from './capacityHeadline.ts';

const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x)}%`);

export function renderCapacityMarkdown(r: CapacityReport): string {
  const out: string[] = [`# Capacity: ${r.workload} (${r.variant})`, '', `Verdict: **${r.verdict}**. Run ${r.runId}, ${r.startedAt}.`, ''];
  for (const l of capacityHeadline(r)) out.push(`- ${mdText(l)}`);
  if (r.saturation) out.push('', `Evidence: ${mdText(r.saturation.evidence)}`);
  out.push('', '## Steps', '');
  out.push(
    markdownTable(
      ['#', 'phase', 'offered req/s', 'achieved req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'in flight', 'valid', 'result', 'first failure', 'API CPU', 'PG CPU', 'Redis CPU', 'machine'],
      r.steps.map((s) => [
        String(s.index),
        s.phase + (s.trial ? ` ${s.trial}` : ''),
        String(s.offeredRps),
        String(s.achievedRps),
        String(s.latencyMs.p50),
        String(s.latencyMs.p95),
        String(s.latencyMs.p99),
        `${Math.round(s.errorRate * 10000) / 100}%`,
        String(s.concurrency),
        s.valid ? 'yes' : 'no',
        s.passed ? 'pass' : s.degraded ? 'FAIL (degraded)' : 'FAIL',
        s.failures[0] ? `${s.failures[0].metric} ${s.failures[0].expression}${s.failures[0].observed !== null ? ` = ${Math.round(s.failures[0].observed * 1000) / 1000}` : ''}${s.failures[0].advisory ? ' (advisory)' : ''}` : '',
        pct(s.saturation.apiCpuPercent),
        pct(s.saturation.postgresCpuPercent),
        pct(s.saturation.redisCpuPercent),
        pct(s.saturation.machineCpuPercent),
      ].map(mdCell)),
      ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'left', 'left', 'right', 'right', 'right', 'right'],
    ),
  );
  if (r.usl) {
    out.push('', '## USL fit (throughput against concurrency by Little\'s law)', '');
    out.push(markdownTable(['in flight', 'measured req/s', 'USL req/s', 'residual'], r.usl.points.map((p) => [p.concurrency.toFixed(2), p.rps.toFixed(1), p.predictedRps.toFixed(1), p.residual.toFixed(1)]), ['right', 'right', 'right', 'right']));
  }
  out.push('', '## Method', '');
  const s = r.search;
  out.push(
    `- ${mdText(r.environment.method)}`,
    `- Open-model driver, ${s.arrivals} arrivals, up to ${s.maxConnections} connections; each step settles ${s.settleS} s, then is measured ${s.measureS} s; thresholds judged per ${s.windowS} s sliding window; exponential x${s.factor} from ${s.startRps} req/s (max ${s.maxRps}), bisection to ${s.tolerance * 100}%, ${s.trials} confirmation trials.`,
    `- Budget: ${mdText(Object.entries(s.budget).map(([k, v]) => `${k} ${v.join(', ')}`).join('; '))}.`,
    `- Stop: ${mdText(s.stopReason)}.`,
    `- Machine: ${r.environment.machine.cpus} x ${mdText(r.environment.machine.cpuModel)}, load average at start ${r.environment.loadAverage.map((x) => x.toFixed(2)).join(' ')}${r.environment.target ? `; target ${mdText(r.environment.target)}` : '; the generator shares this machine with the API, Postgres and Redis'}.`,
  );
  if (r.notes.length) out.push('', '## Notes', '', ...r.notes.map((x) => `- ${mdText(x)}`));
  return out.join('\n') + '\n';
}
