/*
 * report.md: what a CI page shows (fits a GitHub step summary): the verdict first, then thresholds with
 * observed values, endpoints, server-side numbers, validity flags, the warm-up phase apart, and the environment.
 */
import type { RunSummary } from '../model/RunSummary.ts';
import { ackedWritesLine, faultCells, FAULT_HEADERS } from './faultRows.ts';
import { ENDPOINT_HEADERS, endpointRows, orderedEndpoints } from './endpointRows.ts';
import { fmtCount, fmtMs, fmtObserved, fmtRate, fmtRatio } from './formatValue.ts';
import { markdownTable, mdCell, mdCode, mdText } from './markdownTable.ts';
import { environmentFacts, serverFacts, validityFacts, verdictDetail, type Fact } from './reportFacts.ts';
import { scenarioLabel } from './scenarioLabel.ts';

const RIGHT = ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] as const;

function facts(list: Fact[]): string {
  return list.map((f) => `- ${f.warn ? '⚠️ ' : ''}**${mdText(f.label)}:** ${mdText(f.value)}`).join('\n');
}

export function verdictLine(s: RunSummary): string {
  return `${s.verdict === 'pass' ? '✅ **PASS**' : '❌ **FAIL**'}: ${mdText(verdictDetail(s))}`;
}

export function renderMarkdown(s: RunSummary): string {
  const out: string[] = [];
  out.push(`# scaleproof: ${mdText(scenarioLabel(s))} run ${mdCode(s.runId)}`, '', verdictLine(s), '');
  const warnings = validityFacts(s).filter((f) => f.warn);
  if (warnings.length) out.push(`> ⚠️ ${warnings.map((w) => mdText(`${w.label}: ${w.value}`)).join(' · ')}`, '');

  out.push('## Thresholds', '');
  if (s.thresholds.length === 0) out.push('_No thresholds were set._');
  else
    out.push(
      markdownTable(
        ['', 'metric', 'expression', 'observed', 'note'],
        s.thresholds.map((t) => [t.skipped ? 'skipped' : t.ok ? '✓' : '✗', mdCode(t.metric), mdCode(t.expression), fmtObserved(t.observed), mdCell(t.note ?? '')]),
        ['left', 'left', 'left', 'right', 'left'],
      ),
    );

  out.push('', `## Endpoints (measured phase, ${s.scenario.durationS} s)`, '');
  out.push(markdownTable([...ENDPOINT_HEADERS], endpointRows(s).map((r) => [mdCell(r[0]!), ...r.slice(1)]), RIGHT));
  const statusLines = orderedEndpoints(s).map(([n, e]) => `${n}: ${Object.entries(e.statusCounts).map(([k, v]) => `${k}×${v}`).join(', ')}`);
  if (statusLines.length) out.push('', `Responses by status: ${mdText(statusLines.join('; '))}`);

  if (s.faults?.length) {
    out.push('', '## Faults', '', `Seconds from each fault's action; recovery is the latest of first success, errors stopping and p95 back within budget.`, '');
    out.push(markdownTable([...FAULT_HEADERS], s.faults.map((f) => faultCells(f).map(mdCell)), ['left', ...FAULT_HEADERS.slice(1).map(() => 'right' as const)]));
    for (const f of s.faults) out.push('', `- ${mdCode(f.spec)}: ${mdText(f.method)}`);
  }
  const ackLine = ackedWritesLine(s);
  if (ackLine) out.push('', mdText(ackLine));

  out.push('', '## Server side', '', facts(serverFacts(s)));
  if (s.server.topStatements?.length) {
    out.push('', markdownTable(['calls', 'mean ms', 'total ms', 'statement'], s.server.topStatements.map((q) => [fmtCount(q.calls), fmtMs(q.meanMs), fmtMs(q.totalMs), mdCode(q.query.slice(0, 120))]), ['right', 'right', 'right', 'left']));
  }

  out.push('', '## Validity', '', facts(validityFacts(s)));

  const w = s.warmup;
  out.push('', '## Warm-up (kept apart, not in the numbers above)', '');
  out.push(markdownTable(['requests', 'errors', 'duration s', 'p50 ms', 'p95 ms', 'p99 ms'], [[fmtCount(w.requests), fmtCount(w.errors), String(w.durationS), fmtMs(w.latencyMs.p50), fmtMs(w.latencyMs.p95), fmtMs(w.latencyMs.p99)]], ['right', 'right', 'right', 'right', 'right', 'right']));

  if (s.trials.length > 1) {
    out.push('', `## Trials (${s.trials.length}; each is one sample for comparisons)`, '');
    out.push(
      markdownTable(
        ['trial', 'requests', 'errors', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'cache hit'],
        s.trials.map((t, i) => [String(i + 1), fmtCount(t.totals.requests), fmtCount(t.totals.errors), fmtRate(t.totals.throughputRps), fmtMs(t.totals.p50), fmtMs(t.totals.p95), fmtMs(t.totals.p99), fmtRatio(t.cacheHitRatio)]),
        ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
      ),
    );
  }

  out.push('', '## Environment', '', facts(environmentFacts(s)), '');
  return out.join('\n');
}
