/*
 * The analytics rate limit in process memory: same fixed-window semantics as RedisRateLimiter, but each API
 * process counts on its own, so N processes let N x limit through. Used by the naive variant (the plan's
 * "before" had no Redis) and by the optimized one when it runs without Redis (said in the log).
 * Bounded: past maxUsers, expired windows are swept; if none has expired the oldest window is dropped.
 */
import { retryAfterSeconds, type RateLimitDecision, type RateLimiter } from './RateLimiter.ts';

interface Window {
  count: number;
  resetAtMs: number;
}

export interface MemoryRateLimiterOptions {
  limit: number;
  windowS: number;
  maxUsers?: number;
  /** Clock, injectable so tests can move time without sleeping. */
  now?: () => number;
}

export class MemoryRateLimiter implements RateLimiter {
  readonly kind = 'memory';
  readonly limit: number;
  readonly windowS: number;
  readonly #windows = new Map<string, Window>();
  readonly #maxUsers: number;
  readonly #now: () => number;

  constructor(opts: MemoryRateLimiterOptions) {
    this.limit = opts.limit;
    this.windowS = opts.windowS;
    this.#maxUsers = opts.maxUsers ?? 100_000;
    this.#now = opts.now ?? Date.now;
  }

  async hit(userId: string): Promise<RateLimitDecision> {
    const now = this.#now();
    let w = this.#windows.get(userId);
    if (w === undefined || w.resetAtMs <= now) {
      if (w !== undefined) this.#windows.delete(userId);
      if (this.#windows.size >= this.#maxUsers) this.#evict(now);
      w = { count: 0, resetAtMs: now + this.windowS * 1000 };
      this.#windows.set(userId, w);
    }
    w.count++;
    return { allowed: w.count <= this.limit, count: w.count, retryAfterS: retryAfterSeconds(w.resetAtMs - now) };
  }

  #evict(now: number): void {
    for (const [user, w] of this.#windows) if (w.resetAtMs <= now) this.#windows.delete(user);
    if (this.#windows.size < this.#maxUsers) return;
    const oldest = this.#windows.keys().next();
    if (!oldest.done) this.#windows.delete(oldest.value);
  }
}
