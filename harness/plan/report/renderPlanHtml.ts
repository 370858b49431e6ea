/*
 * plan.html: self-contained (no script, no external asset). Per claim, the before and after bars with their
 * trial dots and interval whisker, and the claimed figures as dashed marks; per step, its latency percentile
 * curve (all steps on one chart) and the EXPLAIN plans of its hottest statements. Server-rendered SVG.
 */
import { latencyDistribution, percentileGrid } from '../../report/latencyDistribution.ts';
import { escapeHtml as e } from '../../report/html/escapeHtml.ts';
import type { PlanClaimResult, PlanReport, PlanStepResult } from '../PlanReport.ts';
import { claimedText, fmtClaimValue } from './formatClaimValue.ts';
import { measuredText } from './renderPlanMarkdown.ts';

const COLORS = ['#d62728', '#ff7f0e', '#2ca02c', '#1f77b4', '#9467bd', '#8c564b'];
const VERDICT_COLORS: Record<string, string> = {
  'better than claimed': '#1a7f37', confirmed: '#2da44e', partly: '#bf8700', 'not reproduced': '#cf222e', 'not measured': '#6e7781', 'not measurable here': '#6e7781',
};

export function renderPlanHtml(p: PlanReport): string {
  const rows = p.claims.map((r) => `<tr><td><q>${e(r.quote)}</q><br><small>${e(r.section)} · ${e(r.metric ?? '—')}${r.endpoint ? ` ${e(r.endpoint)}` : ''}</small></td>` +
    `<td>${e(claimedText(r))}</td><td>${e(measuredText(r))}</td>` +
    `<td><span class="verdict" style="background:${VERDICT_COLORS[r.verdict]}">${e(r.verdict)}</span><br><small>${e(r.reason ?? '')}</small></td>` +
    `<td>${claimBarsSvg(r)}</td></tr>`).join('\n');
  const steps = p.steps.map((s, i) => `<section><h3><span class="swatch" style="background:${COLORS[i % COLORS.length]}"></span>${e(s.id)}: ${e(s.label)} <small>(variant ${e(s.variant)}${s.ran ? `; pooler ${e(s.ran.pooler)}, replica ${e(s.ran.replica)}` : ''})</small></h3>` +
    `<p>p50 ${e(fmtClaimValue(s.latencyMs?.p50, 'ms'))}, p95 ${e(fmtClaimValue(s.latencyMs?.p95, 'ms'))}, p99 ${e(fmtClaimValue(s.latencyMs?.p99, 'ms'))}; trials achieved ${e(s.trials.map((t) => t.achievedRps).join(', '))} req/s${s.capacityRps ? `; capacity within the budget ${e(s.capacityRps.join(', '))} req/s (search trials)` : ''}</p>` +
    s.explain.map((x) => `<details><summary>${e(x.shape.slice(0, 160))} <small>(${x.calls} calls, ${x.totalMs} ms total)</small></summary><pre>${e(x.plan ?? `not explained: ${x.error ?? ''}`)}</pre></details>`).join('') +
    `</section>`).join('\n');
  const c = p.counts;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Plan versus measured: ${e(p.workload)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px;max-width:1280px;color:#1f2328}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #d0d7de;padding:6px 8px;vertical-align:top;text-align:left}
.verdict{color:#fff;border-radius:4px;padding:1px 6px;white-space:nowrap}.swatch{display:inline-block;width:12px;height:12px;margin-right:6px}
pre{background:#f6f8fa;padding:8px;overflow:auto;font-size:12px}small{color:#57606a}
</style></head><body>
<h1>Plan versus measured: ${e(p.workload)} <small>(${e(p.seedFile)})</small></h1>
<p>Run ${e(p.runId)} · ${p.environment.machine.cpus} × ${e(p.environment.machine.cpuModel)}, Node ${e(p.environment.machine.node)} · Postgres ${e(p.environment.postgres?.version ?? '?')} (${e(p.environment.postgres?.kind ?? '?')}) · Redis ${e(p.environment.redis?.version ?? '?')} (${e(p.environment.redis?.kind ?? '?')}) · load average at start ${e(p.environment.loadAverage.join(' '))}</p>
<p>${p.load.ratePerSecond} req/s offered to every step (${e(p.load.rateSource)}); ${p.load.trials} trials × ${p.load.durationS} s per step, interleaved. Verdicts: ${c['better than claimed']} better than claimed, ${c.confirmed} confirmed, ${c.partly} partly, ${c['not reproduced']} not reproduced, ${c['not measured']} not measured, ${c['not measurable here']} not measurable here.</p>
<h2>Claims</h2>
<table><thead><tr><th>Claim</th><th>Claimed</th><th>Measured (median [95% interval])</th><th>Verdict</th><th>Before / after</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>Latency distribution per step</h2>
${latencyCurvesSvg(p.steps)}
<h2>Steps and their hottest statements</h2>
${steps}
<h2>Method</h2><p>${e(p.environment.method)}</p><ul>${p.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>
</body></html>
`;
}

/** Before and after bars (median), trial dots, the after interval, claimed values as dashed lines. */
export function claimBarsSvg(r: PlanClaimResult): string {
  if (!r.measured || !r.samples) return '';
  const W = 300;
  const H = 70;
  const L = 48;
  const rowsOf = [
    ...(r.samples.before && r.measured.before !== null ? [{ label: 'before', median: r.measured.before, values: r.samples.before, low: null as number | null, high: null as number | null, color: '#d62728', claimed: r.claimed.before }] : []),
    { label: 'after', median: r.measured.after, values: r.samples.after, low: r.measured.afterLow, high: r.measured.afterHigh, color: '#1f77b4', claimed: r.claimed.after },
  ];
  const all = rowsOf.flatMap((x) => [x.median, ...x.values, x.claimed ?? x.median]).filter((v) => Number.isFinite(v));
  const max = Math.max(...all, 1e-9);
  const positive = all.filter((v) => v > 0);
  const min = positive.length > 0 ? Math.min(...positive) : max;
  const log = max / min > 50;
  const lo = log ? min / 2 : 0;
  const x = (v: number) => L + (log ? Math.log(Math.max(v, lo) / lo) / Math.log((max * 1.1) / lo) : v / (max * 1.1)) * (W - L - 8);
  const parts = rowsOf.map((row, i) => {
    const y = 12 + i * 28;
    return `<text x="2" y="${y + 12}" font-size="11">${row.label}</text>` +
      `<rect class="bar" x="${L}" y="${y}" width="${Math.max(1, x(row.median) - L).toFixed(1)}" height="16" fill="${row.color}" fill-opacity="0.35"/>` +
      row.values.map((v) => `<circle cx="${x(v).toFixed(1)}" cy="${y + 8}" r="3" fill="${row.color}"/>`).join('') +
      (row.low !== null && row.high !== null ? `<line x1="${x(row.low).toFixed(1)}" x2="${x(row.high).toFixed(1)}" y1="${y + 8}" y2="${y + 8}" stroke="#000" stroke-width="1.5"/>` : '') +
      (row.claimed !== undefined ? `<line class="claimed" x1="${x(row.claimed).toFixed(1)}" x2="${x(row.claimed).toFixed(1)}" y1="${y - 3}" y2="${y + 19}" stroke="#000" stroke-dasharray="3,2"/>` : '');
  }).join('');
  const title = `${r.id}: ${rowsOf.map((row) => `${row.label} ${row.values.map((v) => fmtClaimValue(v, r.unit)).join(', ')}`).join('; ')}${log ? ' (log scale)' : ''}`;
  return `<svg class="claim-bars" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${e(title)}"><title>${e(title)}</title>${parts}</svg>`;
}

/** Every step's latency percentile curve on log-log axes (x: 1/(1-q), y: ms). */
export function latencyCurvesSvg(steps: readonly PlanStepResult[]): string {
  const W = 720;
  const H = 300;
  const L = 56;
  const B = 30;
  const grid = percentileGrid();
  const curves = steps.map((s, i) => ({ s, color: COLORS[i % COLORS.length]!, d: s.histogram ? latencyDistribution(s.histogram) : null }));
  const ys = curves.flatMap((c) => (c.d ? c.d.curveMs.filter((v): v is number => v !== null && v > 0) : []));
  if (ys.length === 0) return '<p>No latency samples.</p>';
  const yMin = Math.max(Math.min(...ys) / 1.5, 0.01);
  const yMax = Math.max(...ys) * 1.5;
  const xMax = grid.at(-1)!;
  const px = (gx: number) => L + (Math.log10(gx) / Math.log10(xMax)) * (W - L - 10);
  const py = (ms: number) => H - B - (Math.log10(ms / yMin) / Math.log10(yMax / yMin)) * (H - B - 10);
  const lines = curves.map((c) => {
    if (!c.d) return '';
    const pts = c.d.curveMs.map((ms, i) => (ms !== null && ms > 0 ? `${px(grid[i]!).toFixed(1)},${py(ms).toFixed(1)}` : null)).filter(Boolean);
    return `<polyline class="curve" fill="none" stroke="${c.color}" stroke-width="2" points="${pts.join(' ')}"><title>${e(c.s.id)}</title></polyline>`;
  }).join('');
  const xTicks = [[1, '0%'], [10, '90%'], [100, '99%'], [1000, '99.9%'], [10000, '99.99%']] as const;
  const yTicks: number[] = [];
  for (let v = 10 ** Math.floor(Math.log10(yMin)); v <= yMax; v *= 10) if (v >= yMin) yTicks.push(v);
  const axes = xTicks.filter(([gx]) => gx <= xMax).map(([gx, label]) => `<text x="${px(gx).toFixed(1)}" y="${H - 10}" font-size="11" text-anchor="middle">${label}</text>`).join('') +
    yTicks.map((v) => `<text x="${L - 6}" y="${py(v).toFixed(1)}" font-size="11" text-anchor="end">${v >= 1 ? v : v.toPrecision(1)} ms</text><line x1="${L}" x2="${W - 10}" y1="${py(v).toFixed(1)}" y2="${py(v).toFixed(1)}" stroke="#eaeef2"/>`).join('');
  const legend = curves.map((c, i) => `<text x="${L + 10 + i * 120}" y="16" font-size="12" fill="${c.color}">■ ${e(c.s.id)}</text>`).join('');
  return `<svg class="latency-curves" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="latency percentile curves per step">${axes}${lines}${legend}</svg>`;
}
