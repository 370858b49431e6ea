/*
 * GET /schools/:code/students?q=&page=&pageSize=: a page of the school's students in name order, optionally
 * filtered by a search text (seed 001 1.2). Optimized filters and pages in SQL; naive fetches the school's
 * students and filters and pages in JavaScript (the plan's applyClientFilters). Same document.
 */
import type { FastifyInstance } from 'fastify';
import type { SchoolReads } from '../reads/SchoolReads.ts';
import { schoolParamsSchema } from '../validation/analyticsQuery.ts';
import { routeSchema } from '../validation/routeSchema.ts';
import { parseStudentsQuery, studentsQuerySchema, type StudentsQuerystring } from '../validation/studentsQuery.ts';
import { sendRead } from './sendJson.ts';

export function studentsRoute(app: FastifyInstance, reads: SchoolReads): void {
  app.get<{ Params: { code: string }; Querystring: StudentsQuerystring }>(
    '/schools/:code/students',
    routeSchema({ params: schoolParamsSchema, querystring: studentsQuerySchema }),
    async (request, reply) => {
      const q = parseStudentsQuery(request.params.code, request.query);
      return sendRead(reply, q.schoolCode, await reads.students(q));
    },
  );
}
