/*
 * The baseline regression gate for CI: B (current) regressed against A (baseline) when p95 latency or
 * throughput, in total or on any endpoint, got worse than `maxRegression` WITH CONFIDENCE:
 * - the whole bootstrap interval of the change lies beyond the limit, or
 * - Mann-Whitney is significant (p < alpha) and the point estimate (change of medians) is beyond the limit;
 * - with a single trial on a side nothing is known about noise: only a huge change trips the gate
 *   (worse by compare option hugeFactor, default 2x), everything else is reported as inconclusive.
 * The CLI turns `regressed` into exit code 99.
 */
import type { RunSummary } from '../model/RunSummary.ts';
import type { CompareOptions, ComparisonResult, MetricComparison } from './ComparisonResult.ts';
import { compareRuns } from './compareRuns.ts';
import { worsening } from './compareMetric.ts';

export interface GateOptions extends Partial<CompareOptions> {
  /** Largest tolerated worsening as a fraction: 0.10 = p95 10% higher or throughput 10% lower. */
  maxRegression: number;
}

export interface GateCheck {
  entity: string;
  metric: 'p95' | 'throughputRps';
  /** Point estimate of the worsening (positive = worse), a fraction. */
  worsening: number | null;
  /** Worsening interval (low..high), when there were enough trials. */
  worseningCi: { low: number; high: number } | null;
  regressed: boolean;
  basis: 'confidence interval' | 'mann-whitney' | 'huge single-trial change' | 'not regressed' | 'inconclusive' | 'no data';
}

export interface GateResult {
  regressed: boolean;
  /** One sentence per regression. */
  reasons: string[];
  /** Inconclusive checks and other things a reader should know. */
  notes: string[];
  checks: GateCheck[];
  comparison: ComparisonResult;
}

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;

function check(m: MetricComparison, limit: number, opts: CompareOptions): GateCheck {
  const metric = m.metric as GateCheck['metric'];
  const base = { entity: m.entity, metric };
  if (m.relativeDelta === null || m.verdict === 'no data') return { ...base, worsening: null, worseningCi: null, regressed: false, basis: 'no data' };
  const w = worsening(m, m.relativeDelta);
  if (m.a.n < 2 || m.b.n < 2) {
    const worseFactor = m.betterWhen === 'lower' ? 1 + m.relativeDelta : 1 / (1 + m.relativeDelta);
    const huge = worseFactor >= opts.hugeFactor && w > limit;
    return { ...base, worsening: w, worseningCi: null, regressed: huge, basis: huge ? 'huge single-trial change' : 'inconclusive' };
  }
  const ci = m.ci ? (m.betterWhen === 'lower' ? { low: m.ci.low, high: m.ci.high } : { low: -m.ci.high, high: -m.ci.low }) : null;
  if (ci && ci.low > limit) return { ...base, worsening: w, worseningCi: ci, regressed: true, basis: 'confidence interval' };
  if (m.mannWhitney && m.mannWhitney.pValue < opts.alpha && w > limit) return { ...base, worsening: w, worseningCi: ci, regressed: true, basis: 'mann-whitney' };
  return { ...base, worsening: w, worseningCi: ci, regressed: false, basis: 'not regressed' };
}

function label(c: GateCheck): string {
  return `${c.entity} ${c.metric === 'p95' ? 'p95 latency' : 'throughput'}`;
}

export function regressionGate(baseline: RunSummary, current: RunSummary, options: GateOptions): GateResult {
  const { maxRegression, ...compareOptions } = options;
  if (!(maxRegression >= 0) || !Number.isFinite(maxRegression)) throw new RangeError(`maxRegression must be a fraction >= 0, got ${maxRegression}`);
  const comparison = compareRuns(baseline, current, compareOptions);
  const opts = comparison.options;
  const checks = comparison.metrics.filter((m) => m.metric === 'p95' || m.metric === 'throughputRps').map((m) => check(m, maxRegression, opts));
  const limit = `${(maxRegression * 100).toFixed(0)}% limit`;
  const reasons: string[] = [];
  const notes: string[] = [];
  for (const c of checks) {
    const m = comparison.metrics.find((x) => x.entity === c.entity && x.metric === c.metric)!;
    const trials = `${m.a.n} vs ${m.b.n} trials`;
    const moved = c.worsening === null ? '' : `${pct(m.relativeDelta ?? 0)} vs baseline (worse by ${(c.worsening * 100).toFixed(1)}%)`;
    if (c.regressed && c.basis === 'confidence interval') {
      const ci = c.worseningCi!;
      reasons.push(`${label(c)} ${moved}; ${Math.round(opts.confidence * 100)}% CI of the worsening ${(ci.low * 100).toFixed(1)}% … ${(ci.high * 100).toFixed(1)}%, entirely beyond the ${limit} (${trials})`);
    } else if (c.regressed && c.basis === 'mann-whitney') {
      reasons.push(`${label(c)} ${moved}, beyond the ${limit}; Mann-Whitney p=${m.mannWhitney!.pValue.toFixed(3)} (${trials})`);
    } else if (c.regressed) {
      reasons.push(`${label(c)} ${moved}: at least a ${opts.hugeFactor}x change, called on single trials (${trials})`);
    } else if (c.basis === 'inconclusive' && c.worsening !== null && c.worsening > maxRegression) {
      notes.push(`${label(c)} ${moved}, beyond the ${limit}, but with ${trials} the noise is unknown: inconclusive (use --repeat 5)`);
    } else if (c.basis === 'not regressed' && c.worsening !== null && c.worsening > maxRegression) {
      notes.push(`${label(c)} ${moved}, beyond the ${limit}, but not with confidence (${trials})`);
    }
  }
  return { regressed: reasons.length > 0, reasons, notes, checks, comparison };
}
