/*
 * The naive variant's user dashboard (plan 1.4's "before": "Dashboard makes 6+ queries on mount"): the user's
 * role first, then one query per widget, each a separate round trip. Each widget's SELECT is the same
 * expression as that section of get_dashboard_data (schema/optimized/006_dashboard_data_rpc.sql), with
 * $1 school id, $2 class in scope, $3 student (a student's own fee), $4 today, $5 role; the two are kept equal by
 * test/school/dashboardData.test.ts, which compares both variants' documents.
 */
import type pg from 'pg';

// One row per known school; role NULL: the user is not one of that school's.
const ACCESS = `
SELECT sc.id::text AS school_id, CURRENT_DATE::text AS today, u.role, u.class_instance_id::text AS user_class,
       u.student_id::text AS student_id,
       ($3::bigint IS NULL OR EXISTS (SELECT 1 FROM class_instances WHERE id = $3::bigint AND school_id = sc.id)) AS class_ok
FROM schools sc LEFT JOIN users u ON u.id = $2::bigint AND u.school_id = sc.id
WHERE sc.school_code = $1`;

// Types all five parameters: a widget need not use each, and Postgres refuses a parameter it cannot type.
const PARAMS = '(SELECT $1::bigint, $2::bigint, $3::bigint, $4::date, $5::text) AS params';

