/*
 * POST /tasks/:id/submissions {student_id}: records that a student submitted a task of their class.
 * 201 with the new submission; a repeat answers 200 with the submission already recorded (idempotent, so a
 * client retry or a double tap is not an error, and the first submission time, which decides "on time",
 * stays). 404 for an unknown or inactive task, an unknown student, or a student of another class.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/Database.ts';
import { schoolErrors } from '../errors/schoolErrors.ts';
import { runQuery } from '../queries/runQuery.ts';
import { writeStatements, type SubmissionRow } from '../queries/writeStatements.ts';
import { routeSchema } from '../validation/routeSchema.ts';
import { submissionBodySchema, taskParamsSchema, type SubmissionBody } from '../validation/writeBodies.ts';
import { JSON_TYPE } from './sendJson.ts';

export function taskSubmissionRoute(app: FastifyInstance, db: Database): void {
  app.post<{ Params: { id: string }; Body: SubmissionBody }>(
    '/tasks/:id/submissions',
    routeSchema({ params: taskParamsSchema, body: submissionBodySchema }),
    async (request, reply) => {
      const taskId = Number(request.params.id);
      const studentId = request.body.student_id;
      let row = (await runQuery<SubmissionRow>(db, writeStatements.submitTask(taskId, studentId))).rows[0];
      if (row === undefined) throw schoolErrors.taskNotOpenToStudent(taskId, studentId);
      if (row.submitted_at === null) row = (await runQuery<SubmissionRow>(db, writeStatements.existingSubmission(taskId, studentId))).rows[0] ?? row;
      return reply.code(row.created ? 201 : 200).type(JSON_TYPE).send(JSON.stringify({
        taskId,
        studentId,
        submittedAt: row.submitted_at,
        created: row.created,
      }));
    },
  );
}
