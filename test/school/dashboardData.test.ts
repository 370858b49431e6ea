/*
 * Seed 001 1.4 as written: get_dashboard_data(p_user_id, p_school_code, p_class_instance_id) answers one
 * user's dashboard (role-aware stats, recent activity, upcoming events, fee, task and syllabus overviews) in
 * ONE round trip (optimized) where the "before" made one query per widget after the user's role (7). Statements
 * are counted by the API's per-route counter (the test Postgres does not preload pg_stat_statements). Both
 * variants answer the same bytes; each section is checked against the tables; bad input is 4xx.
 */
import { describe, expect, it } from 'vitest';
import {
  CLASSES_PER_SCHOOL, EVENTS_PER_SCHOOL, STUDENTS_PER_CLASS, STUDENTS_PER_SCHOOL, SUBJECTS_PER_SCHOOL, SYLLABUS_TOPICS_PER_SUBJECT,
  adminUserId, classIdOfStudent, classIdsOfSchool, teacherUserId,
} from '../../scenarios/school/layout.ts';
import { routeStatements } from '../helpers/routeStatements.ts';
import { bothSchoolApis, TEST_STUDENTS } from './helpers/schoolTestApi.ts';

const NAME = 'school dashboard data';
const ROUTE = '/schools/:code/users/:userId/dashboard';
const STUDENT = 57; // school 1, class 2
const OTHER_CLASS = classIdsOfSchool(1, TEST_STUDENTS).first + 9;
const SCHOOL2_CLASS = classIdsOfSchool(2, TEST_STUDENTS).first;

interface Doc {
  user: { id: number; role: string };
  scope: { schoolCode: string; classInstanceId: number | null; studentId: number | null };
  asOf: string;
  stats: Record<string, number>;
  recentActivity: Array<{ kind: string; id: number; classInstanceId: number | null; occurredAt: string }>;
  upcomingEvents: Array<{ id: number; startDate: string; endDate: string; type: string }>;
  feeOverview: { invoices: number; totalDue: number; totalPaid: number; outstanding: number; overdue: number };
  taskOverview: { total: number; pastDue: number; dueNext7Days: number; next: Array<{ dueDate: string; classInstanceId: number }> };
  syllabusOverview: Array<{ subjectId: number; topics: number; completed: number; percent: number }>;
}

