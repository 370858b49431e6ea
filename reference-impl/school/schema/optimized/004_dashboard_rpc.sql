-- Plan 1.4: the dashboard's 6+ queries consolidated into one RPC (one round trip, one statement).
-- {"school": {id, code, name, city}, "asOf",
--  "counts": {students, classes, subjects},
--  "tasks": {total, completed, pending, overdue, dueNext7Days}            (from mv_tasks_analytics)
--  "attendance": {"today": {date, present, absent, late, total, rate},
--                 "thisWeek": {from, to, present, absent, late, total, rate}}  (live rows: marked today)
--  "recentTests": [{testId, testName, className, subjectName, testDate, avgScore, participationCount}] (5)
--  "upcomingTasks": [{taskId, title, classInstanceId, subjectId, dueDate}] (5)}
-- Unknown code -> NULL. p_as_of is "today" (tests pass a fixed day).
CREATE OR REPLACE FUNCTION get_school_dashboard(p_school_code text, p_as_of date DEFAULT CURRENT_DATE)
RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'school', json_build_object('id', s.id, 'code', s.school_code, 'name', s.name, 'city', s.city),
    'asOf', p_as_of,
    'counts', json_build_object(
      'students', (SELECT count(*) FROM student WHERE school_id = s.id),
      'classes', (SELECT count(*) FROM class_instances WHERE school_id = s.id),
      'subjects', (SELECT count(*) FROM subjects WHERE school_id = s.id)
    ),
    'tasks', (
      SELECT json_build_object(
        'total', count(*),
        'completed', count(*) FILTER (WHERE status = 'completed'),
        'pending', count(*) FILTER (WHERE status = 'pending'),
        'overdue', count(*) FILTER (WHERE status = 'overdue'),
        'dueNext7Days', count(*) FILTER (WHERE due_date >= p_as_of AND due_date < p_as_of + 7)
      ) FROM mv_tasks_analytics WHERE school_id = s.id
    ),
    'attendance', (
      SELECT json_build_object(
        'today', json_build_object(
          'date', p_as_of,
          'present', count(*) FILTER (WHERE a.date = p_as_of AND a.status = 'present'),
          'absent', count(*) FILTER (WHERE a.date = p_as_of AND a.status = 'absent'),
          'late', count(*) FILTER (WHERE a.date = p_as_of AND a.status = 'late'),
          'total', count(*) FILTER (WHERE a.date = p_as_of),
          'rate', round(coalesce(count(*) FILTER (WHERE a.date = p_as_of AND a.status = 'present')::numeric
                                 / NULLIF(count(*) FILTER (WHERE a.date = p_as_of), 0) * 100, 0), 2)
        ),
        'thisWeek', json_build_object(
          'from', date_trunc('week', p_as_of)::date,
          'to', p_as_of,
          'present', count(*) FILTER (WHERE a.status = 'present'),
          'absent', count(*) FILTER (WHERE a.status = 'absent'),
          'late', count(*) FILTER (WHERE a.status = 'late'),
          'total', count(*),
          'rate', round(coalesce(count(*) FILTER (WHERE a.status = 'present')::numeric / NULLIF(count(*), 0) * 100, 0), 2)
        )
      )
      FROM attendance a
      WHERE a.class_instance_id IN (SELECT id FROM class_instances WHERE school_id = s.id)
        AND a.date >= date_trunc('week', p_as_of)::date AND a.date <= p_as_of
    ),
    'recentTests', (
      SELECT coalesce(json_agg(json_build_object(
        'testId', r.test_id,
        'testName', r.test_name,
        'className', r.grade || COALESCE(' - ' || r.section, ''),
        'subjectName', r.subject_name,
        'testDate', r.test_date,
        'avgScore', round(r.avg_score, 2),
        'participationCount', r.participation_count
      ) ORDER BY r.test_date DESC, r.test_id DESC), '[]'::json)
      FROM (
        SELECT * FROM mv_academics_analytics
        WHERE school_id = s.id AND test_date <= p_as_of
        ORDER BY test_date DESC, test_id DESC LIMIT 5
      ) r
    ),
    'upcomingTasks', (
      SELECT coalesce(json_agg(json_build_object(
        'taskId', u.id,
        'title', u.title,
        'classInstanceId', u.class_instance_id,
        'subjectId', u.subject_id,
        'dueDate', u.due_date
      ) ORDER BY u.due_date, u.id), '[]'::json)
      FROM (
        SELECT id, title, class_instance_id, subject_id, due_date FROM tasks
        WHERE school_id = s.id AND due_date >= p_as_of AND is_active
        ORDER BY due_date, id LIMIT 5
      ) u
    )
  )
  FROM schools s WHERE s.school_code = p_school_code
$$;
