/* compare.md: the comparison for a CI page: headline, gate findings, the delta table, the rule used. */
import { markdownTable, mdCell, mdCode, mdText } from '../report/markdownTable.ts';
import type { ComparisonResult } from './ComparisonResult.ts';
import { COMPARISON_HEADERS, comparisonCells, comparisonHeadline, RULE_TEXT } from './comparisonRows.ts';
import type { GateResult } from './regressionGate.ts';

const ICON = { regressed: '❌', ok: '✅', inconclusive: '⚠️' } as const;

export function renderCompareMarkdown(r: ComparisonResult, gate?: GateResult, maxRegression?: number): string {
  const h = comparisonHeadline(r, gate, maxRegression);
  const out = [
    `# scaleproof comparison: B ${mdCode(r.b.runId)} vs A ${mdCode(r.a.runId)}`,
    '',
    `${ICON[h.kind]} **${mdText(h.text)}**`,
    '',
    `- **A:** ${mdCode(r.a.runId)}, ${mdText(r.a.scenario)}, ${r.a.trials} trial(s), git ${mdText(r.a.gitCommit ?? 'unknown')}, started ${mdText(r.a.startedAt)}, thresholds ${r.a.verdict}`,
    `- **B:** ${mdCode(r.b.runId)}, ${mdText(r.b.scenario)}, ${r.b.trials} trial(s), git ${mdText(r.b.gitCommit ?? 'unknown')}, started ${mdText(r.b.startedAt)}, thresholds ${r.b.verdict}`,
  ];
  if (r.warnings.length) out.push('', ...r.warnings.map((w) => `> ⚠️ ${mdText(w)}`));
  if (gate && (gate.reasons.length || gate.notes.length)) {
    out.push('', '## Regression gate', '');
    out.push(...gate.reasons.map((x) => `- ❌ ${mdText(x)}`), ...gate.notes.map((x) => `- ${mdText(x)}`));
  }
  out.push('', '## Changes per endpoint (B vs A)', '');
  out.push(
    markdownTable(
      [...COMPARISON_HEADERS],
      r.metrics.map((m) => comparisonCells(m).map(mdCell)),
      ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
  );
  out.push('', '## How to read this', '', mdText(RULE_TEXT), '', `Bootstrap: ${r.options.resamples} resamples, seed ${r.options.seed}, ${Math.round(r.options.confidence * 100)}% interval; Mann-Whitney alpha ${r.options.alpha}.`, '');
  return out.join('\n');
}
