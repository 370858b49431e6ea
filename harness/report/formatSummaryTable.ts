/* The plain-text table printed at the end of a run: endpoints, thresholds, server-side essentials, verdict. */
import type { RunSummary } from '../model/RunSummary.ts';
import { ENDPOINT_HEADERS, endpointRows } from './endpointRows.ts';
import { ackedWritesLine, faultCells, FAULT_HEADERS } from './faultRows.ts';
import { fmtObserved, fmtRatio } from './formatValue.ts';
import { thresholdTally, validityFacts } from './reportFacts.ts';
import { textTable } from './textTable.ts';
import { topologyFacts } from './topologyFacts.ts';
import { scenarioLabel } from './scenarioLabel.ts';

export function formatSummaryTable(s: RunSummary): string {
  const out: string[] = [];
  out.push(`scaleproof ${scenarioLabel(s)} run ${s.runId} (measured ${round2(s.scenario.durationS)} s after ${round2(s.warmup.durationS)} s warm-up)`, '');
  out.push(textTable([...ENDPOINT_HEADERS], endpointRows(s), ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right']));
  out.push('', `cache hit ${fmtRatio(s.server.cacheHitRatio)} (${s.server.cacheHitSource}), queries/request ${s.server.queriesPerRequest === null ? 'n/a' : s.server.queriesPerRequest.toFixed(2)}`);
  for (const f of topologyFacts(s.environment.topology)) out.push(`${f.warn ? 'WARNING ' : ''}${f.label.toLowerCase()}: ${f.value}`);
  for (const f of validityFacts(s).filter((x) => x.warn)) out.push(`WARNING ${f.label}: ${f.value}`);
  if (s.faults?.length) out.push('', textTable([...FAULT_HEADERS], s.faults.map(faultCells), ['left', ...FAULT_HEADERS.slice(1).map(() => 'right' as const)]));
  const ack = ackedWritesLine(s);
  if (ack) out.push(ack);
  if (s.thresholds.length) {
    out.push('', textTable(['', 'metric', 'expression', 'observed'], s.thresholds.map((t) => [t.skipped ? 'skip' : t.ok ? 'ok' : 'FAIL', t.metric, t.expression, fmtObserved(t.observed)]), ['left', 'left', 'left', 'right']));
  }
  out.push('', `verdict: ${s.verdict.toUpperCase()}${s.thresholds.length ? ` (${thresholdTally(s)})` : ' (no thresholds)'}`);
  return out.join('\n');
}

/** Durations measured from k6 shards are fractional: two decimals are enough to read. */
function round2(s: number): number {
  return Math.round(s * 100) / 100;
}
