/*
 * Turns an encoded HDR histogram (microseconds) back into what a latency-distribution chart needs, in Node,
 * so the HTML report embeds points and never ships a histogram decoder:
 * - the percentile spectrum at the classic levels (1 … 99.99, max);
 * - a percentile curve on HdrHistogram's plot grid: percentile q drawn at x = 1/(1-q), a log axis where
 *   90%, 99%, 99.9% are equally spaced; levels beyond what the sample count resolves are null;
 * - counts per log-spaced latency bucket (BUCKETS_PER_DECADE per factor of 10) from the recorded values.
 */
import * as hdr from 'hdr-histogram-js';
import { decodeHistogram } from '../drive/latencyHistogram.ts';

export const SPECTRUM_PERCENTILES = [1, 10, 50, 90, 99, 99.9, 99.99] as const;
export const BUCKETS_PER_DECADE = 10;
/** Grid of the percentile curve: 5 ticks per halving of the distance to 100% (HdrHistogram's default). */
const TICKS_PER_HALF = 5;
const MAX_X = 1e6; // 99.9999%

export interface LatencyDistribution {
  count: number;
  spectrum: Array<{ percentile: number; ms: number | null }>;
  maxMs: number | null;
  /** ms at each level of percentileGrid(); null where the count cannot resolve the level. */
  curveMs: Array<number | null>;
  /** Recorded counts per bucket index (index i covers [10^(i/10), 10^((i+1)/10)) ms). */
  buckets: Map<number, number>;
}

/** The shared x axis of the percentile curve: 1/(1-q) for q = 0, 12.9%, 24.2%, …, 99.9999%. */
export function percentileGrid(): number[] {
  const xs: number[] = [];
  for (let i = 0; 2 ** (i / TICKS_PER_HALF) <= MAX_X; i++) xs.push(2 ** (i / TICKS_PER_HALF));
  return xs;
}

export function bucketLowerMs(index: number): number {
  return 10 ** (index / BUCKETS_PER_DECADE);
}

const usToMs = (us: number) => Math.round(us) / 1000;

export function latencyDistribution(encoded: string): LatencyDistribution {
  const h = decodeHistogram(encoded);
  const count = h.totalCount;
  const buckets = new Map<number, number>();
  if (count === 0) {
    return { count, spectrum: SPECTRUM_PERCENTILES.map((percentile) => ({ percentile, ms: null })), maxMs: null, curveMs: percentileGrid().map(() => null), buckets };
  }
  const spectrum = SPECTRUM_PERCENTILES.map((percentile) => ({ percentile, ms: usToMs(h.getValueAtPercentile(percentile)) }));
  const curveMs = percentileGrid().map((x) => (x <= count ? usToMs(h.getValueAtPercentile(100 * (1 - 1 / x))) : null));
  if (!(h instanceof hdr.JsHistogram)) throw new TypeError('expected a JS histogram from decodeHistogram (WebAssembly histograms have no iterator)');
  const it = h.recordedValuesIterator;
  it.reset();
  while (it.hasNext()) {
    const v = it.next();
    const ms = Math.max(usToMs(v.valueIteratedTo), 0.001);
    const index = Math.floor(Math.log10(ms) * BUCKETS_PER_DECADE + 1e-9);
    buckets.set(index, (buckets.get(index) ?? 0) + v.countAtValueIteratedTo);
  }
  return { count, spectrum, maxMs: usToMs(h.maxValue), curveMs, buckets };
}
