/*
 * Report jobs (seed 001 3.1): POST answers 202 {jobId}, a worker takes pending jobs with FOR UPDATE SKIP
 * LOCKED, each exactly once however many workers race for them, a job that keeps failing is retried and then
 * marked failed after max_attempts (3), and GET /jobs/:id tells the status and the stored result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../../reference-impl/platform/db/createPool.ts';
import { Database } from '../../reference-impl/platform/db/Database.ts';
import { stderrLogger } from '../../reference-impl/platform/log/ApiLogger.ts';
import { JobWorker, type JobHandler } from '../../reference-impl/school/jobs/JobWorker.ts';
import { JOB_TASK } from '../../reference-impl/school/jobs/registerJobWorker.ts';
import { isoDate, schoolDayMs, TERM_SCHOOL_DAYS } from '../../scenarios/school/layout.ts';
import { waitFor } from '../reference-impl/helpers/waitFor.ts';
import { seededSchoolDatabase, startSchoolApi, type SchoolDatabase, type SchoolTestApi } from './helpers/schoolTestApi.ts';

const NAME = 'school api jobs';
const quietLog = { info: () => undefined, warn: () => undefined, error: stderrLogger.error };

describe(NAME, () => {
  let db: SchoolDatabase;
  const apis: SchoolTestApi[] = [];
  const databases: Database[] = [];

  const database = (url: string) => {
    const d = new Database('test', createPool({ url, name: 'test', max: 4, statementTimeoutMs: 5000, log: quietLog, onIdleError: () => undefined }), () => undefined);
    databases.push(d);
    return d;
  };

  beforeAll(async () => {
    db = await seededSchoolDatabase(NAME);
  });
  afterAll(async () => {
    for (const api of apis) await api.close();
    await Promise.all(databases.map((d) => d.end()));
    await db?.drop();
  });

  it('optimized: POST /schools/:code/reports answers 202 {jobId} at once; its worker computes the term report', async () => {
    const api = await startSchoolApi(NAME, 'optimized', db.urls.optimized, { settings: { jobPollMs: 20 } });
    apis.push(api);
    const from = isoDate(schoolDayMs(Date.now(), 0));
    const to = isoDate(schoolDayMs(Date.now(), TERM_SCHOOL_DAYS - 1));
    const res = await api.app.inject({ method: 'POST', url: '/schools/SCH00002/reports', payload: { from, to } });
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json();
    expect(Number.isInteger(jobId)).toBe(true);
    let job: Record<string, unknown> = {};
    await waitFor('the worker to complete the job', async () => {
      job = (await api.app.inject({ method: 'GET', url: `/jobs/${jobId}` })).json();
      return job.status === 'completed';
    });
    expect(job).toMatchObject({ jobId, type: 'school_term_report', status: 'completed', attempts: 1, maxAttempts: 3, error: null });
    const report = job.result as { schoolCode: string; from: string; to: string; totals: { classes: number; marks: number }; classes: unknown[] };
    expect(report).toMatchObject({ schoolCode: 'SCH00002', from, to, totals: { classes: 25, marks: 1000 * TERM_SCHOOL_DAYS } });
    expect(report.classes).toHaveLength(25);
    // Without a body: the school's current academic year.
    const noBody = await api.app.inject({ method: 'POST', url: '/schools/SCH00001/reports' });
    expect(noBody.statusCode).toBe(202);
    const unknown = await api.app.inject({ method: 'POST', url: '/schools/SCH99999/reports', payload: {} });
    expect(unknown.statusCode).toBe(404);
    expect((await api.app.inject({ method: 'GET', url: '/jobs/999999' })).json().error.code).toBe('JOB_NOT_FOUND');
    await api.close(); // its worker stops polling before the next tests use the queue
  });

  it('naive: the report is computed inside the POST (the plan\'s "before"), so the job is complete when 202 arrives', async () => {
    const api = await startSchoolApi(NAME, 'naive', db.urls.naive);
    apis.push(api);
    const { jobId } = (await api.app.inject({ method: 'POST', url: '/schools/SCH00001/reports', payload: {} })).json();
    const job = (await api.app.inject({ method: 'GET', url: `/jobs/${jobId}` })).json();
    expect(job).toMatchObject({ status: 'completed', attempts: 1 });
    expect((job.result as { totals: { classes: number } }).totals.classes).toBe(25);
  });

  it('both variants register the worker as a periodic task; only optimized refreshes views', async () => {
    const naive = await startSchoolApi(NAME, 'naive', db.urls.naive, { settings: { mvRefreshIntervalS: 300 } });
    const optimized = await startSchoolApi(NAME, 'optimized', db.urls.optimized, { settings: { mvRefreshIntervalS: 300 } });
    apis.push(naive, optimized);
    expect([...naive.app.scaleproof.tasks.keys()]).toEqual([JOB_TASK]);
    expect([...optimized.app.scaleproof.tasks.keys()].sort()).toEqual([JOB_TASK, 'school_views_refresh']);
    expect(await optimized.app.scaleproof.tasks.get('school_views_refresh')!.task.runNow()).toBe(true);
  });

  it('three workers racing over one queue take every job exactly once', async () => {
    const client = await db.client('optimized');
    await client.query("INSERT INTO job_queue (job_type, payload) SELECT 'race', jsonb_build_object('n', n) FROM generate_series(1, 60) n");
    const taken: Array<{ worker: string; n: number }> = [];
    const handler = (worker: string): JobHandler => async (payload) => {
      taken.push({ worker, n: (payload as { n: number }).n });
      await new Promise((r) => setTimeout(r, 2)); // hold the claim a moment, so the workers overlap
      return { by: worker };
    };
    const workers = ['a', 'b', 'c'].map((w) => new JobWorker({
      db: database(db.urls.optimized), handlers: { race: handler(w) }, jobsPerPoll: 1000, leaseS: 300, retryDelayMs: 0, log: quietLog,
    }));
    const ran = await Promise.all(workers.map((w) => w.poll()));
    expect(ran.reduce((a, b) => a + b, 0)).toBe(60);
    expect(taken.map((t) => t.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(new Set(taken.map((t) => t.worker)).size).toBeGreaterThan(1);
    const rows = await client.query("SELECT status, attempts, count(*)::int AS n FROM job_queue WHERE job_type = 'race' GROUP BY 1, 2");
    expect(rows.rows).toEqual([{ status: 'completed', attempts: 1, n: 60 }]);
  });

  it('a failing job is retried, then marked failed with its error after 3 attempts', async () => {
    const client = await db.client('optimized');
    const { rows: [job] } = await client.query<{ id: string }>("INSERT INTO job_queue (job_type, payload) VALUES ('flaky', '{}') RETURNING id::text");
    let calls = 0;
    const worker = new JobWorker({
      db: database(db.urls.optimized),
      handlers: { flaky: async () => { calls++; throw new Error(`boom ${calls}`); } },
      jobsPerPoll: 10, leaseS: 300, retryDelayMs: 0, log: quietLog,
      onOutcome: (_type, outcome) => outcomes.push(outcome),
    });
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) await worker.poll();
    expect(calls).toBe(3);
    expect(outcomes).toEqual(['retry', 'retry', 'failed']);
    const { rows: [row] } = await client.query('SELECT status, attempts, error, completed_at IS NOT NULL AS done FROM job_queue WHERE id = $1', [job!.id]);
    expect(row).toEqual({ status: 'failed', attempts: 3, error: 'boom 3', done: true });
  });

  it('a retry waits its delay, doubled per attempt', async () => {
    const client = await db.client('optimized');
    const { rows: [job] } = await client.query<{ id: string }>("INSERT INTO job_queue (job_type, payload) VALUES ('late', '{}') RETURNING id::text");
    const worker = new JobWorker({
      db: database(db.urls.optimized), handlers: { late: async () => { throw new Error('not yet'); } },
      jobsPerPoll: 10, leaseS: 300, retryDelayMs: 60_000, log: quietLog,
    });
    await worker.poll();
    await worker.poll(); // nothing due: the retry is a minute away
    const { rows: [row] } = await client.query("SELECT status, attempts, run_at > now() + interval '50 seconds' AS later FROM job_queue WHERE id = $1", [job!.id]);
    expect(row).toEqual({ status: 'pending', attempts: 1, later: true });
  });

  it("a claim whose worker died is taken again after the lease, and that attempt counts", async () => {
    const client = await db.client('optimized');
    const { rows: [job] } = await client.query<{ id: string }>(
      "INSERT INTO job_queue (job_type, payload, status, attempts, locked_at) VALUES ('orphan', '{}', 'processing', 1, now() - interval '10 minutes') RETURNING id::text");
    const worker = new JobWorker({
      db: database(db.urls.optimized), handlers: { orphan: async () => ({ ok: true }) }, jobsPerPoll: 10, leaseS: 300, retryDelayMs: 0, log: quietLog,
    });
    await worker.poll();
    const { rows: [row] } = await client.query('SELECT status, attempts, result FROM job_queue WHERE id = $1', [job!.id]);
    expect(row).toEqual({ status: 'completed', attempts: 2, result: { ok: true } });
  });
});
