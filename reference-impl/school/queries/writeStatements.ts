/*
 * The write routes' statements, one round trip each, shared by both variants (the plan changes reads, not these
 * writes). Both check that the student belongs where the write says (class of the mark, class of the task) in
 * the same statement.
 *
 * Attendance: the usual "RETURNING (xmax = 0)" test cannot tell insert from update here, because attendance is
 * partitioned and Postgres refuses system columns in a partitioned table's RETURNING ("cannot retrieve a
 * system column in this context"). So the statement updates first and inserts only when nothing was updated,
 * and reports which branch ran. The insert keeps ON CONFLICT DO UPDATE, so two simultaneous first marks of one
 * student and day both succeed and the later status wins; both may then answer 201 (a miscount under that
 * race only, never a lost or duplicate row).
 */
import type pg from 'pg';
import type { AttendanceBody } from '../validation/writeBodies.ts';

const MARK_ATTENDANCE = `
WITH target AS (
  SELECT id, class_instance_id FROM student WHERE id = $1 AND class_instance_id = $2
), upd AS (
  UPDATE attendance a SET status = $4, class_instance_id = t.class_instance_id, marked_at = now()
  FROM target t WHERE a.student_id = t.id AND a.date = $3::date
  RETURNING 1
), ins AS (
  INSERT INTO attendance (student_id, class_instance_id, date, status)
  SELECT t.id, t.class_instance_id, $3::date, $4 FROM target t WHERE NOT EXISTS (SELECT 1 FROM upd)
  ON CONFLICT (student_id, date) DO UPDATE
    SET status = EXCLUDED.status, class_instance_id = EXCLUDED.class_instance_id, marked_at = EXCLUDED.marked_at
  RETURNING 1
)
SELECT (SELECT count(*) FROM target)::int AS students,
       (SELECT count(*) FROM upd)::int AS updated,
       (SELECT count(*) FROM ins)::int AS inserted`;

// A new submission, or the student's existing one for that task (the first submission time is kept: a retry
// must not move a submission past its due date). No row: unknown task, inactive task, unknown student, or a
// student of another class.
const SUBMIT_TASK = `
WITH eligible AS (
  SELECT t.id AS task_id, s.id AS student_id
  FROM tasks t JOIN student s ON s.class_instance_id = t.class_instance_id
  WHERE t.id = $1 AND s.id = $2 AND t.is_active
), ins AS (
  INSERT INTO task_submissions (task_id, student_id)
  SELECT task_id, student_id FROM eligible
  ON CONFLICT (task_id, student_id) DO NOTHING
  RETURNING submitted_at
)
SELECT COALESCE(i.submitted_at, ts.submitted_at) AS submitted_at, (i.submitted_at IS NOT NULL) AS created
FROM eligible e
LEFT JOIN ins i ON true
LEFT JOIN task_submissions ts ON ts.task_id = e.task_id AND ts.student_id = e.student_id`;

// The existing submission, for the one case SUBMIT_TASK cannot see it: another request inserted it after this
// statement's snapshot was taken (ON CONFLICT waited for it, but the join reads the older snapshot).
const EXISTING_SUBMISSION = `
SELECT submitted_at, false AS created FROM task_submissions WHERE task_id = $1 AND student_id = $2`;

export interface MarkOutcome {
  students: number;
  updated: number;
  inserted: number;
}

/** A submission is keyed by (task_id, student_id); submitted_at is null only in the race EXISTING_SUBMISSION covers. */
export interface SubmissionRow {
  submitted_at: Date | null;
  created: boolean;
}

export const writeStatements = {
  markAttendance: (b: AttendanceBody): pg.QueryConfig =>
    ({ name: 'sp_school_mark_attendance', text: MARK_ATTENDANCE, values: [b.student_id, b.class_instance_id, b.date, b.status] }),
  submitTask: (taskId: number, studentId: number): pg.QueryConfig =>
    ({ name: 'sp_school_submit_task', text: SUBMIT_TASK, values: [taskId, studentId] }),
  existingSubmission: (taskId: number, studentId: number): pg.QueryConfig =>
    ({ name: 'sp_school_existing_submission', text: EXISTING_SUBMISSION, values: [taskId, studentId] }),
};
