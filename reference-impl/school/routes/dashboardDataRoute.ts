/*
 * GET /schools/:code/users/:userId/dashboard?class=: one user's dashboard, seed 001 1.4's get_dashboard_data
 * (role-aware stats, recent activity, upcoming events, fee, task and syllabus overviews). Optimized: the RPC,
 * one round trip; naive: the role, then one query per widget. 404 for an unknown school, a user who is not
 * the school's, or a class that is not the school's; 403 when a student asks for another class; 400 for
 * malformed ids. The school dashboard (GET /schools/:code/dashboard) is unchanged.
 */
import type { FastifyInstance } from 'fastify';
import type { DashboardDataRead } from '../reads/dashboardDataReads.ts';
import {
  dashboardDataParamsSchema, dashboardDataQuerySchema, parseDashboardDataQuery, type DashboardDataParams, type DashboardDataQuerystring,
} from '../validation/dashboardDataQuery.ts';
import { routeSchema } from '../validation/routeSchema.ts';
import { sendRead } from './sendJson.ts';

export function dashboardDataRoute(app: FastifyInstance, read: DashboardDataRead): void {
  app.get<{ Params: DashboardDataParams; Querystring: DashboardDataQuerystring }>(
    '/schools/:code/users/:userId/dashboard',
    routeSchema({ params: dashboardDataParamsSchema, querystring: dashboardDataQuerySchema }),
    async (request, reply) => {
      const q = parseDashboardDataQuery(request.params, request.query);
      return sendRead(reply, q.schoolCode, await read(q));
    },
  );
}
