/* The cells of the delta table (one row per endpoint and metric) and the headline, shared by all comparison writers. */
import { fmtChange, fmtMs, fmtRate, fmtRatio } from '../report/formatValue.ts';
import type { ComparisonResult, MetricComparison } from './ComparisonResult.ts';
import type { GateResult } from './regressionGate.ts';

export const COMPARISON_HEADERS = ['endpoint', 'metric', 'A (median)', 'B (median)', 'change', 'CI of change', 'M-W p', 'trials', 'verdict'] as const;

export function fmtMetricValue(m: Pick<MetricComparison, 'unit'>, v: number | null): string {
  if (m.unit === 'ms') return v === null ? 'n/a' : `${fmtMs(v)} ms`;
  if (m.unit === 'req/s') return v === null ? 'n/a' : `${fmtRate(v)}/s`;
  return fmtRatio(v);
}

/** Change on the metric's scale: relative (+12.3%) for ms and req/s, points (+1.2 pt) for ratios. */
export function fmtMetricChange(m: Pick<MetricComparison, 'scale'>, change: number | null): string {
  if (change === null || !Number.isFinite(change)) return 'n/a';
  if (m.scale === 'relative') return fmtChange(change);
  return `${change >= 0 ? '+' : ''}${(change * 100).toFixed(2)} pt`;
}

export function comparisonCells(m: MetricComparison): string[] {
  const change = m.scale === 'relative' ? m.relativeDelta : m.delta;
  const ci = m.ci ? `${fmtMetricChange(m, m.ci.low)} … ${fmtMetricChange(m, m.ci.high)}` : '—';
  const p = m.mannWhitney ? m.mannWhitney.pValue.toFixed(3) : '—';
  return [m.entity, m.label, fmtMetricValue(m, m.a.median), fmtMetricValue(m, m.b.median), fmtMetricChange(m, change), ci, p, `${m.a.n} vs ${m.b.n}`, m.verdict];
}

export type Headline = { kind: 'regressed' | 'ok' | 'inconclusive'; text: string };

export function comparisonHeadline(r: ComparisonResult, gate?: GateResult, maxRegression?: number): Headline {
  const few = Math.min(r.a.trials, r.b.trials) < 2;
  const limit = maxRegression === undefined ? '' : ` beyond the ${(maxRegression * 100).toFixed(0)}% limit`;
  if (gate?.regressed) return { kind: 'regressed', text: `B regressed against A${limit} with confidence: ${gate.reasons.length} finding(s).` };
  const regressed = r.metrics.filter((m) => m.verdict === 'regressed').length;
  const improved = r.metrics.filter((m) => m.verdict === 'improved').length;
  if (few) return { kind: 'inconclusive', text: `Inconclusive: ${r.a.trials} vs ${r.b.trials} trial(s), so run-to-run noise is unknown; only huge changes are called. Repeat each run (--repeat 5) for a verdict.` };
  const gateText = gate ? `No regression${limit} with confidence. ` : '';
  return { kind: 'ok', text: `${gateText}${regressed} metric(s) significantly worse, ${improved} significantly better, the rest within noise (${r.a.trials} vs ${r.b.trials} trials).` };
}

export const RULE_TEXT =
  'Each --repeat trial is one sample (requests inside a run are not independent). A change is called when the ' +
  'bootstrap interval of the change of trial medians excludes zero and, where the exact Mann-Whitney test can reach ' +
  'significance with these trial counts, it agrees. With a single trial on a side only a 2x change (or 20 points for ' +
  'ratios) is called. The gate trips when p95 or throughput got worse than the limit with confidence: the whole interval ' +
  'beyond the limit, or Mann-Whitney significant with the point estimate beyond it.';
