/* Every route of the school API, the same for both variants: what differs is passed in (reads, job runner). */
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import type { Database } from '../../platform/db/Database.ts';
import type { ApiLogger } from '../../platform/log/ApiLogger.ts';
import type { JobWorker } from '../jobs/JobWorker.ts';
import type { DashboardDataRead } from '../reads/dashboardDataReads.ts';
import type { SchoolReads } from '../reads/SchoolReads.ts';
import { analyticsRoutes } from './analyticsRoutes.ts';
import { attendanceWriteRoute } from './attendanceWriteRoute.ts';
import { dashboardDataRoute } from './dashboardDataRoute.ts';
import { dashboardRoute } from './dashboardRoute.ts';
import { reportJobRoutes } from './reportJobRoutes.ts';
import { resourcesRoute } from './resourcesRoute.ts';
import { studentsRoute } from './studentsRoute.ts';
import { taskSubmissionRoute } from './taskSubmissionRoute.ts';

export interface SchoolRouteDeps {
  reads: SchoolReads;
  /** One user's dashboard (plan 1.4's get_dashboard_data). */
  dashboardData: DashboardDataRead;
  /** The primary: writes and job rows. */
  db: Database;
  /** x-user-id and the rate limit, before the analytics routes. */
  analyticsGuard: onRequestHookHandler;
  /** Set: reports are computed inside the POST (naive). */
  runReportsInRequest?: JobWorker | undefined;
  log: ApiLogger;
}

export function schoolRoutes(app: FastifyInstance, deps: SchoolRouteDeps): void {
  dashboardRoute(app, deps.reads);
  dashboardDataRoute(app, deps.dashboardData);
  analyticsRoutes(app, deps.reads, deps.analyticsGuard);
  studentsRoute(app, deps.reads);
  resourcesRoute(app, deps.reads);
  attendanceWriteRoute(app, deps.db);
  taskSubmissionRoute(app, deps.db);
  reportJobRoutes(app, deps.db, { runInRequest: deps.runReportsInRequest, log: deps.log });
}
