/*
 * Compares k6's own threshold verdicts with scaleproof's evaluator, threshold by threshold. With a mapping from
 * toK6Thresholds, our keys are matched to the rewritten keys k6 judged; without one, keys match as written.
 * A disagreement is worth a note in the report (different percentile method, warm-up handling, a bug).
 */
import type { ThresholdResult } from '../../model/RunSummary.ts';
import type { K6Verdict } from './K6Verdict.ts';
import type { K6ThresholdMapping } from './toK6Thresholds.ts';

export interface VerdictComparison {
  metric: string;
  expression: string;
  ours: boolean;
  /** undefined when k6 did not judge it (server-side metric, endpoint outside the mix). */
  k6: boolean | undefined;
  agree: boolean | undefined;
}

export function crossCheckVerdicts(k6: readonly K6Verdict[], ours: readonly ThresholdResult[], mapping?: readonly K6ThresholdMapping[]): VerdictComparison[] {
  const byKey = new Map(k6.map((v) => [`${v.metric}\u0000${v.expression}`, v.ok]));
  return ours.map((r) => {
    const m = mapping?.find((x) => x.metric === r.metric && x.expression === r.expression);
    const key = m ? `${m.k6Metric}\u0000${m.k6Expression}` : `${r.metric}\u0000${r.expression}`;
    const k6ok = mapping && !m ? undefined : byKey.get(key);
    return { metric: r.metric, expression: r.expression, ours: r.ok, k6: k6ok, agree: k6ok === undefined ? undefined : k6ok === r.ok };
  });
}