describe(NAME, () => {
  const school = bothSchoolApis(NAME);

  async function get(variant: 'naive' | 'optimized', url: string): Promise<{ statements: number; body: string; doc: Doc }> {
    const api = school.apis[variant];
    const before = await routeStatements(api.app, `GET ${ROUTE}`);
    const res = await api.app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return { statements: (await routeStatements(api.app, `GET ${ROUTE}`)) - before, body: res.body, doc: JSON.parse(res.body) as Doc };
  }

  const dash = (user: number, extra = '', school = 'SCH00001') => `/schools/${school}/users/${user}/dashboard${extra}`;
  const cases = [
    ['a student', dash(STUDENT)],
    ['a student naming their own class', dash(STUDENT, `?class=${classIdOfStudent(STUDENT)}`)],
    ['a teacher', dash(teacherUserId(OTHER_CLASS))],
    ['a teacher looking at another class', dash(teacherUserId(OTHER_CLASS), `?class=${classIdOfStudent(STUDENT)}`)],
    ['the principal', dash(adminUserId(1))],
    ['the principal looking at one class', dash(adminUserId(1), `?class=${OTHER_CLASS}`)],
    ['a principal of the second school', dash(adminUserId(2), '', 'SCH00002')],
  ] as const;

  it.each(cases)('%s: the optimized dashboard is one round trip, the naive one seven (role, then six widgets), and both send the same bytes (counted by the API\'s per-route counter, pg_stat_statements is not preloaded here)', async (_who, url) => {
    const naive = await get('naive', url);
    const optimized = await get('optimized', url);
    expect(optimized.statements).toBe(1);
    expect(naive.statements).toBe(7);
    expect(optimized.body).toBe(naive.body);
  });

  it('a student sees their class, their own fee and their own stats, checked against the tables', async () => {
    const { doc } = await get('optimized', dash(STUDENT));
    const c = await school.db.client('optimized');
    const cls = classIdOfStudent(STUDENT);
    expect(doc.user).toEqual({ id: STUDENT, role: 'student' });
    expect(doc.scope).toEqual({ schoolCode: 'SCH00001', classInstanceId: cls, studentId: STUDENT });
    const fee = (await c.query<{ due: string; paid: string }>('SELECT amount_due::text AS due, amount_paid::text AS paid FROM fee_invoices WHERE student_id = $1', [STUDENT])).rows[0]!;
    expect(doc.feeOverview.invoices).toBe(1);
    expect(doc.feeOverview.totalDue).toBe(Number(fee.due));
    expect(doc.feeOverview.totalPaid).toBe(Number(fee.paid));
    const own = (await c.query<{ submitted: number; rate: string }>(
      `SELECT (SELECT count(*) FROM task_submissions ts JOIN tasks t ON t.id = ts.task_id WHERE ts.student_id = $1 AND t.is_active AND t.due_date <= CURRENT_DATE)::int AS submitted,
              (SELECT round(100.0 * count(*) FILTER (WHERE status = 'present') / count(*), 2) FROM attendance WHERE student_id = $1)::text AS rate`, [STUDENT],
    )).rows[0]!;
    expect(doc.stats.tasksSubmitted).toBe(own.submitted);
    expect(doc.stats.tasksSubmitted).toBeGreaterThan(0);
    expect(doc.stats.attendanceRate).toBe(Number(own.rate));
    expect(doc.stats.tasksDue).toBeGreaterThanOrEqual(doc.stats.tasksSubmitted!);
    expect(doc.syllabusOverview).toHaveLength(SUBJECTS_PER_SCHOOL);
    for (const s of doc.syllabusOverview) expect(s.topics).toBe(SYLLABUS_TOPICS_PER_SUBJECT);
    expect(doc.taskOverview.next.every((t) => t.classInstanceId === cls && t.dueDate >= doc.asOf)).toBe(true);
    expect(doc.recentActivity.every((a) => a.classInstanceId === cls)).toBe(true);
  });

  it('a teacher sees their class and the principal the whole school, with counts that match the tables', async () => {
    const teacher = (await get('optimized', dash(teacherUserId(OTHER_CLASS)))).doc;
    expect(teacher.user.role).toBe('teacher');
    expect(teacher.scope.classInstanceId).toBe(OTHER_CLASS);
    expect(teacher.stats).toMatchObject({ students: STUDENTS_PER_CLASS, classes: 1, teachers: 1 });
    expect(teacher.feeOverview.invoices).toBe(STUDENTS_PER_CLASS);

    const admin = (await get('optimized', dash(adminUserId(1)))).doc;
    expect(admin.user.role).toBe('admin');
    expect(admin.scope.classInstanceId).toBeNull();
    expect(admin.stats).toMatchObject({ students: STUDENTS_PER_SCHOOL, classes: CLASSES_PER_SCHOOL, teachers: CLASSES_PER_SCHOOL });
    const c = await school.db.client('optimized');
    const fees = (await c.query<{ due: string; paid: string; overdue: number }>(
      `SELECT sum(amount_due)::text AS due, sum(amount_paid)::text AS paid, count(*) FILTER (WHERE amount_paid < amount_due AND due_date < CURRENT_DATE)::int AS overdue
         FROM fee_invoices WHERE school_id = 1`,
    )).rows[0]!;
    expect(admin.feeOverview).toEqual({
      invoices: STUDENTS_PER_SCHOOL, totalDue: Number(fees.due), totalPaid: Number(fees.paid), outstanding: Number(fees.due) - Number(fees.paid), overdue: fees.overdue,
    });
    expect(admin.feeOverview.outstanding).toBeGreaterThan(0);
    const tasks = (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM tasks WHERE school_id = 1 AND is_active')).rows[0]!.n;
    expect(admin.taskOverview.total).toBe(tasks);
    for (const s of admin.syllabusOverview) expect(s.topics).toBe(SYLLABUS_TOPICS_PER_SUBJECT * CLASSES_PER_SCHOOL);
    expect(admin.syllabusOverview.some((s) => s.completed > 0 && s.completed < s.topics)).toBe(true);
  });

  it('upcoming events are the next five from today in date order, recent activity the ten latest before tomorrow', async () => {
    const { doc } = await get('optimized', dash(adminUserId(1)));
    const c = await school.db.client('optimized');
    const future = (await c.query<{ id: string }>('SELECT id::text FROM school_calendar_events WHERE school_id = 1 AND start_date >= CURRENT_DATE ORDER BY start_date, id LIMIT 5')).rows;
    expect(future.length).toBeGreaterThan(0);
    expect(future.length).toBeLessThanOrEqual(EVENTS_PER_SCHOOL);
    expect(doc.upcomingEvents.map((e) => String(e.id))).toEqual(future.map((r) => r.id));
    expect(doc.recentActivity).toHaveLength(10);
    const times = doc.recentActivity.map((a) => a.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(times.every((t) => t.slice(0, 10) <= doc.asOf)).toBe(true);
  });

  for (const variant of ['naive', 'optimized'] as const) {
    it(`${variant}: unknown school, user or class is 404, a student asking for another class 403, malformed ids 400`, async () => {
      const api = school.apis[variant];
      const bad: Array<[string, number, string]> = [
        [dash(STUDENT, '', 'SCH99999'), 404, 'SCHOOL_NOT_FOUND'],
        [dash(TEST_STUDENTS + 5), 404, 'USER_NOT_FOUND'],
        [dash(1500), 404, 'USER_NOT_FOUND'], // a student of the second school
        [dash(adminUserId(2)), 404, 'USER_NOT_FOUND'],
        [dash(adminUserId(1), `?class=${SCHOOL2_CLASS}`), 404, 'CLASS_NOT_FOUND'],
        [dash(teacherUserId(OTHER_CLASS), '?class=999999'), 404, 'CLASS_NOT_FOUND'],
        [dash(STUDENT, `?class=${OTHER_CLASS}`), 403, 'CLASS_NOT_ALLOWED'],
        ['/schools/SCH00001/users/abc/dashboard', 400, 'INVALID_PARAMS'],
        ['/schools/SCH00001/users/0/dashboard', 400, 'INVALID_PARAMS'],
        [dash(STUDENT, '?class=x1'), 400, 'INVALID_QUERYSTRING'],
      ];
      for (const [url, status, code] of bad) {
        const res = await api.app.inject({ method: 'GET', url });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
        expect((res.json() as { error: { code: string } }).error.code, url).toBe(code);
      }
    });
  }
});
