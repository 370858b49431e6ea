-- Plan 1.1 step 1: the three analytics materialized views, refreshed every 5 minutes (the plan's pg_cron job;
-- here the API's periodic task calls refresh_school_analytics_views()). Adapted to these tables:
-- * school_id and academic_year_id are carried so the RPCs filter on the view's own index, not via a join;
-- * the plan's tasks view joins submissions x students of the class (COUNT(DISTINCT) over 40 x 36 rows per
--   task); here both are counted first and joined per task, which gives the same numbers without the fan-out;
-- * every GROUP BY names all its columns, so no view depends on a primary key the seeder drops for a load;
-- * each view has a UNIQUE index, which REFRESH MATERIALIZED VIEW CONCURRENTLY requires.
-- "On time" = submitted before the end of the due date, UTC (the plan compares submitted_at <= due_date).

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_tasks_analytics AS
SELECT
  t.id AS task_id,
  t.title AS task_name,
  t.school_id,
  t.academic_year_id,
  t.class_instance_id,
  t.subject_id,
  t.due_date,
  ci.grade,
  ci.section,
  s.subject_name,
  coalesce(sub.submitted_count, 0) AS submitted_count,
  coalesce(cs.total_students, 0) AS total_students,
  coalesce(sub.on_time_count, 0) AS on_time_count,
  CASE
    WHEN coalesce(sub.submitted_count, 0) >= coalesce(cs.total_students, 0) THEN 'completed'
    WHEN CURRENT_DATE > t.due_date THEN 'overdue'
    ELSE 'pending'
  END AS status,
  CASE
    WHEN coalesce(sub.submitted_count, 0) > 0 THEN sub.on_time_count::numeric / sub.submitted_count * 100
    ELSE 0
  END AS on_time_rate
FROM tasks t
JOIN class_instances ci ON ci.id = t.class_instance_id
LEFT JOIN subjects s ON s.id = t.subject_id
LEFT JOIN (
  SELECT ts.task_id,
         count(*) AS submitted_count,   -- one row per (task, student): primary key
         count(*) FILTER (WHERE ts.submitted_at < ((tt.due_date + 1)::timestamp AT TIME ZONE 'UTC')) AS on_time_count
  FROM task_submissions ts
  JOIN tasks tt ON tt.id = ts.task_id
  GROUP BY ts.task_id
) sub ON sub.task_id = t.id
LEFT JOIN (
  SELECT class_instance_id, count(*) AS total_students FROM student GROUP BY class_instance_id
) cs ON cs.class_instance_id = t.class_instance_id
WHERE t.is_active;

CREATE UNIQUE INDEX IF NOT EXISTS mv_tasks_analytics_task_id_key ON mv_tasks_analytics (task_id);
-- The plan's two indexes were (class_instance_id, due_date DESC) and (class_instance_id) INCLUDE (...); the
-- RPCs and the dashboard select a school's tasks in a date range, optionally one class: this one serves both.
CREATE INDEX IF NOT EXISTS idx_mv_tasks_analytics_school_date ON mv_tasks_analytics (school_id, due_date DESC);

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_academics_analytics AS
SELECT
  t.id AS test_id,
  t.title AS test_name,
  t.school_id,
  t.academic_year_id,
  t.class_instance_id,
  t.subject_id,
  t.test_date,
  s.subject_name,
  ci.grade,
  ci.section,
  coalesce(cs.class_size, 0) AS class_size,
  count(*) AS participation_count,      -- one row per (test, student): primary key
  avg((tm.marks_obtained::numeric / NULLIF(tm.max_marks, 0)) * 100) AS avg_score,
  sum(tm.marks_obtained) AS total_marks,
  sum(tm.max_marks) AS total_max_marks,
  count(*) AS submission_count
FROM test_marks tm
JOIN tests t ON t.id = tm.test_id
JOIN class_instances ci ON ci.id = t.class_instance_id
LEFT JOIN subjects s ON s.id = t.subject_id
LEFT JOIN (
  SELECT class_instance_id, count(*) AS class_size FROM student GROUP BY class_instance_id
) cs ON cs.class_instance_id = t.class_instance_id
GROUP BY t.id, t.title, t.school_id, t.academic_year_id, t.class_instance_id, t.subject_id, t.test_date,
         s.subject_name, ci.grade, ci.section, cs.class_size;

CREATE UNIQUE INDEX IF NOT EXISTS mv_academics_analytics_test_id_key ON mv_academics_analytics (test_id);
-- Adapted from the plan's (class_instance_id, test_id) and (subject_id): the RPC selects by school and date.
CREATE INDEX IF NOT EXISTS idx_mv_academics_analytics_school_date ON mv_academics_analytics (school_id, test_date DESC);

-- Attendance per class per day. Counted per (class, date) before the join, so 25,000 classes are joined to
-- half a million groups rather than to every attendance row.
CREATE MATERIALIZED VIEW IF NOT EXISTS mv_attendance_analytics AS
SELECT
  a.class_instance_id,
  a.date,
  ci.school_id,
  ci.school_code,
  ci.grade,
  ci.section,
  a.present_count,
  a.absent_count,
  a.late_count,
  a.total_count,
  (a.present_count::numeric / NULLIF(a.total_count, 0)) * 100 AS attendance_rate
FROM (
  SELECT class_instance_id, date,
         count(*) FILTER (WHERE status = 'present') AS present_count,
         count(*) FILTER (WHERE status = 'absent') AS absent_count,
         count(*) FILTER (WHERE status = 'late') AS late_count,
         count(*) AS total_count
  FROM attendance
  GROUP BY class_instance_id, date
) a
JOIN class_instances ci ON ci.id = a.class_instance_id;

-- Doubles as the plan's idx_mv_attendance_analytics_class_date.
CREATE UNIQUE INDEX IF NOT EXISTS mv_attendance_analytics_class_date_key ON mv_attendance_analytics (class_instance_id, date);
-- The plan's (school_code, date DESC), by id: the RPC resolves the code once.
CREATE INDEX IF NOT EXISTS idx_mv_attendance_analytics_school_date ON mv_attendance_analytics (school_id, date DESC);

-- The plan's three refresh functions, and one that refreshes all three (what the periodic task calls).
-- CONCURRENTLY: readers keep the old contents during the refresh instead of waiting on its lock.
CREATE OR REPLACE FUNCTION refresh_tasks_analytics() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  REFRESH MATERIALIZED VIEW CONCURRENTLY mv_tasks_analytics;
END $$;

CREATE OR REPLACE FUNCTION refresh_academics_analytics() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  REFRESH MATERIALIZED VIEW CONCURRENTLY mv_academics_analytics;
END $$;

CREATE OR REPLACE FUNCTION refresh_attendance_analytics() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  REFRESH MATERIALIZED VIEW CONCURRENTLY mv_attendance_analytics;
END $$;

CREATE OR REPLACE FUNCTION refresh_school_analytics_views() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  REFRESH MATERIALIZED VIEW CONCURRENTLY mv_tasks_analytics;
  REFRESH MATERIALIZED VIEW CONCURRENTLY mv_academics_analytics;
  REFRESH MATERIALIZED VIEW CONCURRENTLY mv_attendance_analytics;
END $$;
