/*
 * The verdict for one metric of one endpoint, from the per-trial values of two runs.
 *
 * Rule (documented in harness/compare/README.md):
 * - fewer than 2 trials on a side: "inconclusive (1 trial)", unless the change is huge (hugeFactor /
 *   hugeAbsolute), then regressed/improved with a note saying it rests on single trials;
 * - otherwise a change is called when the bootstrap interval of the change of medians excludes 0 AND, where the
 *   exact Mann-Whitney test can reach alpha with these sample sizes, Mann-Whitney agrees (p < alpha);
 *   this guards against the percentile bootstrap's optimism with a handful of trials.
 */
import { median } from 'simple-statistics';
import { bootstrapMedianChange, changeOf, type ChangeScale } from './bootstrapMedianChange.ts';
import type { CompareOptions, ComparedMetric, MetricComparison, MetricVerdict, SideSamples } from './ComparisonResult.ts';
import { mannWhitney } from './mannWhitney.ts';
import { deriveSeed } from '../random/seededRandom.ts';

export interface MetricSpec {
  metric: ComparedMetric;
  label: string;
  unit: MetricComparison['unit'];
  betterWhen: 'lower' | 'higher';
  scale: ChangeScale;
}

export const METRIC_SPECS: Readonly<Record<ComparedMetric, MetricSpec>> = Object.freeze({
  p50: { metric: 'p50', label: 'p50', unit: 'ms', betterWhen: 'lower', scale: 'relative' },
  p95: { metric: 'p95', label: 'p95', unit: 'ms', betterWhen: 'lower', scale: 'relative' },
  p99: { metric: 'p99', label: 'p99', unit: 'ms', betterWhen: 'lower', scale: 'relative' },
  throughputRps: { metric: 'throughputRps', label: 'throughput', unit: 'req/s', betterWhen: 'higher', scale: 'relative' },
  errorRate: { metric: 'errorRate', label: 'error rate', unit: 'ratio', betterWhen: 'lower', scale: 'absolute' },
  cacheHitRatio: { metric: 'cacheHitRatio', label: 'cache hit', unit: 'ratio', betterWhen: 'higher', scale: 'absolute' },
} satisfies Record<ComparedMetric, MetricSpec>);

function side(values: ReadonlyArray<number | null | undefined>): SideSamples {
  const clean = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return { values: clean, n: clean.length, median: clean.length ? median(clean) : null };
}

/** Positive when B is worse than A (on the metric's own scale). */
export function worsening(spec: Pick<MetricSpec, 'betterWhen'>, change: number): number {
  return spec.betterWhen === 'lower' ? change : -change;
}

function pct(x: number): string {
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
}

export function compareMetric(
  entity: string,
  spec: MetricSpec,
  aValues: ReadonlyArray<number | null | undefined>,
  bValues: ReadonlyArray<number | null | undefined>,
  opts: CompareOptions,
): MetricComparison {
  const a = side(aValues);
  const b = side(bValues);
  const base = { entity, metric: spec.metric, label: spec.label, unit: spec.unit, betterWhen: spec.betterWhen, scale: spec.scale, a, b };
  if (a.median === null || b.median === null) {
    return { ...base, delta: null, relativeDelta: null, ci: null, mannWhitney: null, verdict: 'no data', note: 'no trial measured this on one side' };
  }
  const delta = b.median - a.median;
  const relativeDelta = changeOf(a.median, b.median, 'relative');
  const change = changeOf(a.median, b.median, spec.scale);

  if (a.n < 2 || b.n < 2) {
    let verdict: MetricVerdict = 'inconclusive (1 trial)';
    let note = `${a.n} vs ${b.n} trials: noise unknown; repeat runs (--repeat 5) for a verdict`;
    const huge = isHuge(spec, a.median, b.median, opts);
    if (huge) {
      verdict = huge;
      note = `single-trial verdict: the change exceeds the ${spec.scale === 'relative' ? `${opts.hugeFactor}x` : `${opts.hugeAbsolute * 100} point`} rule for huge changes`;
    }
    return { ...base, delta, relativeDelta, ci: null, mannWhitney: null, verdict, note };
  }

  const ci = bootstrapMedianChange(a.values, b.values, {
    scale: spec.scale,
    seed: deriveSeed(opts.seed, `${entity}/${spec.metric}`),
    resamples: opts.resamples,
    confidence: opts.confidence,
  });
  const mw = mannWhitney(a.values, b.values);
  if (ci === null || change === null) {
    return { ...base, delta, relativeDelta, ci, mannWhitney: mw, verdict: 'no data', note: 'A is 0, so a relative change is undefined' };
  }
  const excludesZero = ci.low > 0 || ci.high < 0;
  const mwCanDecide = mw.minAttainableP < opts.alpha;
  const significant = excludesZero && (!mwCanDecide || mw.pValue < opts.alpha);
  const level = `${Math.round(ci.level * 100)}%`;
  const ciText = spec.scale === 'relative' ? `${pct(ci.low)} … ${pct(ci.high)}` : `${ci.low.toFixed(3)} … ${ci.high.toFixed(3)}`;
  if (!significant) {
    const why = !excludesZero ? `${level} CI ${ciText} includes 0` : `CI ${ciText} excludes 0 but Mann-Whitney p=${mw.pValue.toFixed(3)} ≥ ${opts.alpha}`;
    return { ...base, delta, relativeDelta, ci, mannWhitney: mw, verdict: 'no significant change', note: why };
  }
  const verdict: MetricVerdict = worsening(spec, change) > 0 ? 'regressed' : 'improved';
  const mwText = mwCanDecide ? `, Mann-Whitney p=${mw.pValue.toFixed(3)}` : ` (Mann-Whitney cannot reach p<${opts.alpha} with ${a.n} vs ${b.n} trials)`;
  return { ...base, delta, relativeDelta, ci, mannWhitney: mw, verdict, note: `${level} CI ${ciText} excludes 0${mwText}` };
}

function isHuge(spec: MetricSpec, a: number, b: number, opts: CompareOptions): 'regressed' | 'improved' | null {
  if (spec.scale === 'absolute') {
    const w = worsening(spec, b - a);
    return Math.abs(w) >= opts.hugeAbsolute ? (w > 0 ? 'regressed' : 'improved') : null;
  }
  if (a <= 0 || b <= 0) return null;
  const worseFactor = spec.betterWhen === 'lower' ? b / a : a / b;
  if (worseFactor >= opts.hugeFactor) return 'regressed';
  if (1 / worseFactor >= opts.hugeFactor) return 'improved';
  return null;
}
