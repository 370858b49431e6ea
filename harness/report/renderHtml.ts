/*
 * report.html: ONE self-contained file that works with no network at all (uPlot's JS and CSS inlined, a CSP
 * that forbids every fetch, the chart data embedded as JSON). Tables are rendered here, escaped; the inline
 * client script (html/reportClient.js) draws latency and throughput over time, the percentile curve and the
 * latency histogram from the embedded data.
 */
import type { RunSummary } from '../model/RunSummary.ts';
import { ackedWritesLine, faultCells, FAULT_HEADERS } from './faultRows.ts';
import { ENDPOINT_HEADERS, endpointRows } from './endpointRows.ts';
import { fmtCount, fmtMs, fmtObserved, fmtRate, fmtRatio } from './formatValue.ts';
import { escapeHtml as e, jsonForScript, OFFLINE_CSP } from './html/escapeHtml.ts';
import { inlineAssets } from './html/inlineAssets.ts';
import { reportChartData } from './html/reportChartData.ts';
import { environmentFacts, serverFacts, validityFacts, verdictDetail } from './reportFacts.ts';
import { factList, htmlTable } from './html/htmlTable.ts';
import { SPECTRUM_PERCENTILES } from './latencyDistribution.ts';
import { scenarioLabel } from './scenarioLabel.ts';

function thresholdsSection(s: RunSummary): string {
  if (s.thresholds.length === 0) return '<p>No thresholds were set.</p>';
  return htmlTable(
    'thresholds-table',
    ['', 'metric', 'expression', 'observed', 'note'],
    s.thresholds.map((t) => [t.skipped ? 'skipped' : t.ok ? '✓' : '✗', t.metric, t.expression, fmtObserved(t.observed), t.note ?? '']),
    { align: ['left', 'left', 'left', 'right', 'left'], rowClass: (i) => (s.thresholds[i]!.ok ? 'ok' : 'crossed') },
  );
}

function faultsSection(s: RunSummary): string {
  const ack = ackedWritesLine(s);
  if (!s.faults?.length && !ack) return '';
  const table = s.faults?.length
    ? `<p class="hint">Seconds from each fault's action; on the charts above each fault is shaded from its action to its recovery. ${s.faults.map((f) => `${e(f.spec)}: ${e(f.method)}.`).join(' ')}</p>${htmlTable('faults-table', FAULT_HEADERS, s.faults.map(faultCells))}`
    : '';
  return `<section id="faults"><h2>Faults and acknowledged writes</h2>${table}${ack ? `<p id="acked-writes">${e(ack)}</p>` : ''}</section>`;
}

export async function renderHtml(s: RunSummary): Promise<string> {
  const assets = await inlineAssets();
  const data = reportChartData(s);
  const verdict = s.verdict === 'pass' ? 'PASS' : 'FAIL';
  const warnings = validityFacts(s).filter((f) => f.warn);
  const spectrumRows = data.entities.map((en) => [en.name, fmtCount(en.count), ...en.spectrum.map((p) => fmtMs(p.ms)), fmtMs(en.maxMs)]);
  const w = s.warmup;
  const rows = endpointRows(s);
  const trials =
    s.trials.length > 1
      ? `<section id="trials"><h2>Trials (${s.trials.length}; each is one sample for comparisons)</h2>${htmlTable(
          'trials-table',
          ['trial', 'requests', 'errors', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'cache hit'],
          s.trials.map((t, i) => [String(i + 1), fmtCount(t.totals.requests), fmtCount(t.totals.errors), fmtRate(t.totals.throughputRps), fmtMs(t.totals.p50), fmtMs(t.totals.p95), fmtMs(t.totals.p99), fmtRatio(t.cacheHitRatio)]),
        )}</section>`
      : '';

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(OFFLINE_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`scaleproof ${scenarioLabel(s)} ${s.runId}: ${verdict}`)}</title>
<style>${assets.uplotCss}</style>
<style>${assets.css}</style>
</head>
<body>
<main>
<header class="verdict ${s.verdict}">
<h1>scaleproof: ${e(scenarioLabel(s))} run <code>${e(s.runId)}</code></h1>
<p id="verdict"><strong>${verdict}</strong>: ${e(verdictDetail(s))}</p>
</header>
${warnings.length ? `<div class="warnings">${warnings.map((f) => `<p>⚠ ${e(f.label)}: ${e(f.value)}</p>`).join('')}</div>` : ''}
<section id="thresholds"><h2>Thresholds</h2>${thresholdsSection(s)}</section>
<section id="endpoints"><h2>Endpoints (measured phase, ${s.scenario.durationS} s)</h2>${htmlTable('endpoints-table', ENDPOINT_HEADERS, rows, { rowClass: (i) => (i === rows.length - 1 ? 'total' : '') })}</section>
<section id="over-time"><h2>Over time</h2>
<label class="picker">Show <select id="entity-select">${data.entities.map((en) => `<option value="${e(en.name)}">${e(en.name)}</option>`).join('')}</select></label>
<div class="chart" id="chart-latency"></div>
<div class="chart" id="chart-throughput"></div>
</section>
<section id="distribution"><h2>Latency distribution</h2>
<p class="hint">Percentile curve as HdrHistogram plots it: the x axis is 1/(1−percentile), so 90%, 99%, 99.9% are evenly spaced.</p>
<div class="chart" id="chart-percentiles"></div>
<div class="chart" id="chart-buckets"></div>
${htmlTable('spectrum-table', ['series', 'requests', ...SPECTRUM_PERCENTILES.map((p) => `p${p} ms`), 'max ms'], spectrumRows)}
</section>
${faultsSection(s)}
<section id="server"><h2>Server side</h2>${factList(serverFacts(s))}${
    s.server.topStatements?.length
      ? htmlTable('statements-table', ['calls', 'mean ms', 'total ms', 'statement'], s.server.topStatements.map((q) => [fmtCount(q.calls), fmtMs(q.meanMs), fmtMs(q.totalMs), q.query]), { align: ['right', 'right', 'right', 'left'] })
      : ''
  }</section>
<section id="validity"><h2>Validity</h2>${factList(validityFacts(s))}</section>
<section id="warmup"><h2>Warm-up (kept apart, not in the numbers above)</h2>${htmlTable('warmup-table', ['requests', 'errors', 'duration s', 'p50 ms', 'p95 ms', 'p99 ms'], [[fmtCount(w.requests), fmtCount(w.errors), String(w.durationS), fmtMs(w.latencyMs.p50), fmtMs(w.latencyMs.p95), fmtMs(w.latencyMs.p99)]], { align: ['right'] })}</section>
${trials}
<section id="environment"><h2>Environment</h2>${factList(environmentFacts(s))}</section>
</main>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${assets.uplotJs}</script>
<script>${assets.clientJs}</script>
</body>
</html>
`;
}
