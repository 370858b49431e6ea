/*
 * Percentile bootstrap interval of the median of a few values (the confirmation trials' highest passing rates):
 * resample with replacement, seeded, so the same trials always print the same interval. With three trials the
 * interval can only span their range; it says how far repeats of the boundary disagreed, nothing finer.
 */
import { median, quantileSorted } from 'simple-statistics';
import { seededRandom } from '../random/seededRandom.ts';

export function bootstrapMedianInterval(values: readonly number[], o: { seed: number; resamples?: number; confidence?: number }): { median: number; low: number; high: number } {
  if (values.length === 0) throw new RangeError('bootstrapMedianInterval needs at least one value');
  const m = median([...values]);
  if (values.length === 1) return { median: m, low: m, high: m };
  const random = seededRandom(o.seed);
  const n = o.resamples ?? 2000;
  const meds = new Float64Array(n);
  const buf = new Array<number>(values.length);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < values.length; j++) buf[j] = values[Math.floor(random() * values.length)]!;
    meds[i] = median(buf);
  }
  const sorted = Array.from(meds).sort((a, b) => a - b);
  const alpha = (1 - (o.confidence ?? 0.95)) / 2;
  return { median: m, low: quantileSorted(sorted, alpha), high: quantileSorted(sorted, 1 - alpha) };
}
