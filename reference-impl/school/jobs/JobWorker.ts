/*
 * The background worker of seed 001 3.1, inside the API process: each poll first returns expired claims to the
 * queue, then claims and runs up to `jobsPerPoll` jobs, one at a time (claim, run the handler, record the
 * outcome). A handler that throws spends one attempt: the job goes back to 'pending' with a delay, doubled per
 * attempt, until max_attempts (3) is reached, then it is 'failed' with the last error. Any number of workers, in
 * any number of processes, can poll one queue (jobStatements.ts says why a job is taken once per attempt).
 *
 * A worker claims only the job types it has handlers for, so other kinds of worker can share the queue (and a
 * job of a type nobody handles waits instead of failing).
 *
 * The worker is driven by a PeriodicTask (never overlapping itself, stopped on close); a poll that cannot reach
 * the database throws, and the task counts and logs it.
 */
import type pg from 'pg';
import type { ApiLogger } from '../../platform/log/ApiLogger.ts';
import { errorText } from '../../platform/log/ApiLogger.ts';
import type { Database } from '../../platform/db/Database.ts';
import { jobStatements, type ClaimedJob } from './jobStatements.ts';

/** Runs one job: returns its result (stored as JSON in the job row) or throws (one failed attempt). */
export type JobHandler = (payload: unknown, db: Database) => Promise<unknown>;

export type JobOutcome = 'completed' | 'retry' | 'failed' | 'lost';

export interface JobWorkerOptions {
  db: Database;
  handlers: Readonly<Record<string, JobHandler>>;
  jobsPerPoll: number;
  leaseS: number;
  retryDelayMs: number;
  /** Every attempt's outcome, for metrics ('lost': the claim was retaken before this worker finished). */
  onOutcome?: (jobType: string, outcome: JobOutcome) => void;
  log: ApiLogger;
}

export class JobWorker {
  readonly #opts: JobWorkerOptions;
  readonly #types: readonly string[];

  constructor(opts: JobWorkerOptions) {
    this.#opts = opts;
    this.#types = Object.keys(opts.handlers);
  }

  /** One poll: expired claims back to the queue, then up to jobsPerPoll jobs. Returns the jobs run. */
  async poll(): Promise<number> {
    await this.#opts.db.query(jobStatements.reclaim(this.#opts.leaseS));
    let ran = 0;
    while (ran < this.#opts.jobsPerPoll && (await this.runOne()) !== undefined) ran++;
    return ran;
  }

  /** Claims and runs the next due job; undefined when none is due. */
  runOne(): Promise<{ id: string; outcome: JobOutcome } | undefined> {
    return this.#claimAndRun(jobStatements.claim(this.#types));
  }

  /** Claims and runs job `id` now if it is pending (the naive variant's in-request run); else undefined. */
  runJob(id: string): Promise<{ id: string; outcome: JobOutcome } | undefined> {
    return this.#claimAndRun(jobStatements.claimById(id, this.#types));
  }

  async #claimAndRun(claim: pg.QueryConfig): Promise<{ id: string; outcome: JobOutcome } | undefined> {
    const job = (await this.#opts.db.query<ClaimedJob>(claim)).rows[0];
    if (job === undefined) return undefined;
    const outcome = await this.#run(job);
    this.#opts.onOutcome?.(job.job_type, outcome);
    return { id: job.id, outcome };
  }

  async #run(job: ClaimedJob): Promise<JobOutcome> {
    const { db, handlers, retryDelayMs, log } = this.#opts;
    let result: unknown;
    try {
      const handler = handlers[job.job_type];
      if (handler === undefined) throw new Error(`no handler for job type ${JSON.stringify(job.job_type)}; known: ${Object.keys(handlers).join(', ')}`);
      result = await handler(job.payload, db);
    } catch (err) {
      const message = errorText(err).slice(0, 1000);
      const row = (await db.query<{ status: string }>(jobStatements.fail(job.id, job.attempts, message, retryDelayMs))).rows[0];
      if (row === undefined) return 'lost';
      const final = row.status === 'failed';
      log.warn(`school job ${job.id} (${job.job_type}) attempt ${job.attempts}/${job.max_attempts} failed${final ? ', giving up' : ', will retry'}: ${message}`);
      return final ? 'failed' : 'retry';
    }
    const done = await db.query(jobStatements.complete(job.id, job.attempts, JSON.stringify(result ?? null)));
    return done.rowCount === 1 ? 'completed' : 'lost';
  }
}
