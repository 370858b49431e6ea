-- Plan 1.4 as written: get_dashboard_data(p_user_id, p_school_code, p_class_instance_id), the dashboard's
-- 6+ queries consolidated into one function (one round trip, one statement). The plan's body is a sketch
-- (`json_agg(...)`, `-- Fee data`); this one fills it in over schema/shared/006_dashboard_tables.sql:
--   {"user": {id, role}, "scope": {schoolCode, classInstanceId, studentId}, "asOf",
--    "stats"            role-aware: a student's tasksDue, tasksSubmitted, attendanceRate; staff's students,
--                       classes, teachers, submissionsLast7Days in their scope
--    "recentActivity"   10 latest tasks set, tests held, resources posted (recent_activity_view)
--    "upcomingEvents"   next 5 school_calendar_events from today
--    "feeOverview"      invoices, totalDue, totalPaid, outstanding, overdue
--    "taskOverview"     total, pastDue, dueNext7Days, next 5 due
--    "syllabusOverview" per subject: topics, completed, percent}
-- Scope: a student sees their class and their own fee; a teacher their class (or p_class_instance_id); an
-- admin the school (or p_class_instance_id). Unknown school -> NULL; user not of that school ->
-- {"notFound": "user"}; a class not of that school -> {"notFound": "class"}; a student asking for another
-- class -> {"forbidden": "class"}. p_as_of is "today" (tests pass a fixed day). The naive variant runs the
-- same sections as separate queries (queries/dashboardDataStatements.ts); test/school/dashboardData.test.ts
-- checks both give the same document.
CREATE OR REPLACE FUNCTION get_dashboard_data(
  p_user_id bigint,
  p_school_code text,
  p_class_instance_id bigint DEFAULT NULL,
  p_as_of date DEFAULT CURRENT_DATE
)
RETURNS json LANGUAGE plpgsql STABLE AS $$
DECLARE
  result json;
  v_school bigint;
  v_role text;
  v_user_class bigint;
  v_student bigint;
  v_class bigint;
