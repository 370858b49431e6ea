/*
 * The naive variant's queries: the plan's "before". Each fetches raw rows of one kind (a school's tasks, their
 * submissions, its students' classes, attendance marks, test marks) with plain WHERE filters; counting,
 * grouping, rates, ranking and paging happen in JavaScript (naive/*.ts). No materialized view, no RPC, no
 * cache. Timestamps and dates come back as text so JavaScript compares exactly what Postgres stored; ids too
 * (bigint), so ORDER BY names the table's column (an output column id::text would sort as text).
 */
import type pg from 'pg';

const SCHOOL = `SELECT id::text, school_code, name, city, CURRENT_DATE::text AS today FROM schools WHERE school_code = $1`;

const TASKS = `
SELECT t.id::text, t.title, t.class_instance_id::text, t.due_date::text, ci.grade, ci.section, s.subject_name
FROM tasks t
JOIN class_instances ci ON ci.id = t.class_instance_id
LEFT JOIN subjects s ON s.id = t.subject_id
WHERE t.school_id = $1 AND t.is_active AND t.due_date BETWEEN $2::date AND $3::date
  AND ($4::bigint IS NULL OR t.class_instance_id = $4)`;

const SUBMISSIONS = `
SELECT task_id::text, to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS submitted_at
FROM task_submissions WHERE task_id = ANY($1::bigint[])`;

const STUDENT_CLASSES = `SELECT class_instance_id::text FROM student WHERE class_instance_id = ANY($1::bigint[])`;

const TESTS = `
SELECT t.id::text, t.title, t.class_instance_id::text, t.test_date::text, ci.grade, ci.section, s.subject_name
FROM tests t
JOIN class_instances ci ON ci.id = t.class_instance_id
LEFT JOIN subjects s ON s.id = t.subject_id
WHERE t.school_id = $1 AND t.test_date BETWEEN $2::date AND $3::date
  AND ($4::bigint IS NULL OR t.class_instance_id = $4)
  AND ($5::bigint IS NULL OR t.subject_id = $5)`;

const MARKS = `SELECT test_id::text, marks_obtained, max_marks FROM test_marks WHERE test_id = ANY($1::bigint[])`;

const ATTENDANCE = `
SELECT a.class_instance_id::text, a.date::text, a.status
FROM attendance a
JOIN class_instances ci ON ci.id = a.class_instance_id
WHERE ci.school_id = $1 AND a.date BETWEEN $2::date AND $3::date
  AND ($4::bigint IS NULL OR a.class_instance_id = $4)`;

const STUDENTS_OF_SCHOOL = `
SELECT id::text, student_code, full_name, email, phone, class_instance_id::text
FROM student WHERE school_id = $1 ORDER BY full_name, student.id`;

// ---- the dashboard's widgets, one query each (plan 1.4: "Dashboard makes 6+ queries on mount")

const DASH_COUNTS = `
SELECT (SELECT count(*) FROM student WHERE school_id = $1)::int AS students,
       (SELECT count(*) FROM class_instances WHERE school_id = $1)::int AS classes,
       (SELECT count(*) FROM subjects WHERE school_id = $1)::int AS subjects`;

const DASH_TASKS = `
SELECT t.due_date::text,
       (SELECT count(*) FROM task_submissions ts WHERE ts.task_id = t.id)::int AS submitted,
       (SELECT count(*) FROM student st WHERE st.class_instance_id = t.class_instance_id)::int AS class_size
FROM tasks t WHERE t.school_id = $1 AND t.is_active`;

const DASH_ATTENDANCE = `
SELECT a.date::text, a.status
FROM attendance a
WHERE a.class_instance_id IN (SELECT id FROM class_instances WHERE school_id = $1)
  AND a.date BETWEEN $2::date AND $3::date`;

const DASH_RECENT_TESTS = `
WITH recent AS (
  SELECT t.id, t.title, t.test_date, ci.grade, ci.section, s.subject_name
  FROM tests t
  JOIN class_instances ci ON ci.id = t.class_instance_id
  LEFT JOIN subjects s ON s.id = t.subject_id
  WHERE t.school_id = $1 AND t.test_date <= $2::date AND EXISTS (SELECT 1 FROM test_marks tm WHERE tm.test_id = t.id)
  ORDER BY t.test_date DESC, t.id DESC
  LIMIT 5
)
SELECT r.id::text, r.title, r.test_date::text, r.grade, r.section, r.subject_name, tm.marks_obtained, tm.max_marks
FROM recent r JOIN test_marks tm ON tm.test_id = r.id`;

const DASH_UPCOMING = `
SELECT id::text, title, class_instance_id::text, subject_id::text, due_date::text
FROM tasks WHERE school_id = $1 AND due_date >= $2::date AND is_active
ORDER BY due_date, tasks.id LIMIT 5`;

const q = (name: string, text: string, values: unknown[]): pg.QueryConfig => ({ name: `sp_school_naive_${name}`, text, values });

export const naiveStatements = {
  school: (code: string) => q('school', SCHOOL, [code]),
  tasks: (schoolId: string, from: string, to: string, classId: number | null) => q('tasks', TASKS, [schoolId, from, to, classId]),
  submissions: (taskIds: readonly string[]) => q('submissions', SUBMISSIONS, [taskIds]),
  studentClasses: (classIds: readonly string[]) => q('student_classes', STUDENT_CLASSES, [classIds]),
  tests: (schoolId: string, from: string, to: string, classId: number | null, subjectId: number | null) =>
    q('tests', TESTS, [schoolId, from, to, classId, subjectId]),
  marks: (testIds: readonly string[]) => q('marks', MARKS, [testIds]),
  attendance: (schoolId: string, from: string, to: string, classId: number | null) => q('attendance', ATTENDANCE, [schoolId, from, to, classId]),
  studentsOfSchool: (schoolId: string) => q('students', STUDENTS_OF_SCHOOL, [schoolId]),
  dashCounts: (schoolId: string) => q('dash_counts', DASH_COUNTS, [schoolId]),
  dashTasks: (schoolId: string) => q('dash_tasks', DASH_TASKS, [schoolId]),
  dashAttendance: (schoolId: string, from: string, to: string) => q('dash_attendance', DASH_ATTENDANCE, [schoolId, from, to]),
  dashRecentTests: (schoolId: string, asOf: string) => q('dash_recent_tests', DASH_RECENT_TESTS, [schoolId, asOf]),
  dashUpcoming: (schoolId: string, asOf: string) => q('dash_upcoming', DASH_UPCOMING, [schoolId, asOf]),
};

export interface SchoolRow {
  id: string;
  school_code: string;
  name: string;
  city: string | null;
  today: string;
}
