-- Plan 1.1 step 2: analytics as RPC functions over the materialized views, one JSON document per call.
-- Common parameters: the school's code (unknown code -> NULL, which the API turns into 404), a date range
-- (inclusive; tasks by due date, tests by test date, attendance by day), an optional class and subject
-- (NULL = all), and p_limit rows in the ranked / daily list. The plan's p_academic_year_id is left out:
-- a school has one current year here, and the date range already picks the term.
-- Rates are percentages rounded to 2 decimals.

-- {"schoolCode", "startDate", "endDate",
--  "aggregation": {totalTasks, completedTasks, pendingTasks, overdueTasks, avgOnTimeRate, totalSubmissions},
--  "rankedRows": [{rank, data: {taskId, taskName, className, subjectName, dueDate, submittedCount,
--                                totalStudents, onTimeRate, status}}]}  (best on-time rate first)
CREATE OR REPLACE FUNCTION get_tasks_analytics(
  p_school_code text,
  p_start_date date,
  p_end_date date,
  p_class_instance_id bigint DEFAULT NULL,
  p_subject_id bigint DEFAULT NULL,
  p_limit integer DEFAULT 50
) RETURNS json LANGUAGE sql STABLE AS $$
  WITH sel AS (
    SELECT m.*
    FROM mv_tasks_analytics m
    WHERE m.school_id = (SELECT id FROM schools WHERE school_code = p_school_code)
      AND m.due_date BETWEEN p_start_date AND p_end_date
      AND (p_class_instance_id IS NULL OR m.class_instance_id = p_class_instance_id)
      AND (p_subject_id IS NULL OR m.subject_id = p_subject_id)
  )
  SELECT json_build_object(
    'schoolCode', sc.school_code,
    'startDate', p_start_date,
    'endDate', p_end_date,
    'aggregation', (
      SELECT json_build_object(
        'totalTasks', count(*),
        'completedTasks', count(*) FILTER (WHERE status = 'completed'),
        'pendingTasks', count(*) FILTER (WHERE status = 'pending'),
        'overdueTasks', count(*) FILTER (WHERE status = 'overdue'),
        'avgOnTimeRate', round(coalesce(avg(on_time_rate), 0), 2),
        'totalSubmissions', coalesce(sum(submitted_count), 0)
      ) FROM sel
    ),
    'rankedRows', (
      SELECT coalesce(json_agg(json_build_object(
        'rank', r.rank,
        'data', json_build_object(
          'taskId', r.task_id,
          'taskName', r.task_name,
          'className', r.grade || COALESCE(' - ' || r.section, ''),
          'subjectName', r.subject_name,
          'dueDate', r.due_date,
          'submittedCount', r.submitted_count,
          'totalStudents', r.total_students,
          'onTimeRate', round(r.on_time_rate, 2),
          'status', r.status
        )
      ) ORDER BY r.rank), '[]'::json)
      FROM (
        SELECT row_number() OVER (ORDER BY on_time_rate DESC, task_id) AS rank, sel.*
        FROM sel ORDER BY on_time_rate DESC, task_id LIMIT p_limit
      ) r
    )
  )
  FROM schools sc WHERE sc.school_code = p_school_code
$$;

