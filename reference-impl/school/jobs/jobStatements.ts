/*
 * The job queue's statements (seed 001 3.1, table job_queue in schema/shared/004_job_queue.sql). A claim is one
 * autocommit UPDATE over a FOR UPDATE SKIP LOCKED subselect: two workers never take the same row, neither waits
 * for the other, and the row leaves 'pending' in the same statement, so it is taken exactly once per attempt.
 * `attempts` is the fencing token: a worker finishes only the attempt it claimed, so a job retaken after its
 * lease expired cannot be finished twice.
 */
import type pg from 'pg';

export const JOB_STATUSES = ['pending', 'processing', 'completed', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface ClaimedJob {
  id: string;
  job_type: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

const CLAIM = `
UPDATE job_queue SET status = 'processing', attempts = attempts + 1, locked_at = now(), updated_at = now()
WHERE id = (
  SELECT id FROM job_queue
  WHERE status = 'pending' AND run_at <= now() AND job_type = ANY($1::text[])
  ORDER BY priority DESC, run_at, id
  LIMIT 1
  FOR UPDATE SKIP LOCKED
)
RETURNING id::text, job_type, payload, attempts, max_attempts`;

const COMPLETE = `
UPDATE job_queue SET status = 'completed', result = $3::jsonb, error = NULL, locked_at = NULL,
  completed_at = now(), updated_at = now()
WHERE id = $1 AND status = 'processing' AND attempts = $2`;

// The naive variant runs a job it just queued inside the request: the same claim, for that job only.
const CLAIM_BY_ID = `
UPDATE job_queue SET status = 'processing', attempts = attempts + 1, locked_at = now(), updated_at = now()
WHERE id = (SELECT id FROM job_queue WHERE id = $1 AND status = 'pending' AND job_type = ANY($2::text[]) FOR UPDATE SKIP LOCKED)
RETURNING id::text, job_type, payload, attempts, max_attempts`;

// Back to 'pending' with a later run_at while attempts remain, else 'failed' for good.
const FAIL = `
UPDATE job_queue SET
  status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'pending' END,
  error = $3, locked_at = NULL, updated_at = now(),
  run_at = now() + make_interval(secs => $4::double precision / 1000 * 2 ^ (attempts - 1)),
  completed_at = CASE WHEN attempts >= max_attempts THEN now() END
WHERE id = $1 AND status = 'processing' AND attempts = $2
RETURNING status`;

// A claim older than the lease: its worker died or stalled. The attempt it spent still counts.
const RECLAIM = `
UPDATE job_queue SET
  status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'pending' END,
  error = 'the worker did not finish within ' || $1::int || ' s (it died or stalled)',
  locked_at = NULL, updated_at = now(),
  completed_at = CASE WHEN attempts >= max_attempts THEN now() END
WHERE id IN (
  SELECT id FROM job_queue
  WHERE status = 'processing' AND locked_at < now() - make_interval(secs => $1::int)
  FOR UPDATE SKIP LOCKED
)`;

// A report of the school's term: the payload names the school and the range; without from/to, the school's
// current academic year. Unknown school: no row, so no job.
const ENQUEUE_REPORT = `
INSERT INTO job_queue (job_type, payload)
SELECT 'school_term_report', jsonb_build_object(
  'school_code', s.school_code,
  'from', COALESCE($2::date, ay.start_date, CURRENT_DATE - 90),
  'to', COALESCE($3::date, ay.end_date, CURRENT_DATE))
FROM schools s
LEFT JOIN LATERAL (
  SELECT start_date, end_date FROM academic_years WHERE school_id = s.id AND is_current ORDER BY start_date DESC LIMIT 1
) ay ON true
WHERE s.school_code = $1
RETURNING id::text`;

const STATUS = `
SELECT json_build_object(
  'jobId', id, 'type', job_type, 'status', status, 'attempts', attempts, 'maxAttempts', max_attempts,
  'error', error, 'result', result, 'createdAt', created_at, 'completedAt', completed_at
)::text AS body
FROM job_queue WHERE id = $1`;

export const jobStatements = {
  /** Only the job types the worker has handlers for: one queue can serve several kinds of worker. */
  claim: (jobTypes: readonly string[]): pg.QueryConfig => ({ name: 'sp_school_job_claim', text: CLAIM, values: [jobTypes] }),
  claimById: (id: string, jobTypes: readonly string[]): pg.QueryConfig =>
    ({ name: 'sp_school_job_claim_by_id', text: CLAIM_BY_ID, values: [id, jobTypes] }),
  complete: (id: string, attempt: number, resultJson: string): pg.QueryConfig =>
    ({ name: 'sp_school_job_complete', text: COMPLETE, values: [id, attempt, resultJson] }),
  fail: (id: string, attempt: number, error: string, retryDelayMs: number): pg.QueryConfig =>
    ({ name: 'sp_school_job_fail', text: FAIL, values: [id, attempt, error, retryDelayMs] }),
  reclaim: (leaseS: number): pg.QueryConfig => ({ name: 'sp_school_job_reclaim', text: RECLAIM, values: [leaseS] }),
  enqueueReport: (schoolCode: string, from: string | null, to: string | null): pg.QueryConfig =>
    ({ name: 'sp_school_job_enqueue_report', text: ENQUEUE_REPORT, values: [schoolCode, from, to] }),
  status: (id: string): pg.QueryConfig => ({ name: 'sp_school_job_status', text: STATUS, values: [id] }),
};
