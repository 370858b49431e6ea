/*
 * What compareRuns returns: one row per (endpoint, metric) with both sides' trial medians, the change, its
 * bootstrap interval, the Mann-Whitney p-value and a verdict. Writers and the regression gate read this.
 */
import type { ChangeScale, ConfidenceInterval } from './bootstrapMedianChange.ts';
import type { MannWhitneyResult } from './mannWhitney.ts';

export type ComparedMetric = 'p50' | 'p95' | 'p99' | 'throughputRps' | 'errorRate' | 'cacheHitRatio';

export type MetricVerdict =
  | 'regressed'
  | 'improved'
  | 'no significant change'
  | 'inconclusive (1 trial)'
  | 'no data';

export interface SideSamples {
  /** One value per trial (null/NaN trials dropped). */
  values: number[];
  n: number;
  median: number | null;
}

export interface MetricComparison {
  /** Endpoint name, or "total". */
  entity: string;
  metric: ComparedMetric;
  label: string;
  unit: 'ms' | 'req/s' | 'ratio';
  betterWhen: 'lower' | 'higher';
  scale: ChangeScale;
  a: SideSamples;
  b: SideSamples;
  /** median(B) - median(A), in the metric's unit. */
  delta: number | null;
  /** median(B) / median(A) - 1, when median(A) > 0. */
  relativeDelta: number | null;
  /** Interval for the change on `scale` (a fraction when relative, the unit when absolute). */
  ci: ConfidenceInterval | null;
  mannWhitney: MannWhitneyResult | null;
  verdict: MetricVerdict;
  /** Why the verdict is what it is, in one sentence. */
  note: string;
}

export interface RunRef {
  runId: string;
  startedAt: string;
  gitCommit: string | null;
  scenario: string;
  trials: number;
  verdict: 'pass' | 'fail';
}

export interface CompareOptions {
  /** Confidence level of the bootstrap interval (default 0.95). */
  confidence: number;
  /** Significance level for Mann-Whitney (default 0.05). */
  alpha: number;
  /** Bootstrap resamples (default 10,000). */
  resamples: number;
  /** PRNG seed of the bootstrap (default 1). */
  seed: number;
  /**
   * With one trial on a side nothing is known about noise; only a change this large is still called:
   * worse or better by this factor for latency/throughput (default 2), or by `hugeAbsolute` for ratios.
   */
  hugeFactor: number;
  /** Ratios (error rate, cache hit): a change of this many points (0..1) counts as huge (default 0.2). */
  hugeAbsolute: number;
}

export interface ComparisonResult {
  a: RunRef;
  b: RunRef;
  options: CompareOptions;
  /** "total" first, then endpoints present in either run. */
  entities: string[];
  metrics: MetricComparison[];
  /** Differences that make the comparison less meaningful (other scenario, machine, load model, dataset). */
  warnings: string[];
}
