/*
 * Seed 004 Phase 3's recommended option: report generation as a BullMQ job on Redis (Queue + Worker, "Workers:
 * 3-5 concurrent", attempts with exponential backoff), progress reported through job.updateProgress, state and
 * result read back with getJob/getState (the plan's getJobStatus). The job's data names its tenant; a job of
 * another tenant answers as if it did not exist. Finished jobs are kept a day (the reports' TTL).
 */
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { ApiLogger } from '../../platform/log/ApiLogger.ts';
import { errorText } from '../../platform/log/ApiLogger.ts';
import type { JobState, JobView, ReportMonth } from '../CatalogStore.ts';
import type { OrderReport } from '../documents.ts';
import { catalogErrors } from '../errors/catalogErrors.ts';

export interface ReportJobData extends ReportMonth {
  clientId: string;
}

export type ReportRunner = (data: ReportJobData, progress: (pct: number) => Promise<void>) => Promise<OrderReport>;

export interface ReportQueue {
  enqueue(data: ReportJobData, jobId: string): Promise<void>;
  job(clientId: string, jobId: string): Promise<JobView | null>;
  close(): Promise<void>;
}

const STATES: readonly string[] = ['waiting', 'active', 'completed', 'failed', 'delayed'];
/** BullMQ's connections queue commands while Redis is away (it needs them to); a request waits this long at most. */
const QUEUE_TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the report queue did not answer within ${QUEUE_TIMEOUT_MS} ms`)), QUEUE_TIMEOUT_MS);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export function bullReportQueue(o: { redisUrl: string; prefix: string; concurrency: number; run: ReportRunner; log: ApiLogger }): ReportQueue {
  const connection = () => new Redis(o.redisUrl, { maxRetriesPerRequest: null, enableOfflineQueue: true });
  const queueConn = connection();
  const workerConn = connection();
  for (const c of [queueConn, workerConn]) c.on('error', () => undefined); // reconnects; failures surface per call
  const name = 'catalog-reports';
  const prefix = `${o.prefix}bull`;
  const queue = new Queue<ReportJobData, OrderReport>(name, { connection: queueConn, prefix });
  const worker = new Worker<ReportJobData, OrderReport>(name, async (job: Job<ReportJobData, OrderReport>) => o.run(job.data, (pct) => job.updateProgress(pct)), {
    connection: workerConn, prefix, concurrency: o.concurrency,
  });
  worker.on('failed', (job, err) => o.log.warn(`catalog: report job ${job?.id ?? '?'} failed (${errorText(err)})`));
  worker.on('error', (err) => o.log.warn(`catalog: report worker error (${errorText(err)})`));
  return {
    async enqueue(data, jobId) {
      try {
        await withTimeout(queue.add('orders-report', data, {
          jobId, attempts: 3, backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { age: 86_400 }, removeOnFail: { age: 86_400 },
        }));
      } catch (err) {
        o.log.warn(`catalog: queueing a report failed (${errorText(err)})`);
        throw catalogErrors.reportsUnavailable();
      }
    },
    async job(clientId, jobId) {
      const job = await withTimeout(queue.getJob(jobId)).catch(() => {
        throw catalogErrors.reportsUnavailable();
      });
      if (!job || job.data.clientId !== clientId) return null;
      const state = await withTimeout(job.getState()).catch(() => {
        throw catalogErrors.reportsUnavailable();
      });
      const progress = typeof job.progress === 'number' ? job.progress : 0;
      return {
        id: jobId, state: (STATES.includes(state) ? state : 'unknown') as JobState, progress,
        ...(state === 'completed' ? { result: job.returnvalue } : {}),
        ...(state === 'failed' ? { error: job.failedReason } : {}),
      };
    },
    async close() {
      await worker.close().catch(() => undefined);
      await queue.close().catch(() => undefined);
      for (const c of [queueConn, workerConn]) c.disconnect();
    },
  };
}
