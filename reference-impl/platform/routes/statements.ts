/*
 * GET /_scaleproof/statements?top=N: the API's hottest statement shapes with one real example each
 * (StatementSampler), for the harness to EXPLAIN after a run. Like /metrics, it is for the harness, not users.
 */
import type { FastifyInstance } from 'fastify';
import type { StatementSampler } from '../db/StatementSampler.ts';
import { HttpError, quote } from '../errors/httpErrors.ts';

export function statementsRoute(app: FastifyInstance, sampler: StatementSampler): void {
  app.get<{ Querystring: { top?: string } }>('/_scaleproof/statements', async (request) => {
    const raw = request.query.top ?? '10';
    const top = Number(raw);
    if (!Number.isInteger(top) || top < 1 || top > 100) throw new HttpError(400, 'INVALID_TOP', `top ${quote(raw)} is not allowed; use a whole number from 1 to 100.`);
    return { statements: sampler.top(top) };
  });
}
