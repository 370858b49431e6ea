/*
 * The optimized variant's reads (seed 001 as written): each is ONE round trip. Dashboard and analytics call the
 * plan's RPC functions (schema/optimized/003-004), which return NULL for an unknown school code; students are
 * filtered and paged in SQL (plan 1.2) over the (school_id, full_name) index. Named statements: pg parses and
 * plans each once per connection. Values are always bound, never spliced in.
 */
import type pg from 'pg';
import type { AnalyticsQuery } from '../validation/analyticsQuery.ts';
import type { StudentsQuery } from '../validation/studentsQuery.ts';
import { likePattern } from './likePattern.ts';

// ::text: the JSON document as Postgres wrote it; the API normalizes it once, on the cache miss.
const DASHBOARD = 'SELECT get_school_dashboard($1)::text AS body';
const TASKS = 'SELECT get_tasks_analytics($1, $2::date, $3::date, $4::bigint, NULL, $5::int)::text AS body';
const ACADEMICS = 'SELECT get_academics_analytics($1, $2::date, $3::date, $4::bigint, $5::bigint, $6::int)::text AS body';
const ATTENDANCE = 'SELECT get_attendance_analytics($1, $2::date, $3::date, $4::bigint)::text AS body';

// One row per student of the page plus one (hasMore); a school with no match gives one row of NULLs; an
// unknown school no row at all (404).
const STUDENTS = `
SELECT st.id::text, st.student_code, st.full_name, st.email, st.phone, st.class_instance_id::text
FROM schools sc
LEFT JOIN LATERAL (
  SELECT id, student_code, full_name, email, phone, class_instance_id
  FROM student
  WHERE school_id = sc.id
    AND ($2::text IS NULL OR full_name ILIKE $2 OR email ILIKE $2 OR student_code ILIKE $2)
  ORDER BY full_name, id
  LIMIT $3 OFFSET $4
) st ON true
WHERE sc.school_code = $1`;

const REFRESH_VIEWS = 'SELECT refresh_school_analytics_views()';

export const optimizedStatements = {
  dashboard: (code: string): pg.QueryConfig => ({ name: 'sp_school_dashboard_rpc', text: DASHBOARD, values: [code] }),
  tasks: (q: AnalyticsQuery): pg.QueryConfig =>
    ({ name: 'sp_school_tasks_rpc', text: TASKS, values: [q.schoolCode, q.from, q.to, q.classId, q.limit] }),
  academics: (q: AnalyticsQuery): pg.QueryConfig =>
    ({ name: 'sp_school_academics_rpc', text: ACADEMICS, values: [q.schoolCode, q.from, q.to, q.classId, q.subjectId, q.limit] }),
  attendance: (q: AnalyticsQuery): pg.QueryConfig =>
    ({ name: 'sp_school_attendance_rpc', text: ATTENDANCE, values: [q.schoolCode, q.from, q.to, q.classId] }),
  students: (q: StudentsQuery): pg.QueryConfig => ({
    name: 'sp_school_students_page',
    text: STUDENTS,
    values: [q.schoolCode, q.q === null ? null : likePattern(q.q), q.pageSize + 1, (q.page - 1) * q.pageSize],
  }),
  refreshViews: (): pg.QueryConfig => ({ name: 'sp_school_refresh_views', text: REFRESH_VIEWS }),
};
