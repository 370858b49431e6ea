/*
 * The naive variant's reads (seed 001's "before"): raw rows fetched with plain filters, aggregated, ranked,
 * filtered and paged in JavaScript; the dashboard's widgets are six separate queries (the school first, then
 * five at once, as a page's hooks fire on mount); no materialized views, no RPCs, no cache. Every request
 * first resolves the school code (unknown: 404).
 */
import type pg from 'pg';
import type { Database } from '../../platform/db/Database.ts';
import { schoolErrors } from '../errors/schoolErrors.ts';
import { naiveStatements as s, type SchoolRow } from '../queries/naiveStatements.ts';
import { resourceStatements, type ResourceRow } from '../queries/resourceStatements.ts';
import { runQuery } from '../queries/runQuery.ts';
import type { ReadResult, SchoolReads } from '../reads/SchoolReads.ts';
import { newestFirst, resourcesDocument } from '../reads/resourcesDocument.ts';
import { studentsPage, type StudentRow } from '../reads/studentsPage.ts';
import { academicsAnalyticsDocument, type MarkRow, type TestRow } from './academicsAnalytics.ts';
import { attendanceAnalyticsDocument, type AttendanceRow } from './attendanceAnalytics.ts';
import { dashboardDocument, type DashboardRows } from './dashboardDocument.ts';
import { weekStart } from './rowTools.ts';
import { tasksAnalyticsDocument, type SubmissionRow, type TaskRow } from './tasksAnalytics.ts';

const unique = (ids: readonly string[]) => [...new Set(ids)];

export function naiveReads(db: Database): SchoolReads {
  const rows = async <R>(q: pg.QueryConfig): Promise<R[]> => (await runQuery(db, q)).rows as R[];
  const school = async (code: string) => (await rows<SchoolRow>(s.school(code)))[0];
  const json = (doc: object): ReadResult => ({ body: JSON.stringify(doc) });

  return {
    async dashboard(code) {
      const sc = await school(code);
      if (sc === undefined) return null;
      const [counts, tasks, attendance, recentTests, upcoming] = await Promise.all([
        rows<DashboardRows['counts']>(s.dashCounts(sc.id)),
        rows<DashboardRows['tasks'][number]>(s.dashTasks(sc.id)),
        rows<DashboardRows['attendance'][number]>(s.dashAttendance(sc.id, weekStart(sc.today), sc.today)),
        rows<DashboardRows['recentTests'][number]>(s.dashRecentTests(sc.id, sc.today)),
        rows<DashboardRows['upcoming'][number]>(s.dashUpcoming(sc.id, sc.today)),
      ]);
      return json(dashboardDocument({ school: sc, counts: counts[0]!, tasks, attendance, recentTests, upcoming }));
    },

    async tasksAnalytics(q) {
      const sc = await school(q.schoolCode);
      if (sc === undefined) return null;
      const tasks = await rows<TaskRow>(s.tasks(sc.id, q.from, q.to, q.classId));
      const [submissions, students] = await Promise.all([
        rows<SubmissionRow>(s.submissions(tasks.map((t) => t.id))),
        rows<{ class_instance_id: string }>(s.studentClasses(unique(tasks.map((t) => t.class_instance_id)))),
      ]);
      return json(tasksAnalyticsDocument(q, sc.school_code, sc.today, tasks, submissions, students));
    },

    async academicsAnalytics(q) {
      const sc = await school(q.schoolCode);
      if (sc === undefined) return null;
      const tests = await rows<TestRow>(s.tests(sc.id, q.from, q.to, q.classId, q.subjectId));
      const [marks, students] = await Promise.all([
        rows<MarkRow>(s.marks(tests.map((t) => t.id))),
        rows<{ class_instance_id: string }>(s.studentClasses(unique(tests.map((t) => t.class_instance_id)))),
      ]);
      return json(academicsAnalyticsDocument(q, sc.school_code, tests, marks, students));
    },

    async attendanceAnalytics(q) {
      const sc = await school(q.schoolCode);
      if (sc === undefined) return null;
      const marks = await rows<AttendanceRow>(s.attendance(sc.id, q.from, q.to, q.classId));
      return json(attendanceAnalyticsDocument(q, sc.school_code, marks));
    },

    // Plan 1.2's "before": every student of the school, then the filter and the page in JavaScript.
    async students(q) {
      const sc = await school(q.schoolCode);
      if (sc === undefined) return null;
      const all = await rows<StudentRow>(s.studentsOfSchool(sc.id));
      const matching = q.q === null ? all : all.filter((r) => matches(r, q.q!));
      const start = (q.page - 1) * q.pageSize;
      return { body: studentsPage(q, matching.slice(start, start + q.pageSize + 1)) };
    },

    // Plan 1.3's "before" (api.resources.getAll): the school's classes, then one query per class, in turn.
    async resources(q) {
      const classes = await rows<{ class_id: string | null }>(resourceStatements.classesOfSchool(q.schoolCode));
      if (classes.length === 0) return null;
      const ids = classes.flatMap((c) => (c.class_id === null ? [] : [c.class_id]));
      const wanted = q.classId === null ? ids : ids.filter((id) => Number(id) === q.classId);
      if (q.classId !== null && wanted.length === 0) throw schoolErrors.classNotFound(q.schoolCode, q.classId);
      const all: ResourceRow[] = [];
      for (const id of wanted) all.push(...(await rows<ResourceRow>(resourceStatements.ofClass(id, q.limit))));
      return { body: resourcesDocument(q, all.sort(newestFirst).slice(0, q.limit)) };
    },
  };
}

/** ILIKE '%q%' on name, email or code; q is already lower-case. */
function matches(r: StudentRow, q: string): boolean {
  return r.full_name.toLowerCase().includes(q) || r.email.toLowerCase().includes(q) || r.student_code.toLowerCase().includes(q);
}
