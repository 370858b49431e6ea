/*
 * The marketplace BFF's routes (seed 003; the paths are the contract). Each is guarded by its phase-4 rate
 * limit scope; public reads go out with the edge cache headers (Cache-Control public, ETag, 304). Search is not
 * an edge-cacheable read: every search must reach the origin to be recorded, so it is sent no-store.
 */
import type { FastifyInstance } from 'fastify';
import { unavailableAs503 } from '../../platform/db/unavailableAs503.ts';
import { marketplaceErrors } from '../errors/marketplaceErrors.ts';
import { JSON_TYPE, sendPublicRead } from '../http/publicRead.ts';
import type { LimitGuards } from '../rateLimit/marketplaceLimits.ts';
import type { MarketplaceReads } from '../reads/MarketplaceReads.ts';
import { parseId, parseOrder, parseProductType, parseSearch } from './parseRequests.ts';

export interface RouteDeps {
  reads: MarketplaceReads;
  guards: LimitGuards;
  edgeMaxAgeS: number;
}

export function marketplaceRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { guards, edgeMaxAgeS } = deps;
  // An overloaded or unreachable database answers 503 + Retry-After, not 500.
  const reads: MarketplaceReads = {
    home: () => unavailableAs503(() => deps.reads.home()),
    store: (id) => unavailableAs503(() => deps.reads.store(id)),
    product: (type, id) => unavailableAs503(() => deps.reads.product(type, id)),
    search: (req) => unavailableAs503(() => deps.reads.search(req)),
    createOrder: (req) => unavailableAs503(() => deps.reads.createOrder(req)),
  };
  app.get('/marketplace/home', { onRequest: guards.marketplace }, async (request, reply) =>
    sendPublicRead(request, reply, await reads.home(), edgeMaxAgeS));

  app.get<{ Params: { sellerId: string } }>('/stores/:sellerId', { onRequest: guards.store }, async (request, reply) => {
    const sellerId = parseId(request.params.sellerId, 'sellerId');
    const doc = await reads.store(sellerId);
    if (doc === null) throw marketplaceErrors.sellerNotFound(sellerId);
    return sendPublicRead(request, reply, doc, edgeMaxAgeS);
  });

  app.get<{ Params: { type: string; id: string } }>('/products/:type/:id', { onRequest: guards.marketplace }, async (request, reply) => {
    const type = parseProductType(request.params.type);
    const id = parseId(request.params.id, 'id');
    const doc = await reads.product(type, id);
    if (doc === null) throw marketplaceErrors.productNotFound(type, id);
    return sendPublicRead(request, reply, doc, edgeMaxAgeS);
  });

  app.get('/search', { onRequest: guards.search }, async (request, reply) => {
    const req = parseSearch(request.query as Record<string, unknown>, request.headers['x-user-id']);
    const doc = await reads.search(req);
    return reply.header('cache-control', 'no-store').type(JSON_TYPE).send(JSON.stringify(doc));
  });

  app.post('/orders', { onRequest: guards.marketplace }, async (request, reply) => {
    const doc = await reads.createOrder(parseOrder(request.body));
    return reply.code(201).header('cache-control', 'no-store').type(JSON_TYPE).send(JSON.stringify(doc));
  });
}
