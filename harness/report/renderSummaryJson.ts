/* summary.json: the RunSummary as is (validated first, so a writer never emits a file readSummary rejects). */
import type { RunSummary } from '../model/RunSummary.ts';
import { validateSummary } from './validateSummary.ts';

export function renderSummaryJson(summary: RunSummary): string {
  return `${JSON.stringify(validateSummary(summary), null, 2)}\n`;
}