/** The widgets, in the document's order. */
export const DASHBOARD_SECTIONS = {
  stats: `SELECT (CASE WHEN $5::text = 'student' THEN json_build_object(
    'tasksDue', (SELECT count(*) FROM tasks WHERE class_instance_id = $2::bigint AND is_active AND due_date <= $4::date),
    'tasksSubmitted', (SELECT count(*) FROM task_submissions ts JOIN tasks t ON t.id = ts.task_id
                        WHERE ts.student_id = $3::bigint AND t.is_active AND t.due_date <= $4::date),
    'attendanceRate', (SELECT round(coalesce(count(*) FILTER (WHERE status = 'present')::numeric / NULLIF(count(*), 0) * 100, 0), 2)
                        FROM attendance WHERE student_id = $3::bigint AND date <= $4::date))
  ELSE json_build_object(
    'students', (SELECT count(*) FROM student WHERE school_id = $1::bigint AND ($2::bigint IS NULL OR class_instance_id = $2::bigint)),
    'classes', (SELECT count(*) FROM class_instances WHERE school_id = $1::bigint AND ($2::bigint IS NULL OR id = $2::bigint)),
    'teachers', (SELECT count(*) FROM school_staff WHERE school_id = $1::bigint AND role = 'teacher' AND ($2::bigint IS NULL OR class_instance_id = $2::bigint)),
    'submissionsLast7Days', (SELECT count(*) FROM task_submissions ts JOIN tasks t ON t.id = ts.task_id
                              WHERE t.school_id = $1::bigint AND ($2::bigint IS NULL OR t.class_instance_id = $2::bigint)
                                AND ts.submitted_at >= ($4::date - 7)::timestamp AT TIME ZONE 'UTC'
                                AND ts.submitted_at < ($4::date + 1)::timestamp AT TIME ZONE 'UTC'))
  END)::text AS body FROM ${PARAMS}`,
  recentActivity: `SELECT (SELECT coalesce(json_agg(json_build_object(
      'kind', r.kind, 'id', r.item_id, 'classInstanceId', r.class_instance_id, 'title', r.title,
      'occurredAt', to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    ) ORDER BY r.occurred_at DESC, r.kind, r.item_id DESC), '[]'::json)
  FROM (SELECT * FROM recent_activity_view
         WHERE school_id = $1::bigint AND ($2::bigint IS NULL OR class_instance_id = $2::bigint)
           AND occurred_at < ($4::date + 1)::timestamp AT TIME ZONE 'UTC'
         ORDER BY occurred_at DESC, kind, item_id DESC LIMIT 10) r)::text AS body FROM ${PARAMS}`,
  upcomingEvents: `SELECT (SELECT coalesce(json_agg(json_build_object(
      'id', e.id, 'title', e.title, 'type', e.event_type, 'startDate', e.start_date, 'endDate', e.end_date
    ) ORDER BY e.start_date, e.id), '[]'::json)
  FROM (SELECT * FROM school_calendar_events WHERE school_id = $1::bigint AND start_date >= $4::date
         ORDER BY start_date, id LIMIT 5) e)::text AS body FROM ${PARAMS}`,
  feeOverview: `SELECT (SELECT json_build_object(
      'invoices', count(*), 'totalDue', coalesce(sum(amount_due), 0), 'totalPaid', coalesce(sum(amount_paid), 0),
      'outstanding', coalesce(sum(amount_due - amount_paid), 0),
      'overdue', count(*) FILTER (WHERE amount_paid < amount_due AND due_date < $4::date))
  FROM fee_invoices
  WHERE school_id = $1::bigint AND ($3::bigint IS NULL OR student_id = $3::bigint) AND ($2::bigint IS NULL OR class_instance_id = $2::bigint))::text AS body FROM ${PARAMS}`,
  taskOverview: `SELECT (SELECT json_build_object(
      'total', count(*),
      'pastDue', count(*) FILTER (WHERE due_date < $4::date),
      'dueNext7Days', count(*) FILTER (WHERE due_date >= $4::date AND due_date < $4::date + 7),
      'next', (SELECT coalesce(json_agg(json_build_object(
                  'taskId', n.id, 'title', n.title, 'classInstanceId', n.class_instance_id, 'dueDate', n.due_date
                ) ORDER BY n.due_date, n.id), '[]'::json)
               FROM (SELECT id, title, class_instance_id, due_date FROM tasks
                      WHERE school_id = $1::bigint AND is_active AND ($2::bigint IS NULL OR class_instance_id = $2::bigint) AND due_date >= $4::date
                      ORDER BY due_date, id LIMIT 5) n))
  FROM tasks WHERE school_id = $1::bigint AND is_active AND ($2::bigint IS NULL OR class_instance_id = $2::bigint))::text AS body FROM ${PARAMS}`,
  syllabusOverview: `SELECT (SELECT coalesce(json_agg(json_build_object(
      'subjectId', x.subject_id, 'subjectName', x.subject_name, 'topics', x.topics, 'completed', x.completed, 'percent', x.percent
    ) ORDER BY x.subject_id), '[]'::json)
  FROM (SELECT st.subject_id, sj.subject_name, count(*) AS topics,
               count(*) FILTER (WHERE st.completed_on <= $4::date) AS completed,
               round(count(*) FILTER (WHERE st.completed_on <= $4::date) * 100.0 / count(*), 2) AS percent
          FROM syllabus_topics st JOIN subjects sj ON sj.id = st.subject_id
         WHERE st.school_id = $1::bigint AND ($2::bigint IS NULL OR st.class_instance_id = $2::bigint)
         GROUP BY st.subject_id, sj.subject_name) x)::text AS body FROM ${PARAMS}`,
} as const;

export type DashboardSection = keyof typeof DASHBOARD_SECTIONS;

export interface AccessRow {
  school_id: string;
  today: string;
  role: 'admin' | 'teacher' | 'student' | null;
  user_class: string | null;
  student_id: string | null;
  class_ok: boolean;
}

export interface SectionScope {
  schoolId: string;
  classId: string | null;
  studentId: string | null;
  asOf: string;
  role: string;
}

export const dashboardDataStatements = {
  access: (schoolCode: string, userId: number, classId: number | null): pg.QueryConfig =>
    ({ name: 'sp_school_naive_dashboard_access', text: ACCESS, values: [schoolCode, userId, classId] }),
  section: (name: DashboardSection, s: SectionScope): pg.QueryConfig =>
    ({ name: `sp_school_naive_dashboard_${name}`, text: DASHBOARD_SECTIONS[name], values: [s.schoolId, s.classId, s.studentId, s.asOf, s.role] }),
  /** The optimized variant's one round trip. */
  rpc: (schoolCode: string, userId: number, classId: number | null): pg.QueryConfig =>
    ({ name: 'sp_school_dashboard_data_rpc', text: 'SELECT get_dashboard_data($1, $2, $3)::text AS body', values: [userId, schoolCode, classId] }),
};
