/*
 * Percentile-bootstrap confidence interval for the change of medians between two sets of trials (B vs A).
 * Each trial is one sample; requests inside a trial are never resampled (they are not independent).
 * 'relative' gives median(B*)/median(A*) - 1 (latency, throughput); 'absolute' gives median(B*) - median(A*)
 * (ratios such as error rate and cache hit, where A may be 0).
 */
import { median, quantileSorted, sampleWithReplacement } from 'simple-statistics';
import { seededRandom } from '../random/seededRandom.ts';

export type ChangeScale = 'relative' | 'absolute';

export interface BootstrapOptions {
  scale: ChangeScale;
  seed: number;
  /** Number of resamples (default 10,000). */
  resamples?: number;
  /** Two-sided confidence level (default 0.95). */
  confidence?: number;
}

export interface ConfidenceInterval {
  low: number;
  high: number;
  level: number;
  resamples: number;
  seed: number;
}

export function changeOf(a: number, b: number, scale: ChangeScale): number | null {
  if (scale === 'absolute') return b - a;
  return a > 0 ? b / a - 1 : null;
}

/** Null when either side is empty or a relative change is undefined (a median of 0 in A). */
export function bootstrapMedianChange(a: readonly number[], b: readonly number[], opts: BootstrapOptions): ConfidenceInterval | null {
  if (a.length === 0 || b.length === 0) return null;
  const resamples = opts.resamples ?? 10_000;
  const level = opts.confidence ?? 0.95;
  const random = seededRandom(opts.seed);
  const xs = [...a];
  const ys = [...b];
  const stats: number[] = [];
  for (let i = 0; i < resamples; i++) {
    const c = changeOf(median(sampleWithReplacement(xs, xs.length, random)), median(sampleWithReplacement(ys, ys.length, random)), opts.scale);
    if (c !== null) stats.push(c);
  }
  // A resample can draw only zeros from A; if most do, a relative change is meaningless.
  if (stats.length < resamples * 0.9) return null;
  stats.sort((x, y) => x - y);
  const tail = (1 - level) / 2;
  return { low: quantileSorted(stats, tail), high: quantileSorted(stats, 1 - tail), level, resamples, seed: opts.seed };
}
