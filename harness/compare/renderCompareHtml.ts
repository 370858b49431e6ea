/*
 * compare.html: the comparison as ONE self-contained page (no script, no network: a CSP forbids fetches):
 * headline, gate findings, the delta table, and dot plots of every trial for p95 and throughput.
 */
import { readFile } from 'node:fs/promises';
import { escapeHtml as e, assertInlineSafe, OFFLINE_CSP } from '../report/html/escapeHtml.ts';
import { htmlTable } from '../report/html/htmlTable.ts';
import type { ComparisonResult } from './ComparisonResult.ts';
import { COMPARISON_HEADERS, comparisonCells, comparisonHeadline, RULE_TEXT } from './comparisonRows.ts';
import type { GateResult } from './regressionGate.ts';
import { trialStripSvg } from './trialStripSvg.ts';

export async function renderCompareHtml(r: ComparisonResult, gate?: GateResult, maxRegression?: number): Promise<string> {
  const css = assertInlineSafe(await readFile(new URL('../report/html/report.css', import.meta.url), 'utf8'), 'style', 'report.css');
  const h = comparisonHeadline(r, gate, maxRegression);
  const run = (label: string, x: ComparisonResult['a']) =>
    `<dt>${label}</dt><dd><code>${e(x.runId)}</code> ${e(x.scenario)}, ${x.trials} trial(s), git ${e(x.gitCommit ?? 'unknown')}, started ${e(x.startedAt)}, thresholds ${e(x.verdict)}</dd>`;
  const findings = gate ? [...gate.reasons.map((x) => `<li class="warn">✗ ${e(x)}</li>`), ...gate.notes.map((x) => `<li>${e(x)}</li>`)] : [];
  const strips = r.metrics
    .filter((m) => (m.metric === 'p95' || m.metric === 'throughputRps') && m.a.n + m.b.n > 0)
    .map((m) => `<figure><figcaption>${e(`${m.entity} ${m.label}`)}: ${e(m.verdict)}</figcaption>${trialStripSvg(m)}</figure>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(OFFLINE_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`scaleproof comparison ${r.b.runId} vs ${r.a.runId}`)}</title>
<style>${css}
figure { display: inline-block; margin: 6px 12px 6px 0; } figcaption { font-size: 12px; color: #4a5263; }</style>
</head>
<body>
<main>
<header class="verdict ${h.kind}"><h1>scaleproof comparison: B vs A</h1><p id="headline">${e(h.text)}</p></header>
${r.warnings.length ? `<div class="warnings">${r.warnings.map((w) => `<p>⚠ ${e(w)}</p>`).join('')}</div>` : ''}
<section id="runs"><h2>Runs</h2><dl class="facts">${run('A', r.a)}${run('B', r.b)}</dl></section>
${findings.length ? `<section id="gate"><h2>Regression gate</h2><ul>${findings.join('')}</ul></section>` : ''}
<section id="changes"><h2>Changes per endpoint (B vs A)</h2>${htmlTable('comparison-table', COMPARISON_HEADERS, r.metrics.map(comparisonCells), {
    align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    rowClass: (i) => (r.metrics[i]!.verdict === 'regressed' ? 'regressed' : r.metrics[i]!.verdict === 'improved' ? 'improved' : ''),
  })}</section>
<section id="trials"><h2>Trials (p95 and throughput; dots are trials, bars are medians)</h2>${strips}</section>
<section id="method"><h2>How to read this</h2><p>${e(RULE_TEXT)}</p><p>Bootstrap: ${r.options.resamples} resamples, seed ${r.options.seed}, ${Math.round(r.options.confidence * 100)}% interval; Mann-Whitney alpha ${r.options.alpha}.</p></section>
</main>
</body>
</html>
`;
}
