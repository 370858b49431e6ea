/*
 * Every route of the riders API (seed 002), the same for both variants: validate, call the variant's backend,
 * send its JSON. The paths are the workload's contract (scenarios/riders/endpoints.ts names them).
 */
import type { FastifyInstance } from 'fastify';
import { httpErrors } from '../../platform/errors/httpErrors.ts';
import type { ApiMetrics } from '../../platform/metrics/createMetrics.ts';
import { cityIndex } from '../../../scenarios/riders/layout.ts';
import { ridersErrors } from '../ridersErrors.ts';
import type { RidersBackend } from '../RidersBackend.ts';
import { cityParams, dutyBody, locationBody, paiseOf, riderIdParams, routeSchema, walletBody, type EntryType } from '../validation/routeSchema.ts';

const ACCEPTED = Buffer.from('{"accepted":1}');

export interface RidersRouteDeps {
  backend: RidersBackend;
  metrics: ApiMetrics;
  /** Retry-After of a 503 when the location buffer is full. */
  retryAfterS: number;
}

function knownCity(city: string): string {
  if (cityIndex(city) < 0) throw ridersErrors.cityNotFound(city);
  return city;
}

export function ridersRoutes(app: FastifyInstance, { backend, metrics, retryAfterS }: RidersRouteDeps): void {
  app.post<{ Params: { id: string }; Body: { lat: number; lon: number; ts: number } }>(
    '/riders/:id/location', routeSchema({ params: riderIdParams, body: locationBody }),
    async (request, reply) => {
      const { lat, lon, ts } = request.body;
      const outcome = await backend.recordLocation(Number(request.params.id), lat, lon, ts);
      if (outcome !== 'accepted') {
        metrics.eventRejected(outcome);
        throw outcome === 'full' ? httpErrors.bufferFull(retryAfterS) : httpErrors.shuttingDown();
      }
      metrics.eventAccepted();
      return reply.code(202).type('application/json; charset=utf-8').send(ACCEPTED);
    },
  );

  app.post<{ Params: { id: string }; Body: { status: 'ON' | 'OFF' } }>(
    '/riders/:id/duty', routeSchema({ params: riderIdParams, body: dutyBody }),
    async (request) => {
      const id = Number(request.params.id);
      const r = await backend.setDuty(id, request.body.status);
      if (r === null) throw ridersErrors.riderNotFound(id);
      return r;
    },
  );

  app.get<{ Params: { id: string } }>('/riders/:id', routeSchema({ params: riderIdParams }), async (request) => {
    const id = Number(request.params.id);
    const state = await backend.riderState(id);
    if (state === null) throw ridersErrors.riderNotFound(id);
    return state;
  });

  app.get<{ Params: { city: string } }>('/cities/:city/riders/active', routeSchema({ params: cityParams }), async (request) =>
    backend.activeRiders(knownCity(request.params.city)));

  app.post<{ Params: { id: string }; Body: { amount: number; entry_type: EntryType } }>(
    '/riders/:id/wallet', routeSchema({ params: riderIdParams, body: walletBody }),
    async (request, reply) => {
      const id = Number(request.params.id);
      const paise = paiseOf(request.body.amount);
      if (Number.isNaN(paise)) throw ridersErrors.invalidAmount(request.body.amount);
      const r = await backend.walletEntry(id, paise, request.body.entry_type);
      if ('refused' in r) throw r.refused === 'not_found' ? ridersErrors.riderNotFound(id) : ridersErrors.insufficientBalance(r.balance);
      return reply.code(201).send(r);
    },
  );

  app.get<{ Params: { city: string } }>('/cities/:city/leaderboard', routeSchema({ params: cityParams }), async (request) =>
    backend.leaderboard(knownCity(request.params.city)));

  app.post<{ Params: { city: string } }>('/cities/:city/orders/next', routeSchema({ params: cityParams }), async (request) => {
    const city = knownCity(request.params.city);
    const order = await backend.assignNext(city);
    if (order === null) throw ridersErrors.noPendingOrders(city);
    return order;
  });
}