-- {"schoolCode", "startDate", "endDate",
--  "aggregation": {totalTests, totalStudents, avgScore, participationRate},
--  "rankedRows": [{rank, data: {testId, testName, className, subjectName, testDate, avgScore,
--                                participationCount}}]}  (best average first)
-- totalStudents: students enrolled in the classes of the selected tests; participationRate: marks recorded
-- over seats (class size per test) -- the plan divided by a fixed 30 students per test.
CREATE OR REPLACE FUNCTION get_academics_analytics(
  p_school_code text,
  p_start_date date,
  p_end_date date,
  p_class_instance_id bigint DEFAULT NULL,
  p_subject_id bigint DEFAULT NULL,
  p_limit integer DEFAULT 50
) RETURNS json LANGUAGE sql STABLE AS $$
  WITH sel AS (
    SELECT m.*
    FROM mv_academics_analytics m
    WHERE m.school_id = (SELECT id FROM schools WHERE school_code = p_school_code)
      AND m.test_date BETWEEN p_start_date AND p_end_date
      AND (p_class_instance_id IS NULL OR m.class_instance_id = p_class_instance_id)
      AND (p_subject_id IS NULL OR m.subject_id = p_subject_id)
  )
  SELECT json_build_object(
    'schoolCode', sc.school_code,
    'startDate', p_start_date,
    'endDate', p_end_date,
    'aggregation', (
      SELECT json_build_object(
        'totalTests', count(*),
        'totalStudents', coalesce((SELECT sum(class_size) FROM (SELECT DISTINCT class_instance_id, class_size FROM sel) c), 0),
        'avgScore', round(coalesce(avg(avg_score), 0), 2),
        'participationRate', round(coalesce(sum(participation_count)::numeric / NULLIF(sum(class_size), 0) * 100, 0), 2)
      ) FROM sel
    ),
    'rankedRows', (
      SELECT coalesce(json_agg(json_build_object(
        'rank', r.rank,
        'data', json_build_object(
          'testId', r.test_id,
          'testName', r.test_name,
          'className', r.grade || COALESCE(' - ' || r.section, ''),
          'subjectName', r.subject_name,
          'testDate', r.test_date,
          'avgScore', round(r.avg_score, 2),
          'participationCount', r.participation_count
        )
      ) ORDER BY r.rank), '[]'::json)
      FROM (
        SELECT row_number() OVER (ORDER BY avg_score DESC, test_id) AS rank, sel.*
        FROM sel ORDER BY avg_score DESC, test_id LIMIT p_limit
      ) r
    )
  )
  FROM schools sc WHERE sc.school_code = p_school_code
$$;

-- {"schoolCode", "startDate", "endDate",
--  "aggregation": {totalDays, avgAttendanceRate, totalPresent, totalAbsent, totalLate, totalRecords},
--  "dailyBreakdown": [{date, attendanceRate, presentCount, absentCount, lateCount, totalCount}]}
-- avgAttendanceRate is the mean of the per-class-per-day rates (as the plan); dailyBreakdown sums the
-- selected classes per day, newest first, p_limit days (the plan listed the view's rows unordered).
CREATE OR REPLACE FUNCTION get_attendance_analytics(
  p_school_code text,
  p_start_date date,
  p_end_date date,
  p_class_instance_id bigint DEFAULT NULL,
  p_limit integer DEFAULT 50
) RETURNS json LANGUAGE sql STABLE AS $$
  WITH sel AS (
    SELECT m.*
    FROM mv_attendance_analytics m
    WHERE m.school_id = (SELECT id FROM schools WHERE school_code = p_school_code)
      AND m.date BETWEEN p_start_date AND p_end_date
      AND (p_class_instance_id IS NULL OR m.class_instance_id = p_class_instance_id)
  )
  SELECT json_build_object(
    'schoolCode', sc.school_code,
    'startDate', p_start_date,
    'endDate', p_end_date,
    'aggregation', (
      SELECT json_build_object(
        'totalDays', count(DISTINCT date),
        'avgAttendanceRate', round(coalesce(avg(attendance_rate), 0), 2),
        'totalPresent', coalesce(sum(present_count), 0),
        'totalAbsent', coalesce(sum(absent_count), 0),
        'totalLate', coalesce(sum(late_count), 0),
        'totalRecords', coalesce(sum(total_count), 0)
      ) FROM sel
    ),
    'dailyBreakdown', (
      SELECT coalesce(json_agg(json_build_object(
        'date', d.date,
        'attendanceRate', round(d.present_count::numeric / NULLIF(d.total_count, 0) * 100, 2),
        'presentCount', d.present_count,
        'absentCount', d.absent_count,
        'lateCount', d.late_count,
        'totalCount', d.total_count
      ) ORDER BY d.date DESC), '[]'::json)
      FROM (
        SELECT date, sum(present_count) AS present_count, sum(absent_count) AS absent_count,
               sum(late_count) AS late_count, sum(total_count) AS total_count
        FROM sel GROUP BY date ORDER BY date DESC LIMIT p_limit
      ) d
    )
  )
  FROM schools sc WHERE sc.school_code = p_school_code
$$;
