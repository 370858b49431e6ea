/*
 * Thresholds -> verdicts, a pure function of (summary, set) (artillery ensure's statsToVars/runChecks): no I/O,
 * no clock, the summary is only read. Invalid sets throw SP_THRESHOLD_INVALID like validateThresholds.
 * Rules for thresholds without data are in observeThreshold.ts; {for:Ns} alert rules in observeSustained.ts.
 */
import type { RunSummary, ThresholdResult } from '../model/RunSummary.ts';
import { observeSustained } from './observeSustained.ts';
import { observeThreshold } from './observeThreshold.ts';
import type { ThresholdOperator } from './ThresholdSet.ts';
import { validateThresholds } from './validateThresholds.ts';

export function compareThreshold(observed: number, operator: ThresholdOperator, bound: number): boolean {
  switch (operator) {
    case '<':
      return observed < bound;
    case '<=':
      return observed <= bound;
    case '>':
      return observed > bound;
    case '>=':
      return observed >= bound;
    case '==':
    case '===':
      return observed === bound;
    case '!=':
      return observed !== bound;
  }
}

export function evaluateThresholds(summary: RunSummary, set: unknown): ThresholdResult[] {
  return validateThresholds(set).map((th) => {
    const o = th.tags.for !== undefined ? observeSustained(summary, th) : observeThreshold(summary, th);
    // Not judged = does not apply to this run: reported, never counted against it.
    const ok = !o.judged || (o.observed !== null && compareThreshold(o.observed, th.operator, th.bound));
    return { metric: th.key, expression: th.expression, observed: o.observed, ok, ...(o.note ? { note: o.note } : {}), ...(o.judged ? {} : { skipped: true }) };
  });
}
