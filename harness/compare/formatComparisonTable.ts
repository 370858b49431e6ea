/* The comparison as plain text for the terminal: headline, warnings, the delta table, the gate's reasons. */
import { textTable } from '../report/textTable.ts';
import type { ComparisonResult } from './ComparisonResult.ts';
import { COMPARISON_HEADERS, comparisonCells, comparisonHeadline } from './comparisonRows.ts';
import type { GateResult } from './regressionGate.ts';

export function formatComparisonTable(r: ComparisonResult, gate?: GateResult, maxRegression?: number): string {
  const out = [`A: ${r.a.runId} (${r.a.trials} trial(s))   B: ${r.b.runId} (${r.b.trials} trial(s))`, ''];
  for (const w of r.warnings) out.push(`WARNING ${w}`);
  if (r.warnings.length) out.push('');
  out.push(textTable([...COMPARISON_HEADERS], r.metrics.map(comparisonCells), ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left']));
  out.push('');
  if (gate) {
    for (const reason of gate.reasons) out.push(`REGRESSION ${reason}`);
    for (const note of gate.notes) out.push(`note: ${note}`);
  }
  out.push(`verdict: ${comparisonHeadline(r, gate, maxRegression).text}`);
  return out.join('\n');
}
