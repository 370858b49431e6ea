/*
 * capacity.html: one self-contained page (inline CSS, server-rendered SVG, no script, an offline CSP): the
 * headline, then four charts: latency percentiles against offered load (the hockey stick), achieved against
 * offered, the saturation signals per step, and the USL curve over the measured points; then every step.
 */
import type { CapacityReport } from '../../model/CapacityReport.ts';
import { escapeHtml, OFFLINE_CSP } from '../../report/html/escapeHtml.ts';
import { htmlTable } from '../../report/html/htmlTable.ts';
import { uslRps } from '../fitUsl.ts';
import { capacityHeadline } from './capacityHeadline.ts';
import { svgChart } from './svgChart.ts';

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1d2330;max-width:1320px}h1{font-size:22px}h2{font-size:17px;margin-top:28px}
.verdict-pass{color:#17703a}.verdict-fail{color:#b3261e}ul.headline li{margin:4px 0}.charts{display:flex;flex-wrap:wrap;gap:18px}
figure{margin:0}figcaption{font-weight:600;margin-bottom:4px}svg.chart{background:#fbfbfd;border:1px solid #e3e5ea}
.grid{stroke:#e6e8ee;stroke-width:1}.axis{stroke:#6b7280;stroke-width:1}.budget{stroke:#b3261e;stroke-dasharray:6 4;stroke-width:1.5}
.tick,.legend{font-size:11px;fill:#4b5563}.label{font-size:12px;fill:#1d2330}table{border-collapse:collapse;font-size:12px}
td,th{border:1px solid #e3e5ea;padding:3px 6px;text-align:right}td:nth-child(2),td:nth-child(12){text-align:left}.evidence{font-size:12px;color:#374151}`;

const COLORS = ['#2563eb', '#d97706', '#b3261e', '#059669', '#7c3aed', '#6b7280'];

/** The p95 bounds of the window budget, for a dashed line on the latency chart (the tightest one). */
function p95Budget(r: CapacityReport): number | null {
  const bounds = Object.entries(r.search.budget)
    .filter(([k]) => k.startsWith('http_req_duration'))
    .flatMap(([, v]) => v.map((e) => /^p\(95\)\s*<=?\s*([\d.]+)/.exec(e)?.[1]).filter((x): x is string => !!x).map(Number));
  return bounds.length ? Math.min(...bounds) : null;
}

export function renderCapacityHtml(r: CapacityReport): string {
  const steps = r.steps.filter((s) => s.measuredS > 0);
  const budget = p95Budget(r);
  const latency = svgChart({
    id: 'chart-latency',
    title: 'Latency against offered load (the hockey stick)',
    xLabel: 'offered req/s',
    yLabel: 'latency ms',
    series: [
      { name: 'p50', color: COLORS[0]!, kind: 'line', points: steps.map((s) => [s.offeredRps, s.latencyMs.p50]) },
      { name: 'p95', color: COLORS[1]!, kind: 'line', points: steps.map((s) => [s.offeredRps, s.latencyMs.p95]) },
      { name: 'p99', color: COLORS[2]!, kind: 'line', points: steps.map((s) => [s.offeredRps, s.latencyMs.p99]) },
    ],
    hLines: budget !== null ? [{ y: budget, label: `p95 budget ${budget} ms` }] : [],
  });
  const maxOffered = Math.max(1, ...steps.map((s) => s.offeredRps));
  const achieved = svgChart({
    id: 'chart-achieved',
    title: 'Achieved against offered load',
    xLabel: 'offered req/s',
    yLabel: 'achieved req/s',
    series: [
      { name: 'achieved', color: COLORS[0]!, kind: 'line', points: steps.map((s) => [s.offeredRps, s.achievedRps]) },
      { name: 'offered (ideal)', color: COLORS[5]!, kind: 'line', points: [[0, 0], [maxOffered, maxOffered]] },
      { name: 'failed steps', color: COLORS[2]!, kind: 'dots', points: steps.filter((s) => !s.passed).map((s) => [s.offeredRps, s.achievedRps]) },
    ],
  });
  const sat = (name: string, color: string, get: (s: (typeof steps)[number]) => number | null) => ({
    name,
    color,
    kind: 'line' as const,
    points: steps.filter((s) => get(s) !== null).map((s): [number, number] => [s.offeredRps, get(s)!]),
  });
  const saturation = svgChart({
    id: 'chart-saturation',
    title: 'Saturation signals per step (CPU, percent of one core; machine: of all cores)',
    xLabel: 'offered req/s',
    yLabel: 'percent',
    series: [
      sat('API CPU', COLORS[0]!, (s) => s.saturation.apiCpuPercent),
      sat('Postgres CPU', COLORS[1]!, (s) => s.saturation.postgresCpuPercent),
      sat('Redis CPU', COLORS[2]!, (s) => s.saturation.redisCpuPercent),
      sat('machine', COLORS[3]!, (s) => s.saturation.machineCpuPercent),
      sat('driver CPU', COLORS[4]!, (s) => s.saturation.driverCpuPercent),
    ].filter((x) => x.points.length > 0),
  });
  const u = r.usl;
  const nMax = Math.max(1, ...steps.map((s) => s.concurrency), u?.peakConcurrency ?? 0);
  const curve: Array<[number, number]> = u ? Array.from({ length: 60 }, (_, i): [number, number] => [((i + 1) / 60) * nMax * 1.1, uslRps(u, ((i + 1) / 60) * nMax * 1.1)]) : [];
  const usl = svgChart({
    id: 'chart-usl',
    title: u ? `USL fit: sigma ${u.sigma.toFixed(4)}, kappa ${u.kappa.toExponential(2)}, R^2 ${u.rSquared.toFixed(3)}` : 'USL fit: not enough points',
    xLabel: 'requests in flight (Little\'s law)',
    yLabel: 'achieved req/s',
    series: [
      { name: 'measured', color: COLORS[0]!, kind: 'dots', points: steps.map((s) => [s.concurrency, s.achievedRps]) },
      ...(u ? [{ name: 'USL', color: COLORS[1]!, kind: 'line' as const, points: curve }] : []),
    ],
  });
  const rows = r.steps.map((s) => [
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
    s.failures[0] ? `${s.failures[0].metric} ${s.failures[0].expression}${s.failures[0].reason ? `: ${s.failures[0].reason}` : ''}${s.failures[0].advisory ? ' (advisory)' : ''}` : '',
  ]);
  const head = capacityHeadline(r).map((l) => `<li>${escapeHtml(l)}</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${OFFLINE_CSP}">
<title>capacity: ${escapeHtml(r.workload)} (${escapeHtml(r.variant)})</title><style>${CSS}</style></head>
<body data-steps="${r.steps.length}">
<h1>Capacity: ${escapeHtml(r.workload)} (${escapeHtml(r.variant)}) <span class="verdict-${r.verdict}">${r.verdict}</span></h1>
<ul class="headline">${head}</ul>
${r.saturation ? `<p class="evidence">Evidence: ${escapeHtml(r.saturation.evidence)}</p>` : ''}
<div class="charts">${latency}${achieved}${saturation}${usl}</div>
<h2>Steps</h2>
${htmlTable('steps', ['#', 'phase', 'offered req/s', 'achieved req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'in flight', 'valid', 'result', 'first failure'], rows)}
<h2>Method</h2><p>${escapeHtml(r.environment.method)}</p>
<p>${escapeHtml(`Stop: ${r.search.stopReason}. Load average at start ${r.environment.loadAverage.map((x) => x.toFixed(2)).join(' ')}.`)}</p>
${r.notes.length ? `<h2>Notes</h2><ul>${r.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : ''}
</body></html>
`;
}