BEGIN
  SELECT id INTO v_school FROM schools WHERE school_code = p_school_code;
  IF NOT FOUND THEN RETURN NULL; END IF;

  -- Get user role
  SELECT role, class_instance_id, student_id INTO v_role, v_user_class, v_student
  FROM users WHERE id = p_user_id AND school_id = v_school;
  IF NOT FOUND THEN RETURN json_build_object('notFound', 'user'); END IF;

  IF p_class_instance_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM class_instances WHERE id = p_class_instance_id AND school_id = v_school) THEN
    RETURN json_build_object('notFound', 'class');
  END IF;
  IF v_role = 'student' AND p_class_instance_id IS NOT NULL AND p_class_instance_id <> v_user_class THEN
    RETURN json_build_object('forbidden', 'class');
  END IF;
  v_class := CASE WHEN v_role = 'admin' THEN p_class_instance_id ELSE coalesce(p_class_instance_id, v_user_class) END;

  SELECT json_build_object(
    'user', json_build_object('id', p_user_id, 'role', v_role),
    'scope', json_build_object('schoolCode', p_school_code, 'classInstanceId', v_class, 'studentId', v_student),
    'asOf', p_as_of,
    'stats', CASE WHEN v_role = 'student' THEN json_build_object(
        'tasksDue', (SELECT count(*) FROM tasks WHERE class_instance_id = v_class AND is_active AND due_date <= p_as_of),
        'tasksSubmitted', (SELECT count(*) FROM task_submissions ts JOIN tasks t ON t.id = ts.task_id
                            WHERE ts.student_id = v_student AND t.is_active AND t.due_date <= p_as_of),
        'attendanceRate', (SELECT round(coalesce(count(*) FILTER (WHERE status = 'present')::numeric / NULLIF(count(*), 0) * 100, 0), 2)
                            FROM attendance WHERE student_id = v_student AND date <= p_as_of))
      ELSE json_build_object(
        'students', (SELECT count(*) FROM student WHERE school_id = v_school AND (v_class IS NULL OR class_instance_id = v_class)),
        'classes', (SELECT count(*) FROM class_instances WHERE school_id = v_school AND (v_class IS NULL OR id = v_class)),
        'teachers', (SELECT count(*) FROM school_staff WHERE school_id = v_school AND role = 'teacher' AND (v_class IS NULL OR class_instance_id = v_class)),
        'submissionsLast7Days', (SELECT count(*) FROM task_submissions ts JOIN tasks t ON t.id = ts.task_id
                                  WHERE t.school_id = v_school AND (v_class IS NULL OR t.class_instance_id = v_class)
                                    AND ts.submitted_at >= (p_as_of - 7)::timestamp AT TIME ZONE 'UTC'
                                    AND ts.submitted_at < (p_as_of + 1)::timestamp AT TIME ZONE 'UTC'))
      END,
    'recentActivity', (SELECT coalesce(json_agg(json_build_object(
          'kind', r.kind, 'id', r.item_id, 'classInstanceId', r.class_instance_id, 'title', r.title,
          'occurredAt', to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
        ) ORDER BY r.occurred_at DESC, r.kind, r.item_id DESC), '[]'::json)
      FROM (SELECT * FROM recent_activity_view
             WHERE school_id = v_school AND (v_class IS NULL OR class_instance_id = v_class)
               AND occurred_at < (p_as_of + 1)::timestamp AT TIME ZONE 'UTC'
             ORDER BY occurred_at DESC, kind, item_id DESC LIMIT 10) r),
    'upcomingEvents', (SELECT coalesce(json_agg(json_build_object(
          'id', e.id, 'title', e.title, 'type', e.event_type, 'startDate', e.start_date, 'endDate', e.end_date
        ) ORDER BY e.start_date, e.id), '[]'::json)
      FROM (SELECT * FROM school_calendar_events WHERE school_id = v_school AND start_date >= p_as_of
             ORDER BY start_date, id LIMIT 5) e),
    'feeOverview', (SELECT json_build_object(
          'invoices', count(*), 'totalDue', coalesce(sum(amount_due), 0), 'totalPaid', coalesce(sum(amount_paid), 0),
          'outstanding', coalesce(sum(amount_due - amount_paid), 0),
          'overdue', count(*) FILTER (WHERE amount_paid < amount_due AND due_date < p_as_of))
      FROM fee_invoices
      WHERE school_id = v_school AND (v_student IS NULL OR student_id = v_student) AND (v_class IS NULL OR class_instance_id = v_class)),
    'taskOverview', (SELECT json_build_object(
          'total', count(*),
          'pastDue', count(*) FILTER (WHERE due_date < p_as_of),
          'dueNext7Days', count(*) FILTER (WHERE due_date >= p_as_of AND due_date < p_as_of + 7),
          'next', (SELECT coalesce(json_agg(json_build_object(
                      'taskId', n.id, 'title', n.title, 'classInstanceId', n.class_instance_id, 'dueDate', n.due_date
                    ) ORDER BY n.due_date, n.id), '[]'::json)
                   FROM (SELECT id, title, class_instance_id, due_date FROM tasks
                          WHERE school_id = v_school AND is_active AND (v_class IS NULL OR class_instance_id = v_class) AND due_date >= p_as_of
                          ORDER BY due_date, id LIMIT 5) n))
      FROM tasks WHERE school_id = v_school AND is_active AND (v_class IS NULL OR class_instance_id = v_class)),
    'syllabusOverview', (SELECT coalesce(json_agg(json_build_object(
          'subjectId', x.subject_id, 'subjectName', x.subject_name, 'topics', x.topics, 'completed', x.completed, 'percent', x.percent
        ) ORDER BY x.subject_id), '[]'::json)
      FROM (SELECT st.subject_id, sj.subject_name, count(*) AS topics,
                   count(*) FILTER (WHERE st.completed_on <= p_as_of) AS completed,
                   round(count(*) FILTER (WHERE st.completed_on <= p_as_of) * 100.0 / count(*), 2) AS percent
              FROM syllabus_topics st JOIN subjects sj ON sj.id = st.subject_id
             WHERE st.school_id = v_school AND (v_class IS NULL OR st.class_instance_id = v_class)
             GROUP BY st.subject_id, sj.subject_name) x)
  ) INTO result;
  RETURN result;
END $$;
