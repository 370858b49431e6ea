/*
 * The latencies of the last progress interval, for the live "current p95": one typed-array store per response
 * (cheaper than a histogram record on the hot path); the percentile is computed once per interval. Above
 * CAPACITY responses per interval it keeps the most recent CAPACITY, which is plenty for a progress line.
 */
export class RecentLatencies {
  static readonly CAPACITY = 4096;
  readonly #ring = new Float64Array(RecentLatencies.CAPACITY);
  #count = 0;

  add(ms: number): void {
    this.#ring[this.#count++ & (RecentLatencies.CAPACITY - 1)] = ms;
  }

  /** Responses added since the last take(). */
  get count(): number {
    return this.#count;
  }

  /** The given percentile of this interval's latencies (null when there were none), then starts a new interval. */
  take(percentile: number): number | null {
    const n = Math.min(this.#count, RecentLatencies.CAPACITY);
    this.#count = 0;
    if (n === 0) return null;
    const sorted = this.#ring.slice(0, n).sort();
    return sorted[Math.max(0, Math.ceil((percentile / 100) * n) - 1)]!;
  }
}
