/*
 * A per-caller request budget per fixed window (first written for seed 001 3.3: "10 requests per minute per
 * user", counted with INCR and a 60 s EXPIRE), shared by workloads. Two implementations: Redis (shared by every
 * API process) and in-process (per process: naive variants, and optimized ones running without Redis).
 */
export interface RateLimitDecision {
  allowed: boolean;
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Seconds until the window resets (at least 1): the 429's Retry-After. */
  retryAfterS: number;
}

export interface RateLimiter {
  readonly kind: 'redis' | 'memory';
  readonly limit: number;
  readonly windowS: number;
  /** Counts one request of `userId` and says whether it is within the budget. */
  hit(userId: string): Promise<RateLimitDecision>;
}

/** Seconds until a window reset `remainingMs` away, as Retry-After wants it: a whole number, at least 1. */
export function retryAfterSeconds(remainingMs: number): number {
  return Math.max(1, Math.ceil(remainingMs / 1000));
}
