/*
 * The statements an API has issued while serving one route, from its own /metrics counter
 * (scaleproof_route_db_statements_total{route="GET /path/:param"}): the test Postgres does not preload
 * pg_stat_statements, and that could not attribute statements to routes anyway.
 */
import type { FastifyInstance } from 'fastify';

/** `route` as the counter labels it: method, space, route template (`GET /schools/:code/resources`). */
export async function routeStatements(app: FastifyInstance, route: string): Promise<number> {
  const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
  const line = text.split('\n').find((l) => l.startsWith('scaleproof_route_db_statements_total') && l.includes(`"${route}"`));
  return line === undefined ? 0 : Number(line.split(' ').pop());
}
