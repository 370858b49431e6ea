/*
 * GET /schools/:code/dashboard: the school's dashboard (seed 001 1.4). Optimized: get_school_dashboard, one
 * round trip, cached; naive: six queries assembled in JavaScript. Same document either way.
 */
import type { FastifyInstance } from 'fastify';
import type { SchoolReads } from '../reads/SchoolReads.ts';
import { schoolParamsSchema } from '../validation/analyticsQuery.ts';
import { routeSchema } from '../validation/routeSchema.ts';
import { sendRead } from './sendJson.ts';

export function dashboardRoute(app: FastifyInstance, reads: SchoolReads): void {
  app.get<{ Params: { code: string } }>('/schools/:code/dashboard', routeSchema({ params: schoolParamsSchema }), async (request, reply) => {
    const { code } = request.params;
    return sendRead(reply, code, await reads.dashboard(code));
  });
}
