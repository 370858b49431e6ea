/*
 * The school workload's endpoint table (seed 001: school dashboards, analytics, attendance and task writes,
 * report jobs). Pure (no Node imports, only layout.ts): the Node driver, the generic k6 script and the reports
 * all read this one table.
 *
 * A key is a student id (1..users, drawn Zipf): every id a request names (school code, class, subject, task)
 * and its date range come from scenarios/school/layout.ts, so each request is a pure function of the key and
 * names real rows. Dates are relative to today (AS_OF_MS, fixed when the module loads), as the seeder's term is:
 * the seeder reuses a dataset for a few days, and ranges then still fall mostly inside its term.
 * Analytics send x-user-id = the student id: the student (or a parent on their account) is the user.
 *
 * Default mix: seed 001's per-minute load for 1M users ("Read Queries 100,000+/min", "Write Queries
 * 10,000+/min", "Analytics Queries 1,000+/min"), so reads:writes:analytics = 100:10:1 and the weights below are
 * requests per minute. The splits inside each class are ours (the plan gives none): dashboards are the read
 * the plan consolidates (1.4: the school's, and a seventh of them one user's get_dashboard_data, taken from the
 * school dashboards' 70,000 when it was added), student lists the one it pages (1.2), resource lists the N+1 it fixes (1.3, a
 * tenth of the reads, taken from the student lists' 30,000 when it was added); attendance is the daily write,
 * submissions follow homework, reports are rare; the three analytics routes share their 1,000 about evenly.
 */
import type { EndpointTable } from '../Scenario.ts';
import { adminUserId, classIdOfStudent, dateRangeOfKey, isoDate, keysOfStudent, startOfUtcDayMs, studentCode, teacherUserId } from './layout.ts';

export const defaultSchoolMix: Readonly<Record<string, number>> = Object.freeze({
  dashboard: 60_000,
  user_dashboard: 10_000,
  students: 20_000,
  resources: 10_000,
  attendance_write: 6_000,
  task_submission: 3_900,
  report_job: 100,
  tasks_analytics: 400,
  academics_analytics: 300,
  attendance_analytics: 300,
});

/** Today 00:00 UTC when the module loaded: the day attendance is marked for, and the end of the seeded term. */
const AS_OF_MS = startOfUtcDayMs(Date.now());
const TODAY = isoDate(AS_OF_MS);
const JSON_HEADERS = { 'content-type': 'application/json' };
const STATUSES = ['present', 'present', 'present', 'present', 'present', 'present', 'present', 'present', 'absent', 'late'] as const;

// Analytics are rate limited per user (seed 001 3.3: 10 per minute); a hot key's user goes over, and its 429s
// are expected answers, not failures. thresholds/school.ts reports the share of 429s as its own rate
// (http_reqs{status:429}) and keeps them out of http_req_failed, whose < 0.1% is the plan's error target.
const ANALYTICS_STATUSES = [200, 429];

function analyticsPath(kind: string, key: number, extra: string): string {
  const k = keysOfStudent(key);
  const { from, to } = dateRangeOfKey(key, AS_OF_MS);
  return `/schools/${k.schoolCode}/analytics/${kind}?from=${from}&to=${to}${extra}`;
}

