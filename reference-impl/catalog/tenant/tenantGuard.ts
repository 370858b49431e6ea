/*
 * The tenant gate of every catalog route, as an onRequest hook (before parsing, so a refused request costs no
 * work): x-client-id is required (401 without it, 400 when it is not a UUID), must name a client (403), and
 * the client's requests are counted against its rate limit (seed 004 Phase 4: 429 with Retry-After past it).
 * The client id is kept on the request for the handlers.
 */
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import type { RateLimiter } from '../../platform/rateLimit/RateLimiter.ts';
import type { CatalogStore } from '../CatalogStore.ts';
import { catalogErrors } from '../errors/catalogErrors.ts';
import { isUuid } from '../validation/catalogInput.ts';

declare module 'fastify' {
  interface FastifyRequest {
    catalogClientId?: string;
  }
}

export function tenantOf(request: FastifyRequest): string {
  const id = request.catalogClientId;
  if (id === undefined) throw catalogErrors.missingClient(); // unreachable behind the guard
  return id;
}

export function tenantGuard(store: CatalogStore, limiter: RateLimiter | undefined, onLimited: () => void): onRequestHookHandler {
  return async (request) => {
    const raw = request.headers['x-client-id'];
    if (raw === undefined || raw === '') throw catalogErrors.missingClient();
    if (typeof raw !== 'string' || !isUuid(raw)) throw catalogErrors.invalidClient(raw);
    const clientId = raw.toLowerCase();
    if (!(await store.clientExists(clientId))) throw catalogErrors.unknownClient();
    if (limiter !== undefined) {
      const d = await limiter.hit(clientId);
      if (!d.allowed) {
        onLimited();
        throw catalogErrors.rateLimited(limiter.limit, limiter.windowS, d.retryAfterS);
      }
    }
    request.catalogClientId = clientId;
  };
}
