/*
 * Report jobs in process memory: the naive variant's (the plan's "before" has no queue system, Phase 3 adds
 * one) and the optimized variant's fallback when there is no Redis (said in the log). Same contract as the
 * BullMQ queue (ReportQueue): 202 at once, state and progress while it runs, the result when done. Jobs run one
 * after another (`concurrency` at a time) on loops started with the API, not inside the request that queued
 * them, so their statements are not counted against that request. Kept in memory for a day; lost on restart.
 */
import type { ApiLogger } from '../../platform/log/ApiLogger.ts';
import { errorText } from '../../platform/log/ApiLogger.ts';
import type { JobView } from '../CatalogStore.ts';
import type { ReportJobData, ReportQueue, ReportRunner } from '../optimized/reportQueue.ts';

const KEEP_MS = 86_400_000;

interface Entry {
  data: ReportJobData;
  view: JobView;
  doneAtMs?: number;
}

export function memoryReportQueue(o: { concurrency: number; run: ReportRunner; log: ApiLogger }): ReportQueue {
  const jobs = new Map<string, Entry>();
  const pending: string[] = [];
  const waiters: Array<() => void> = [];
  let closed = false;

  const sweep = () => {
    const now = Date.now();
    for (const [id, e] of jobs) if (e.doneAtMs !== undefined && now - e.doneAtMs > KEEP_MS) jobs.delete(id);
  };

  const loop = async () => {
    while (!closed) {
      const id = pending.shift();
      if (id === undefined) {
        await new Promise<void>((resolve) => waiters.push(resolve));
        continue;
      }
      const e = jobs.get(id);
      if (!e) continue;
      e.view = { id, state: 'active', progress: 0 };
      try {
        const result = await o.run(e.data, async (pct) => {
          if (closed) throw new Error('the API is shutting down');
          e.view = { id, state: 'active', progress: pct };
        });
        e.view = { id, state: 'completed', progress: 100, result };
      } catch (err) {
        e.view = { id, state: 'failed', progress: e.view.progress, error: errorText(err) };
        if (!closed) o.log.warn(`catalog: report job ${id} failed (${errorText(err)})`);
      }
      e.doneAtMs = Date.now();
    }
  };
  const loops = Array.from({ length: o.concurrency }, () => loop());

  return {
    async enqueue(data, jobId) {
      sweep();
      jobs.set(jobId, { data, view: { id: jobId, state: 'waiting', progress: 0 } });
      pending.push(jobId);
      waiters.shift()?.();
    },
    async job(clientId, jobId) {
      const e = jobs.get(jobId);
      return e && e.data.clientId === clientId ? e.view : null;
    },
    async close() {
      closed = true;
      for (const w of waiters.splice(0)) w();
      // Loops waiting for work end now; a running job stops at its next progress report.
      await Promise.race([Promise.all(loops), new Promise((r) => setTimeout(r, 100).unref())]);
    },
  };
}
