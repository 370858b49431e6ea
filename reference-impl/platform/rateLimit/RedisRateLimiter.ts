/*
 * A fixed-window rate limit in Redis (school's analytics limit is the first user), shared by every API process that uses the same Redis and key prefix.
 *
 * One Lua script per request, so the count and the expiry are atomic: the plan's INCR-then-EXPIRE (seed 001 3.3)
 * leaves a key with no TTL, and that user locked out for good, if the process dies between the two commands.
 * The script also repairs such a key (PTTL < 0 gets the window). Fixed window, as in the plan: a user can spend
 * up to 2 x limit across a window boundary; a sliding log would cost a sorted set per user.
 *
 * Fail-open, like the cache: when Redis errors or times out the request is allowed and the error is reported
 * (onStoreError), because refusing every analytics request during a Redis outage would be worse than an
 * unmetered minute.
 */
import crypto from 'node:crypto';
import { retryAfterSeconds, type RateLimitDecision, type RateLimiter } from './RateLimiter.ts';

/** The two ioredis calls the limiter needs (the platform's RedisStore client satisfies it). */
export interface ScriptClient {
  evalsha(sha: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
  eval(script: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
}

const SCRIPT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}`;
const SHA = crypto.createHash('sha1').update(SCRIPT).digest('hex');

export interface RedisRateLimiterOptions {
  client: ScriptClient;
  /** config.redisKeyPrefix + the limiter's namespace; the user id is appended. */
  keyPrefix: string;
  limit: number;
  windowS: number;
  onStoreError(err: unknown): void;
}

export class RedisRateLimiter implements RateLimiter {
  readonly kind = 'redis';
  readonly limit: number;
  readonly windowS: number;
  readonly #opts: RedisRateLimiterOptions;

  constructor(opts: RedisRateLimiterOptions) {
    this.#opts = opts;
    this.limit = opts.limit;
    this.windowS = opts.windowS;
  }

  async hit(userId: string): Promise<RateLimitDecision> {
    const key = this.#opts.keyPrefix + userId;
    const windowMs = this.windowS * 1000;
    let reply: unknown;
    try {
      reply = await this.#opts.client.evalsha(SHA, 1, key, windowMs).catch((err: unknown) => {
        // First use on this Redis (or after SCRIPT FLUSH): send the script itself once.
        if (err instanceof Error && err.message.startsWith('NOSCRIPT')) return this.#opts.client.eval(SCRIPT, 1, key, windowMs);
        throw err;
      });
    } catch (err) {
      this.#opts.onStoreError(err);
      return { allowed: true, count: 0, retryAfterS: this.windowS };
    }
    const [count, ttlMs] = reply as [number, number];
    return { allowed: count <= this.limit, count, retryAfterS: retryAfterSeconds(ttlMs) };
  }
}
