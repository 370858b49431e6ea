/*
 * The analytics routes' gate, as an onRequest hook (before parsing and validation, so a refused request costs
 * no work): x-user-id is required (401 without it, as seed 001 3.3's edge function answers), then the user's
 * request is counted against the limit (429 with Retry-After past it). Every request counts, valid or not:
 * the limit protects the server, and a malformed request still reached it.
 */
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { schoolErrors } from '../errors/schoolErrors.ts';
import type { RateLimiter } from '../../platform/rateLimit/RateLimiter.ts';
import type { RateLimitCounters } from './rateLimitCounters.ts';

const USER_ID = /^[1-9]\d{0,14}$/;

/** The caller's user id from x-user-id, or a 401 (missing) / 400 (malformed) error. */
export function userIdOf(request: FastifyRequest): string {
  const raw = request.headers['x-user-id'];
  if (raw === undefined || raw === '') throw schoolErrors.missingUser();
  if (typeof raw !== 'string' || !USER_ID.test(raw)) throw schoolErrors.invalidUser(raw);
  return raw;
}

/** limiter undefined: authentication only (the limit is configured off). */
export function analyticsGuard(limiter: RateLimiter | undefined, counters: RateLimitCounters): onRequestHookHandler {
  return async (request) => {
    const userId = userIdOf(request);
    if (limiter === undefined) return;
    const decision = await limiter.hit(userId);
    if (decision.allowed) {
      counters.allowed();
      return;
    }
    counters.limited();
    throw schoolErrors.rateLimited(limiter.limit, limiter.windowS, decision.retryAfterS);
  };
}
