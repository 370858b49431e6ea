/*
 * Background reports (seed 001 3.1): POST /schools/:code/reports [{from, to}] queues a term report and answers
 * 202 {jobId} at once; GET /jobs/:id answers the job's status, attempts, last error and, once completed, its
 * result. The worker (jobs/JobWorker.ts) runs in the API process. Without from/to the report covers the
 * school's current academic year.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/Database.ts';
import type { ApiLogger } from '../../platform/log/ApiLogger.ts';
import { schoolErrors } from '../errors/schoolErrors.ts';
import { jobStatements } from '../jobs/jobStatements.ts';
import type { JobWorker } from '../jobs/JobWorker.ts';
import { runQuery } from '../queries/runQuery.ts';
import { schoolParamsSchema } from '../validation/analyticsQuery.ts';
import { parseDateRange } from '../validation/calendarDate.ts';
import { routeSchema } from '../validation/routeSchema.ts';
import { jobParamsSchema, reportBodySchema, type ReportBody } from '../validation/writeBodies.ts';
import { JSON_TYPE } from './sendJson.ts';

/** A report spans at most a school year and a bit. */
const MAX_REPORT_DAYS = 400;

/**
 * runInRequest: the naive variant's "before" (plan 3.1: heavy operations "block user requests"): the report is
 * computed inside the POST, which still answers 202 {jobId} (the same contract) once it is done.
 */
export function reportJobRoutes(app: FastifyInstance, db: Database, opts: { runInRequest?: JobWorker | undefined; log: ApiLogger }): void {
  app.post<{ Params: { code: string }; Body: ReportBody | undefined }>(
    '/schools/:code/reports',
    {
      // No body at all means "the current year", like {}.
      preValidation: async (request) => {
        if (request.body === undefined || request.body === null) request.body = {};
      },
      ...routeSchema({ params: schoolParamsSchema, body: reportBodySchema }),
    },
    async (request, reply) => {
      const { code } = request.params;
      const body = request.body ?? {};
      const range = body.from !== undefined && body.to !== undefined ? parseDateRange(body.from, body.to, MAX_REPORT_DAYS) : null;
      const row = (await runQuery<{ id: string }>(db, jobStatements.enqueueReport(code, range?.from ?? null, range?.to ?? null))).rows[0];
      if (row === undefined) throw schoolErrors.schoolNotFound(code);
      // The job row is committed: if running it here fails, the worker retries it, so the answer is still 202.
      await opts.runInRequest?.runJob(row.id).catch((err: unknown) => opts.log.error(`school job ${row.id}: in-request run failed; the worker will retry it`, err));
      return reply.code(202).type(JSON_TYPE).send(JSON.stringify({ jobId: Number(row.id) }));
    },
  );

  app.get<{ Params: { id: string } }>('/jobs/:id', routeSchema({ params: jobParamsSchema }), async (request, reply) => {
    const body = (await runQuery<{ body: string }>(db, jobStatements.status(request.params.id))).rows[0]?.body;
    if (body === undefined) throw schoolErrors.jobNotFound(request.params.id);
    return reply.type(JSON_TYPE).send(JSON.stringify(JSON.parse(body)));
  });
}
