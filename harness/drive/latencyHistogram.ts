/*
 * HDR histograms with explicit bounds and precision (autocannon's histUtil): values in microseconds from
 * 1 µs to 120 s at 3 significant digits, so a percentile is off by at most 0.1%.
 */
import * as hdr from 'hdr-histogram-js';
import type { LatencyStats } from '../model/RunSummary.ts';

export type Histogram = hdr.Histogram;

export const HISTOGRAM_BOUNDS = { lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 } as const;

export function createHistogram(): Histogram {
  return hdr.build({ ...HISTOGRAM_BOUNDS, bitBucketSize: 32, autoResize: true, useWebAssembly: false });
}

/** Records one latency given in milliseconds (clamped into the histogram's bounds). */
export function recordMs(h: Histogram, ms: number): void {
  const us = Math.round(ms * 1000);
  h.recordValue(Math.min(Math.max(us, 1), HISTOGRAM_BOUNDS.highestTrackableValue));
}

const ms = (us: number) => Math.round(us) / 1000;

export function latencyStats(h: Histogram): LatencyStats {
  if (h.totalCount === 0) return { min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 };
  return {
    min: ms(h.minNonZeroValue),
    mean: ms(h.mean),
    p50: ms(h.getValueAtPercentile(50)),
    p90: ms(h.getValueAtPercentile(90)),
    p95: ms(h.getValueAtPercentile(95)),
    p99: ms(h.getValueAtPercentile(99)),
    p999: ms(h.getValueAtPercentile(99.9)),
    max: ms(h.maxValue),
  };
}

export function encodeHistogram(h: Histogram): string {
  return hdr.encodeIntoCompressedBase64(h);
}

export function decodeHistogram(encoded: string): Histogram {
  return hdr.decodeFromCompressedBase64(encoded, 32, false);
}

/** Merges encoded histograms (runs, trials, k6 instances) into one. */
export function mergeHistograms(encoded: readonly string[]): Histogram {
  const out = createHistogram();
  for (const e of encoded) out.add(decodeHistogram(e));
  return out;
}
