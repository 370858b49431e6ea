/*
 * The three analytics routes (seed 001 1.1), all behind the same gate (x-user-id, then the per-user rate limit
 * of 3.3) and the same query rules (from/to required, at most MAX_RANGE_DAYS):
 *   GET /schools/:code/analytics/tasks?from&to[&class][&limit]
 *   GET /schools/:code/analytics/academics?from&to[&class][&subject][&limit]
 *   GET /schools/:code/analytics/attendance?from&to[&class]
 */
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import type { SchoolReads } from '../reads/SchoolReads.ts';
import {
  analyticsQuerySchema, parseAnalyticsQuery, schoolParamsSchema, type AnalyticsQuery, type AnalyticsQuerystring,
} from '../validation/analyticsQuery.ts';
import { routeSchema } from '../validation/routeSchema.ts';
import { sendRead } from './sendJson.ts';

const ROUTES = [
  { kind: 'tasks', fields: ['class', 'limit'], read: (r: SchoolReads, q: AnalyticsQuery) => r.tasksAnalytics(q) },
  { kind: 'academics', fields: ['class', 'subject', 'limit'], read: (r: SchoolReads, q: AnalyticsQuery) => r.academicsAnalytics(q) },
  { kind: 'attendance', fields: ['class'], read: (r: SchoolReads, q: AnalyticsQuery) => r.attendanceAnalytics(q) },
] as const;

export function analyticsRoutes(app: FastifyInstance, reads: SchoolReads, guard: onRequestHookHandler): void {
  for (const route of ROUTES) {
    app.get<{ Params: { code: string }; Querystring: AnalyticsQuerystring }>(
      `/schools/:code/analytics/${route.kind}`,
      { onRequest: guard, ...routeSchema({ params: schoolParamsSchema, querystring: analyticsQuerySchema(route.fields) }) },
      async (request, reply) => {
        // Filters the route does not take are dropped by the schema (removeAdditional), so they never vary the key.
        const q = parseAnalyticsQuery(request.params.code, request.query);
        return sendRead(reply, q.schoolCode, await route.read(reads, q));
      },
    );
  }
}
