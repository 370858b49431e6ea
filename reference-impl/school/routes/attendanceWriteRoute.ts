/*
 * POST /attendance {student_id, class_instance_id, date, status}: marks one student's attendance for a day.
 * 201 when the mark is new, 200 when it replaced the day's earlier mark; 404 when the student is not in that
 * class. The optimized variant's cached analytics and dashboard are NOT invalidated: they expire by TTL (see
 * reads/optimizedReads.ts for why).
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/Database.ts';
import { schoolErrors } from '../errors/schoolErrors.ts';
import { runQuery } from '../queries/runQuery.ts';
import { writeStatements, type MarkOutcome } from '../queries/writeStatements.ts';
import { parseCalendarDate } from '../validation/calendarDate.ts';
import { routeSchema } from '../validation/routeSchema.ts';
import { attendanceBodySchema, type AttendanceBody } from '../validation/writeBodies.ts';
import { JSON_TYPE } from './sendJson.ts';

export function attendanceWriteRoute(app: FastifyInstance, db: Database): void {
  app.post<{ Body: AttendanceBody }>('/attendance', routeSchema({ body: attendanceBodySchema }), async (request, reply) => {
    const body = request.body;
    parseCalendarDate('date', body.date);
    const outcome = (await runQuery<MarkOutcome>(db, writeStatements.markAttendance(body))).rows[0];
    if (outcome === undefined || outcome.students === 0) throw schoolErrors.studentNotInClass(body.student_id, body.class_instance_id);
    const created = outcome.inserted > 0;
    return reply.code(created ? 201 : 200).type(JSON_TYPE).send(JSON.stringify({
      studentId: body.student_id, classInstanceId: body.class_instance_id, date: body.date, status: body.status, created,
    }));
  });
}
