/*
 * GET /schools/:code/resources?class=&limit=: the learning resources of a school's classes, newest first
 * (seed 001 1.3). Optimized: one query; naive: one query per class (the plan's N+1). Same document.
 * 404 for an unknown school or a class that is not the school's; 400 for a malformed class or limit.
 */
import type { FastifyInstance } from 'fastify';
import type { SchoolReads } from '../reads/SchoolReads.ts';
import { schoolParamsSchema } from '../validation/analyticsQuery.ts';
import { parseResourcesQuery, resourcesQuerySchema, type ResourcesQuerystring } from '../validation/resourcesQuery.ts';
import { routeSchema } from '../validation/routeSchema.ts';
import { sendRead } from './sendJson.ts';

export function resourcesRoute(app: FastifyInstance, reads: SchoolReads): void {
  app.get<{ Params: { code: string }; Querystring: ResourcesQuerystring }>(
    '/schools/:code/resources',
    routeSchema({ params: schoolParamsSchema, querystring: resourcesQuerySchema }),
    async (request, reply) => {
      const q = parseResourcesQuery(request.params.code, request.query);
      return sendRead(reply, q.schoolCode, await reads.resources(q));
    },
  );
}