/** Every endpoint the workload knows; the mix decides which run. */
export const schoolEndpoints: EndpointTable = Object.freeze<EndpointTable>({
  dashboard: {
    name: 'dashboard',
    route: 'GET /schools/:code/dashboard',
    expectedStatuses: [200],
    request: (key: number) => ({ method: 'GET', path: `/schools/${keysOfStudent(key).schoolCode}/dashboard` }),
  },
  user_dashboard: {
    name: 'user_dashboard',
    route: 'GET /schools/:code/users/:userId/dashboard',
    expectedStatuses: [200],
    // Mostly students (the user is the key's student); one in 10 the class's teacher, one in 100 the principal.
    request: (key: number) => {
      const k = keysOfStudent(key);
      const user = key % 100 === 0 ? adminUserId(k.schoolId) : key % 10 === 0 ? teacherUserId(k.classId) : key;
      return { method: 'GET', path: `/schools/${k.schoolCode}/users/${user}/dashboard` };
    },
  },
  students: {
    name: 'students',
    route: 'GET /schools/:code/students',
    expectedStatuses: [200],
    // A third open the first page, a third page through the list, a third search by a code prefix (10 matches).
    request: (key: number) => {
      const code = keysOfStudent(key).schoolCode;
      const query = key % 3 === 0 ? '' : key % 3 === 1 ? `?page=${(key % 20) + 1}&pageSize=50` : `?q=${studentCode(key).slice(0, 9)}`;
      return { method: 'GET', path: `/schools/${code}/students${query}` };
    },
  },
  resources: {
    name: 'resources',
    route: 'GET /schools/:code/resources',
    expectedStatuses: [200],
    // Half list the whole school's (the plan's getAll: one query vs one per class), half the student's class.
    request: (key: number) => {
      const k = keysOfStudent(key);
      return { method: 'GET', path: `/schools/${k.schoolCode}/resources${key % 2 === 0 ? `?class=${k.classId}` : ''}` };
    },
  },
  tasks_analytics: {
    name: 'tasks_analytics',
    route: 'GET /schools/:code/analytics/tasks',
    expectedStatuses: ANALYTICS_STATUSES,
    // Half the requests look at the student's class, half at the whole school.
    request: (key: number) => ({
      method: 'GET',
      path: analyticsPath('tasks', key, key % 2 === 0 ? `&class=${classIdOfStudent(key)}` : ''),
      headers: { 'x-user-id': String(key) },
    }),
  },
  academics_analytics: {
    name: 'academics_analytics',
    route: 'GET /schools/:code/analytics/academics',
    expectedStatuses: ANALYTICS_STATUSES,
    request: (key: number) => {
      const k = keysOfStudent(key);
      const extra = key % 3 === 0 ? `&class=${k.classId}` : key % 3 === 1 ? `&subject=${k.subjectId}` : '';
      return { method: 'GET', path: analyticsPath('academics', key, extra), headers: { 'x-user-id': String(key) } };
    },
  },
  attendance_analytics: {
    name: 'attendance_analytics',
    route: 'GET /schools/:code/analytics/attendance',
    expectedStatuses: ANALYTICS_STATUSES,
    request: (key: number) => ({
      method: 'GET',
      path: analyticsPath('attendance', key, key % 2 === 0 ? `&class=${classIdOfStudent(key)}` : ''),
      headers: { 'x-user-id': String(key) },
    }),
  },
  attendance_write: {
    name: 'attendance_write',
    route: 'POST /attendance',
    // 201 for the day's first mark of the student (the seeded term leaves today unmarked), 200 when it replaces it.
    expectedStatuses: [200, 201],
    request: (key: number) => ({
      method: 'POST',
      path: '/attendance',
      headers: JSON_HEADERS,
      body: JSON.stringify({ student_id: key, class_instance_id: classIdOfStudent(key), date: TODAY, status: STATUSES[key % STATUSES.length] }),
    }),
  },
  task_submission: {
    name: 'task_submission',
    route: 'POST /tasks/:id/submissions',
    // 201 for a new submission, 200 when the student had already submitted that task (idempotent).
    expectedStatuses: [200, 201],
    request: (key: number) => ({
      method: 'POST',
      path: `/tasks/${keysOfStudent(key).taskId}/submissions`,
      headers: JSON_HEADERS,
      body: JSON.stringify({ student_id: key }),
    }),
  },
  report_job: {
    name: 'report_job',
    route: 'POST /schools/:code/reports',
    expectedStatuses: [202],
    request: (key: number) => ({ method: 'POST', path: `/schools/${keysOfStudent(key).schoolCode}/reports`, headers: JSON_HEADERS, body: '{}' }),
  },
});

/** The fixed export every workload endpoints module has: the generic k6 script's entry file imports this name. */
export const endpoints = schoolEndpoints;
