/*
 * The catalog API's routes (issue 9's contract; seed 004's endpoints), the same for both variants: the variant
 * is the CatalogStore behind them. Route URLs are the templates scenarios/catalog/endpoints.ts names, so the
 * platform's per-route statement counts map to the endpoints.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { CatalogStore, ReadResult } from '../CatalogStore.ts';
import { catalogErrors } from '../errors/catalogErrors.ts';
import { tenantOf } from '../tenant/tenantGuard.ts';
import { parseMonth, parseOrderBody, parseProductsQuery, parseUuid } from '../validation/catalogInput.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

function send(reply: FastifyReply, result: ReadResult | null, what: string, id: string): FastifyReply {
  if (result === null) throw catalogErrors.notFound(what, id);
  if (result.cache !== undefined) reply.header('x-cache', result.cache);
  return reply.type(JSON_TYPE).send(result.body);
}

type IdParams = { Params: Record<string, string>; Querystring: Record<string, unknown> };

export function catalogRoutes(app: FastifyInstance, store: CatalogStore): void {
  app.get<IdParams>('/sites/:siteId/products', async (request, reply) => {
    const siteId = parseUuid('siteId', request.params.siteId);
    const q = parseProductsQuery(request.query);
    return send(reply, await store.products(tenantOf(request), siteId, q), 'site', siteId);
  });

  app.get<IdParams>('/products/:id', async (request, reply) => {
    const id = parseUuid('product id', request.params.id);
    return send(reply, await store.product(tenantOf(request), id), 'product', id);
  });

  app.get('/catalogs', async (request, reply) => send(reply, await store.catalogs(tenantOf(request)), 'catalogs', ''));

  app.get<IdParams>('/orders/:id', async (request, reply) => {
    const id = parseUuid('order id', request.params.id);
    return send(reply, await store.order(tenantOf(request), id), 'order', id);
  });

  app.post<IdParams & { Body: unknown }>('/sites/:siteId/orders', async (request, reply) => {
    const siteId = parseUuid('siteId', request.params.siteId);
    const order = parseOrderBody(request.body);
    const created = await store.createOrder(tenantOf(request), siteId, order);
    if (created === null) throw catalogErrors.notFound('site', siteId);
    return reply.code(201).type(JSON_TYPE).send(JSON.stringify(created));
  });

  app.post<IdParams>('/reports/orders', async (request, reply) => {
    const month = parseMonth(request.query.month);
    const jobId = await store.enqueueReport(tenantOf(request), month);
    return reply.code(202).type(JSON_TYPE).send(JSON.stringify({ jobId }));
  });

  app.get<IdParams>('/jobs/:id', async (request, reply) => {
    const id = parseUuid('job id', request.params.id);
    const job = await store.job(tenantOf(request), id);
    if (job === null) throw catalogErrors.notFound('job', id);
    return reply.type(JSON_TYPE).send(JSON.stringify(job));
  });
}
